import { Feed } from 'feed';
import type { FeedContext } from './feedContext.js';
import { categoryScheme, escapeXml, itemGuid, itemLink, textToHtml } from './feedContext.js';


/**
 * RSS 2.0 and Atom 1.0 through the `feed` package. `feed` writes item titles as HTML in CDATA,
 * which readers show mangled when a plain-text title holds `<` or `&`; so each title goes in as a
 * unique token and is swapped for the exactly escaped plain text afterwards (Atom: type="text").
 */
export function renderXmlFeed(format: 'rss' | 'atom', ctx: FeedContext): string {
  const { feed: def, items, baseUrl } = ctx;
  const feed = new Feed({
    id: ctx.selfUrl.replace(/\.(rss|atom|json)(\?|$)/, '$2'),
    title: def.title,
    description: def.description,
    link: baseUrl + '/',
    language: 'en',
    updated: ctx.updated,
    generator: 'Caravan',
    copyright: 'Each article belongs to its publisher.',
    feedLinks: format === 'atom' ? { atom: ctx.selfUrl } : { rss: ctx.selfUrl },
    ...(ctx.hub ? { hub: ctx.hub } : {}),
  });
  const titles = new Map<string, string>();
  items.forEach((item, index) => {
    const token = `caravan-title-${index}`;
    titles.set(token, item.title);
    const guid = itemGuid(item);
    feed.addItem({
      title: token,
      id: guid.value,
      guid: guid.value,
      link: itemLink(item, baseUrl),
      date: new Date(item.updated ?? item.published ?? item.firstSeen),
      ...(item.published ? { published: new Date(item.published) } : {}),
      description: item.summary,
      content: item.contentHtml ?? textToHtml(item.contentText),
      author: item.authors.map((name) => ({ name })),
      category: [
        ...item.topics.map((t) => ({ name: t, term: t, domain: categoryScheme(baseUrl, 'topics'), scheme: categoryScheme(baseUrl, 'topics') })),
        ...item.regions.map((r) => ({ name: r, term: r, domain: categoryScheme(baseUrl, 'regions'), scheme: categoryScheme(baseUrl, 'regions') })),
      ],
    });
  });
  const xml = format === 'atom' ? feed.atom1() : feed.rss2();
  const titlePattern =
    format === 'atom'
      ? /<title type="html"><!\[CDATA\[(caravan-title-\d+)\]\]><\/title>/g
      : /<title><!\[CDATA\[(caravan-title-\d+)\]\]><\/title>/g;
  return xml.replace(titlePattern, (_, token: string) =>
    format === 'atom' ? `<title type="text">${escapeXml(titles.get(token)!)}</title>` : `<title>${escapeXml(titles.get(token)!)}</title>`,
  );
}

