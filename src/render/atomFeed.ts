import { Feed } from 'feed';
import type { FeedContext } from './feedContext.js';
import { asciiUrl, entryId, entryScope, entryUpdated, feedIcons, feedId, itemCategories, itemLink, itemSource, parseDate, publisher } from './feedContext.js';
import { feedHtml, feedText, finishSwaps, rewrite, Swaps, TOKEN, wholeSeconds } from './feedSwaps.js';
import { textToHtml } from './htmlEscape.js';
import { xmlAttrEscape as a, xmlEscape as x } from './xmlEscape.js';

/** A BCP 47 language tag as `xml:lang` takes it (an item's language otherwise goes unstated). */
const languageTag = /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

/**
 * Atom 1.0 (RFC 4287) through the `feed` package (see feedSwaps.ts for what goes in and why).
 * Titles and summaries are plain text (`type="text"`), so every reader shows them exactly; content
 * is HTML (`type="html"`).
 *
 * Each entry's id is its id in this feed (feedContext `entryId`). `published` only when a source
 * stated it; the required `updated` says what Caravan knows (`entryUpdated`). The outlet is the
 * entry's `<source><title>` (with the upstream feed's URL as its id and self link when it came
 * through one), and the entry's author when it has no byline; entries with neither take the
 * feed's author, Caravan (section 4.1.1).
 */
export function renderAtomFeed(ctx: FeedContext): string {
  const { feed: def, items, baseUrl } = ctx;
  const selfUrl = asciiUrl(ctx.selfUrl);
  const feedTitle = new Swaps<string>();
  const feed = new Feed({
    id: feedText(feedId(selfUrl)),
    title: feedTitle.token(def.title),
    description: feedText(def.description),
    link: baseUrl + '/',
    feedLinks: { atom: selfUrl },
    ...(ctx.hub ? { hub: ctx.hub } : {}),
    author: { name: publisher, link: baseUrl + '/' },
    updated: wholeSeconds(ctx.updated),
    generator: publisher,
    favicon: feedIcons(baseUrl).image,
    copyright: 'Each article belongs to its publisher.',
  });

  const titles = new Swaps<{ title: string; language: string | null }>();
  const summaries = new Swaps<string>();
  const sources = new Swaps<{ title: string; upstreamFeed: string | null }>();
  const scope = entryScope(def, ctx.q);
  items.forEach((item) => {
    const published = parseDate(item.published);
    const source = itemSource(item);
    feed.addItem({
      id: entryId(scope, item),
      title: titles.token({ title: item.title, language: item.language }),
      link: itemLink(item, baseUrl),
      date: wholeSeconds(entryUpdated(item)),
      ...(published ? { published: wholeSeconds(published) } : {}),
      description: summaries.token(item.summary),
      content: feedHtml(item.contentHtml ?? textToHtml(item.contentText)),
      author: (item.authors.length ? item.authors : source ? [source.title] : []).map((name) => ({ name: feedText(name) })),
      // feed has no entry source: `rights` (the entry's last child) stands in and is swapped below.
      ...(source ? { copyright: sources.token(source) } : {}),
      // Slugs ([a-z0-9-], checked when the taxonomy loads): feed's `&`-only attribute escaping is exact.
      category: itemCategories(item, baseUrl).map(({ term, scheme }) => ({ term, scheme })),
    });
  });

  let xml = feed.atom1();
  // feed has no feed-level language: the root element gets `xml:lang` (it is the document's start).
  xml = rewrite(xml, /^(<\?xml [^>]*\?>\s*<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom")>/g, 1, (head) => `${head} xml:lang="en">`);
  // feed writes the feed title without a type; it is plain text.
  xml = feedTitle.swap(xml, new RegExp(`<title>${TOKEN}</title>`, 'g'), (title) => `<title type="text">${x(title)}</title>`);
  // feed writes an entry's title as HTML in CDATA; it is plain text. The title is the entry's first
  // child, so the same swap gives the entry its language, which feed cannot state.
  xml = titles.swap(
    xml,
    new RegExp(`<entry>(\\s*)<title type="html"><!\\[CDATA\\[${TOKEN}\\]\\]></title>`, 'g'),
    ({ title, language }, space) => `<entry${language && languageTag.test(language) ? ` xml:lang="${a(language)}"` : ''}>${space}<title type="text">${x(title)}</title>`,
  );
  // Likewise the summary: plain text, not HTML.
  xml = summaries.swap(xml, new RegExp(`<summary type="html"><!\\[CDATA\\[${TOKEN}\\]\\]></summary>`, 'g'), (summary) => `<summary type="text">${x(summary)}</summary>`);
  xml = sources.swap(xml, new RegExp(`<rights>${TOKEN}</rights>`, 'g'), ({ title, upstreamFeed }) =>
    upstreamFeed
      ? `<source><id>${x(upstreamFeed)}</id><title type="text">${x(title)}</title><link rel="self" href="${a(upstreamFeed)}"/></source>`
      : `<source><title type="text">${x(title)}</title></source>`,
  );
  return finishSwaps(xml);
}
