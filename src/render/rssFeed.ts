import { Feed, type Extension } from 'feed';
import type { FeedContext } from './feedContext.js';
import { asciiUrl, entryIds, itemCategories, itemLink, itemPublishedOrSeen, publisher } from './feedContext.js';
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
    ...(ctx.hub ? { hub: ctx.hub } : {}),
  });

  const titles = new Swaps<string>();
  const ids = entryIds(items);
  items.forEach((item, index) => {
    const guid = ids[index]!;
    feed.addItem({
      title: titles.token(item.title),
      link: itemLink(item, baseUrl),
      // feed marks a given guid isPermaLink="false"; with none it uses the link, as "true". A
      // permalink guid is the item's link (feedContext), so it is left to that.
      ...(guid.isPermaLink ? {} : { guid: guid.value }),
      date: itemPublishedOrSeen(item),
      description: feedHtml(htmlEscape(item.summary)),
      content: feedHtml(item.contentHtml ?? textToHtml(item.contentText)),
      // feed writes `domain` as given, so it goes in escaped.
      category: itemCategories(item, baseUrl).map(({ term, scheme }) => ({ name: feedText(term), domain: a(scheme) })),
      ...(item.authors.length ? { extensions: [creators(item.authors)] } : {}),
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
