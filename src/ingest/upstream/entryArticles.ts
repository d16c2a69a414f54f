/**
 * A feed's entries to articles, every entry accounted for: it becomes an article, or it is counted
 * as skipped under a reason. An entry with content but no words (an image, a video, an embed, a
 * bare link) is an article with an honest title: its image's alt text, else words from its link,
 * else "Untitled image post" (video, audio, embed, link).
 */
import type { Article } from '../../item.js';
import { cleanLine } from '../cleanText.js';
import { identity } from '../normalize.js';
import { decodeBasicEntities } from './xmlText.js';
import type { FeedEntry } from './feedTypes.js';
import { embedText } from './sanitizeContent.js';
import { feedBase, toArticle, type ArticleContext } from './toArticle.js';

export const skipReasons = {
  empty: 'no title, no link and no content',
  nothingSafe: 'no title, no link, and no content left after sanitizing (scripts, styles, frames or event handlers only)',
  duplicate: 'duplicate of another entry in this feed (same guid, link or title)',
} as const;

export interface EntryArticles {
  articles: Article[];
  skipped: Record<string, number>;
}

/** The first non-empty `alt` of an image in sanitized HTML. */
function imageAlt(html: string): string | null {
  for (const m of html.matchAll(/<img\b[^>]*\salt="([^"]*)"/gi)) {
    const alt = cleanLine(decodeBasicEntities(m[1]));
    if (alt !== '') return alt.length <= 120 ? alt : `${alt.slice(0, 119).trimEnd()}…`;
  }
  return null;
}

/** What a word-less post shows: image, video, audio, embed, else a plain link. */
function mediaKind(html: string | null): string {
  if (html === null) return 'link';
  if (/<img\b/i.test(html)) return 'image';
  if (/<video\b/i.test(html)) return 'video';
  if (/<audio\b/i.test(html)) return 'audio';
  if (html.includes(embedText)) return 'embed';
  return 'link';
}

/** Words from a link's last path segment (`/2025/03/sunset-over-astana.html` → "Sunset over astana"), or null. */
function linkWords(url: string | null): string | null {
  if (url === null) return null;
  let segment: string;
  try {
    const parts = new URL(url).pathname.split('/').filter(Boolean);
    segment = decodeURIComponent(parts[parts.length - 1] ?? '');
  } catch {
    return null;
  }
  const words = segment.replace(/\.[a-z0-9]{1,5}$/i, '').split(/[-_+.\s]+/).filter((w) => /\p{L}/u.test(w) && !/^[0-9a-f]{8,}$/i.test(w));
  if (words.length < 2) return null;
  const text = words.join(' ').slice(0, 100);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The title of an entry that has none and no words to take one from. */
export function wordlessTitle(contentHtml: string | null, url: string | null): string {
  return (contentHtml === null ? null : imageAlt(contentHtml)) ?? linkWords(url) ?? `Untitled ${mediaKind(contentHtml)} post`;
}

const hasRaw = (value: string | null) => value !== null && value.trim() !== '';

export function entryArticles(entries: FeedEntry[], feedCtx: ArticleContext): EntryArticles {
  // The feed's base once, not once an entry.
  const ctx = { ...feedCtx, rootBase: feedCtx.rootBase ?? feedBase(feedCtx.feed, feedCtx.feedUrl) };
  const articles: Article[] = [];
  const skipped: Record<string, number> = {};
  const skip = (reason: string) => {
    skipped[reason] = (skipped[reason] ?? 0) + 1;
  };
  const seen = new Set<string>();
  for (const entry of entries) {
    const article = toArticle(entry, ctx);
    if (article.title === '' && article.url === null && article.paragraphs.length === 0 && article.contentHtml === null) {
      skip(hasRaw(entry.html) || hasRaw(entry.text) ? skipReasons.nothingSafe : skipReasons.empty);
      continue;
    }
    if (article.title === '') Object.assign(article, { title: wordlessTitle(article.contentHtml, article.url), untitled: true });
    const key = identity(article);
    if (seen.has(key)) {
      skip(skipReasons.duplicate);
      continue;
    }
    seen.add(key);
    articles.push(article);
  }
  return { articles, skipped };
}
