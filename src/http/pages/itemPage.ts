import { html, raw } from 'hono/html';
import type { Item } from '../../item.js';
import { parseDate } from '../../render/feedContext.js';
import type { Taxonomy } from '../../taxonomy/taxonomy.js';
import { layout, type Html } from './layout.js';

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** A BCP 47 tag as `lang` takes it; anything else leaves the page in English. */
const languageTag = /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

/** `22 January 2025, 05:00 UTC`. */
export function humanDate(date: Date): string {
  const time = `${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}`;
  return `${date.getUTCDate()} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()}, ${time} UTC`;
}

function byline(authors: string[]): string {
  if (authors.length <= 1) return authors.join('');
  return `${authors.slice(0, -1).join(', ')} and ${authors.at(-1)}`;
}

/**
 * `/items/{id}` for people: the title, outlet, byline, date (or "date unknown"), whether the page
 * cut the article off, the full text, and its topics and regions linking to their feeds.
 * `contentHtml` is the sanitized HTML ingestion stored (upstream feeds); plain text is escaped.
 */
export function itemPage(item: Item, taxonomy: Taxonomy, base: string): Html {
  const published = parseDate(item.published);
  // The page is in English; the article carries its own language.
  const lang = item.language && languageTag.test(item.language) ? item.language : 'en';
  const paragraphs = item.contentText.split(/\n{2,}/).map((p) => p.trim()).filter(Boolean);
  const tags = [
    ...item.topics.map((slug) => ({ name: taxonomy.topic(slug)?.name ?? slug, path: `/topics/${slug}` })),
    ...item.regions.map((slug) => ({ name: taxonomy.region(slug)?.name ?? slug, path: `/regions/${slug}` })),
  ];
  const meta = [
    item.source ? html`<span class="outlet">${item.source}</span>` : '',
    item.authors.length ? html`<span class="byline">by ${byline(item.authors)}</span>` : '',
    published
      ? html`<time datetime="${published.toISOString().replace(/\.000Z$/, 'Z')}">${humanDate(published)}</time>`
      : html`<span class="date-unknown">date unknown</span>`,
  ].filter((part) => part !== '');
  const body = html`<nav class="top"><a href="${base}/">Caravan</a>: every feed</nav>
<main>
<article${lang === 'en' ? '' : html` lang="${lang}"`}>
<header>
<h1>${item.title}</h1>
<p class="meta">${meta.map((part, i) => html`${i ? ' · ' : ''}${part}`)}</p>
${item.partial ? html`<p class="partial"><strong>partial: the page cut this article off.</strong>${item.url ? html` The full text may be at <a href="${item.url}">the original</a>.` : ''}</p>\n` : ''}</header>
<div class="text">
${item.contentHtml ? raw(item.contentHtml) : paragraphs.map((p) => html`<p>${p}</p>\n`)}
</div>
${item.url ? html`<p class="note">Original: <a href="${item.url}">${item.url}</a></p>\n` : ''}</article>
${tags.length ? html`<section aria-labelledby="feeds">
<h2 id="feeds">In these feeds</h2>
<ul class="feeds">
${tags.map((t) => html`<li><a href="${base}${t.path}.atom">${t.name}</a><span class="formats"><a href="${base}${t.path}.rss">RSS</a><a href="${base}${t.path}.json">JSON</a></span></li>\n`)}</ul>
</section>
` : ''}<p class="note">For scripts: this article as JSON is the same URL with <code>Accept: application/json</code>.</p>
</main>
`;
  return layout({ lang: 'en', title: `${item.title} (Caravan)`, description: item.summary, body });
}
