import { stripInvalidXml } from '../ingest/cleanText.js';
import type { FeedContext } from './feedContext.js';
import { asciiUrl, entryId, entryScope, feedIcons, itemLink, parseDate, publisher, rfc3339, statedUpdate } from './feedContext.js';
import { textToHtml } from './htmlEscape.js';

/**
 * JSON Feed 1.1 (https://jsonfeed.org/version/1.1), written directly: `feed` only writes 1.0.
 * Every string passes the same guard as the XML formats, so all three carry the same text.
 * Ids are the feed's own (feedContext `entryId`); both dates are optional here and given only
 * when a source stated them.
 */
export function renderJsonFeed(ctx: FeedContext): string {
  const { feed: def, items, baseUrl } = ctx;
  const scope = entryScope(def, ctx.q);
  const icons = feedIcons(baseUrl);
  const document = {
    version: 'https://jsonfeed.org/version/1.1',
    title: def.title,
    description: def.description,
    home_page_url: baseUrl + '/',
    feed_url: asciiUrl(ctx.selfUrl),
    icon: icons.image,
    favicon: icons.favicon,
    language: 'en',
    authors: [{ name: publisher, url: baseUrl + '/' }],
    ...(ctx.hub ? { hubs: [{ type: 'WebSub', url: ctx.hub }] } : {}),
    items: items.map((item) => {
      const published = parseDate(item.published);
      const updated = statedUpdate(item);
      return {
        id: entryId(scope, item),
        url: itemLink(item, baseUrl),
        title: item.title,
        content_html: item.contentHtml ?? textToHtml(item.contentText),
        content_text: item.contentText,
        summary: item.summary,
        ...(published ? { date_published: rfc3339(published) } : {}),
        ...(updated ? { date_modified: rfc3339(updated) } : {}),
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
      };
    }),
  };
  return JSON.stringify(document, (_key, value: unknown) => (typeof value === 'string' ? stripInvalidXml(value) : value));
}
