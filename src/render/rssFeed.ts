import type { FeedContext } from './feedContext.js';
import { asciiUrl, entryIds, itemCategories, itemLink, itemPublishedOrSeen, publisher } from './feedContext.js';
import { htmlEscape, textToHtml } from './htmlEscape.js';
import { xmlAttrEscape as a, xmlEscape as x } from './xmlEscape.js';

/**
 * RSS 2.0 (https://www.rssboard.org/rss-specification), written directly, with only elements the
 * spec or a declared module allows: authors as `dc:creator` (RSS `<author>` must be an e-mail
 * address), full text as `content:encoded`, the self and hub links as `atom:link`.
 *
 * Titles are plain text, XML-escaped once and nothing more: newsboat and rss-parser take an RSS
 * title as text, and so does feedparser unless the text itself looks like HTML (see the README).
 * `description` is HTML by RSS convention, so the plain-text summary is HTML-escaped inside it.
 */
export function renderRssFeed(ctx: FeedContext): string {
  const { feed: def, items, baseUrl } = ctx;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '  <channel>',
    `    <title>${x(def.title)}</title>`,
    `    <link>${x(baseUrl + '/')}</link>`,
    `    <description>${x(def.description)}</description>`,
    '    <language>en</language>',
    '    <copyright>Each article belongs to its publisher.</copyright>',
    `    <lastBuildDate>${ctx.updated.toUTCString()}</lastBuildDate>`,
    '    <docs>https://www.rssboard.org/rss-specification</docs>',
    `    <generator>${x(publisher)}</generator>`,
    `    <atom:link href="${a(asciiUrl(ctx.selfUrl))}" rel="self" type="application/rss+xml"/>`,
    ...(ctx.hub ? [`    <atom:link href="${a(ctx.hub)}" rel="hub"/>`] : []),
  ];
  const ids = entryIds(items);
  items.forEach((item, index) => {
    const guid = ids[index]!;
    lines.push(
      '    <item>',
      `      <title>${x(item.title)}</title>`,
      `      <link>${x(itemLink(item, baseUrl))}</link>`,
      `      <guid isPermaLink="${guid.isPermaLink}">${x(guid.value)}</guid>`,
      `      <pubDate>${itemPublishedOrSeen(item).toUTCString()}</pubDate>`,
      `      <description>${x(htmlEscape(item.summary))}</description>`,
      `      <content:encoded>${x(item.contentHtml ?? textToHtml(item.contentText))}</content:encoded>`,
      ...item.authors.map((name) => `      <dc:creator>${x(name)}</dc:creator>`),
      ...itemCategories(item, baseUrl).map((c) => `      <category domain="${a(c.scheme)}">${x(c.term)}</category>`),
      '    </item>',
    );
  });
  lines.push('  </channel>', '</rss>', '');
  return lines.join('\n');
}
