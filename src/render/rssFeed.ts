import { Feed, type Extension } from 'feed';
import type { FeedContext } from './feedContext.js';
import { asciiUrl, entryId, entryScope, feedIcons, itemCategories, itemLink, itemSource, parseDate, publisher } from './feedContext.js';
import { feedHtml, feedText, finishSwaps, rewrite, Swaps, TOKEN } from './feedSwaps.js';
import { htmlEscape, textToHtml } from './htmlEscape.js';
import { xmlAttrEscape as a, xmlEscape as x } from './xmlEscape.js';

/** Namespaces every Caravan RSS document declares (atom:link, content:encoded, dc:creator). */
const rssRoot = '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">';

/**
 * RSS 2.0 (https://www.rssboard.org/rss-specification) through the `feed` package (see
 * feedSwaps.ts for what goes in and why), with only elements the spec or a declared module allows:
 * authors as `dc:creator` (RSS `<author>` must be an e-mail address), full text as
 * `content:encoded`, the self and hub links as `atom:link`.
 *
 * Each entry's `guid` is its id in this feed (feedContext `entryId`, `isPermaLink="false"`); its
 * link is the article's URL. `pubDate` is given only when a source stated one (it is optional in
 * RSS): an undated article says nothing rather than Caravan's own clock. `<source>` names the
 * outlet, with the feed it came through as its `url`.
 *
 * Titles are plain text, XML-escaped once and nothing more: newsboat and rss-parser take an RSS
 * title as text, and so does feedparser unless the text itself looks like HTML (see the README).
 * `description` is HTML by RSS convention, so the plain-text summary is HTML-escaped inside it.
 */
export function renderRssFeed(ctx: FeedContext): string {
  const { feed: def, items, baseUrl } = ctx;
  const feed = new Feed({
    title: feedText(def.title),
    description: feedText(def.description),
    link: baseUrl + '/',
    language: 'en',
    copyright: 'Each article belongs to its publisher.',
    updated: ctx.updated,
    docs: 'https://www.rssboard.org/rss-specification',
    generator: publisher,
    feedLinks: { rss: asciiUrl(ctx.selfUrl) },
    image: feedIcons(baseUrl).image,
    ...(ctx.hub ? { hub: ctx.hub } : {}),
  });

  const titles = new Swaps<string>();
  const scope = entryScope(def, ctx.q);
  const everythingRss = `${baseUrl}/feed.rss`;
  items.forEach((item) => {
    const source = itemSource(item);
    const extensions = [
      ...(item.authors.length ? [creators(item.authors)] : []),
      ...(source ? [sourceElement(source.title, source.upstreamFeed ?? everythingRss)] : []),
    ];
    feed.addItem({
      title: titles.token(item.title),
      link: itemLink(item, baseUrl),
      // feed writes a given guid with isPermaLink="false".
      guid: entryId(scope, item),
      // feed types `date` as required but writes pubDate only when there is one.
      date: parseDate(item.published) ?? (undefined as unknown as Date),
      description: feedHtml(htmlEscape(item.summary)),
      content: feedHtml(item.contentHtml ?? textToHtml(item.contentText)),
      // feed writes `domain` as given, so it goes in escaped.
      category: itemCategories(item, baseUrl).map(({ term, scheme }) => ({ name: feedText(term), domain: a(scheme) })),
      ...(extensions.length ? { extensions } : {}),
    });
  });

  let xml = feed.rss2();
  // feed declares dc and content only when an item has content, atom only for a self or hub link:
  // the root element (the document's start) gets all three, always.
  xml = rewrite(xml, /^(<\?xml [^>]*\?>\s*)<rss version="2\.0"[^>]*>/g, 1, (declaration) => declaration + rssRoot);
  // feed writes an item's title as CDATA, which readers take as HTML or text as they guess; it is
  // plain text, escaped once.
  xml = titles.swap(xml, new RegExp(`<title><!\\[CDATA\\[${TOKEN}\\]\\]></title>`, 'g'), (title) => `<title>${x(title)}</title>`);
  return finishSwaps(xml);
}

/**
 * One `dc:creator` per author. feed writes an extension as `{ [name]: objects }` through xml-js,
 * which writes an array of strings as repeated text elements (hence the cast: feed types `objects`
 * as an object).
 */
function creators(names: string[]): Extension {
  return { name: 'dc:creator', objects: names.map(feedText) as unknown as Extension['objects'] };
}

/** RSS `<source url="feed">Outlet</source>` (xml-js compact form; the attribute goes in escaped, see feedSwaps.ts). */
function sourceElement(title: string, url: string): Extension {
  return { name: 'source', objects: { _attributes: { url: a(url) }, _text: feedText(title) } as unknown as Extension['objects'] };
}
