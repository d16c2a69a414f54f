import { Feed } from 'feed';
import type { FeedContext } from './feedContext.js';
import { asciiUrl, entryIds, feedId, itemCategories, itemLink, itemModified, parseDate, publisher } from './feedContext.js';
import { feedHtml, feedText, finishSwaps, rewrite, Swaps, TOKEN, wholeSeconds } from './feedSwaps.js';
import { textToHtml } from './htmlEscape.js';
import { xmlAttrEscape as a, xmlEscape as x } from './xmlEscape.js';

/** A BCP 47 language tag as `xml:lang` takes it (an item's language otherwise goes unstated). */
const languageTag = /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

/**
 * Atom 1.0 (RFC 4287) through the `feed` package (see feedSwaps.ts for what goes in and why).
 * Titles and summaries are plain text (`type="text"`), so every reader shows them exactly; content
 * is HTML (`type="html"`). Entries without an author of their own take the feed's (section 4.1.1).
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
    copyright: 'Each article belongs to its publisher.',
  });

  const titles = new Swaps<{ title: string; language: string | null }>();
  const summaries = new Swaps<string>();
  const ids = entryIds(items);
  items.forEach((item, index) => {
    const published = parseDate(item.published);
    feed.addItem({
      id: ids[index]!.value,
      title: titles.token({ title: item.title, language: item.language }),
      link: itemLink(item, baseUrl),
      date: wholeSeconds(itemModified(item)),
      ...(published ? { published: wholeSeconds(published) } : {}),
      description: summaries.token(item.summary),
      content: feedHtml(item.contentHtml ?? textToHtml(item.contentText)),
      author: item.authors.map((name) => ({ name: feedText(name) })),
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
  return finishSwaps(xml);
}
