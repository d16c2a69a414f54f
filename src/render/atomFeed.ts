import type { FeedContext } from './feedContext.js';
import { asciiUrl, entryIds, feedId, itemCategories, itemLink, itemModified, parseDate, publisher, rfc3339 } from './feedContext.js';
import { textToHtml } from './htmlEscape.js';
import { xmlAttrEscape as a, xmlEscape as x } from './xmlEscape.js';

/**
 * Atom 1.0 (RFC 4287), written directly. Titles and summaries are plain text (`type="text"`), so
 * every reader shows them exactly; content is HTML (`type="html"`), escaped, never in CDATA.
 */
export function renderAtomFeed(ctx: FeedContext): string {
  const { feed: def, items, baseUrl } = ctx;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
    `  <id>${x(feedId(asciiUrl(ctx.selfUrl)))}</id>`,
    `  <title type="text">${x(def.title)}</title>`,
    `  <subtitle type="text">${x(def.description)}</subtitle>`,
    `  <updated>${rfc3339(ctx.updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${a(asciiUrl(ctx.selfUrl))}"/>`,
    `  <link rel="alternate" href="${a(baseUrl + '/')}"/>`,
    ...(ctx.hub ? [`  <link rel="hub" href="${a(ctx.hub)}"/>`] : []),
    // Entries without an author of their own take the feed's (RFC 4287 section 4.1.1).
    `  <author><name>${x(publisher)}</name><uri>${x(baseUrl + '/')}</uri></author>`,
    `  <generator>${x(publisher)}</generator>`,
    '  <rights type="text">Each article belongs to its publisher.</rights>',
  ];
  const ids = entryIds(items);
  items.forEach((item, index) => {
    const published = parseDate(item.published);
    lines.push(
      item.language && /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(item.language) ? `  <entry xml:lang="${a(item.language)}">` : '  <entry>',
      `    <id>${x(ids[index]!.value)}</id>`,
      `    <title type="text">${x(item.title)}</title>`,
      `    <link rel="alternate" href="${a(itemLink(item, baseUrl))}"/>`,
      `    <updated>${rfc3339(itemModified(item))}</updated>`,
      ...(published ? [`    <published>${rfc3339(published)}</published>`] : []),
      ...item.authors.map((name) => `    <author><name>${x(name)}</name></author>`),
      ...itemCategories(item, baseUrl).map((c) => `    <category term="${a(c.term)}" scheme="${a(c.scheme)}"/>`),
      `    <summary type="text">${x(item.summary)}</summary>`,
      `    <content type="html">${x(item.contentHtml ?? textToHtml(item.contentText))}</content>`,
      '  </entry>',
    );
  });
  lines.push('</feed>', '');
  return lines.join('\n');
}
