import type { FeedContext } from './feedContext.js';
import { itemGuid, itemLink, textToHtml } from './feedContext.js';

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1), written directly: `feed` only writes 1.0. */
export function renderJsonFeed(ctx: FeedContext): string {
  const { feed: def, items, baseUrl } = ctx;
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: def.title,
    description: def.description,
    home_page_url: baseUrl + '/',
    feed_url: ctx.selfUrl,
    language: 'en',
    authors: [{ name: 'Caravan' }],
    ...(ctx.hub ? { hubs: [{ type: 'WebSub', url: ctx.hub }] } : {}),
    items: items.map((item) => ({
      id: itemGuid(item).value,
      url: itemLink(item, baseUrl),
      title: item.title,
      content_html: item.contentHtml ?? textToHtml(item.contentText),
      content_text: item.contentText,
      summary: item.summary,
      ...(item.published ? { date_published: item.published } : {}),
      date_modified: item.updated ?? item.changed,
      ...(item.authors.length ? { authors: item.authors.map((name) => ({ name })) } : {}),
      tags: [...item.topics, ...item.regions],
      ...(item.language ? { language: item.language } : {}),
      _caravan: {
        source: item.source,
        partial: item.partial,
        topics: item.topics,
        regions: item.regions,
        first_seen: item.firstSeen,
      },
    })),
  });
}
