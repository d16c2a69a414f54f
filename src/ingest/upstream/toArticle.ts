/**
 * One parsed feed entry to an `Article`: links resolved against the entry's base (entry xml:base,
 * else the feed's xml:base, else the feed's own link, else the URL the feed was fetched from) and
 * cleaned of tracking parameters, title as plain text, HTML sanitized, paragraphs derived from the
 * sanitized HTML, dates parsed (null when unreadable), text free of XML-invalid characters.
 */
import type { Article } from '../../item.js';
import { cleanUrl, resolveUrl } from './cleanUrl.js';
import type { FeedEntry, ParsedFeed } from './feedTypes.js';
import { htmlToParagraphs, textToParagraphs } from './htmlToParagraphs.js';
import { parseFeedDate } from './parseDate.js';
import { embedText, sanitizeContent, titleText } from './sanitizeContent.js';

const embedWords = new RegExp(`${embedText} [^\\s]+`, 'g');
import type { UpstreamSource } from './types.js';
import { cleanLine } from '../cleanText.js';

export interface ArticleContext {
  source: UpstreamSource;
  feed: ParsedFeed;
  /** The URL the feed was finally read from (after redirects). */
  feedUrl: string;
  now: Date;
  /** `feedBase(feed, feedUrl)`, when the caller made it once for all the feed's entries. */
  rootBase?: string;
}

/** The base entries of this feed resolve against when they carry no xml:base of their own. */
export function feedBase(feed: ParsedFeed, feedUrl: string): string {
  const rootBase = feed.base ? resolveUrl(feed.base, feedUrl) : null;
  return rootBase ?? resolveUrl(feed.link, feedUrl) ?? feedUrl;
}

/** BCP 47-ish tag (`en`, `ru-RU`, `kk`); null when the feed gives something else. */
export function normalizeLanguage(value: string | null): string | null {
  const tag = value?.trim().replace(/_/g, '-');
  if (!tag || !/^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{1,8})*$/.test(tag)) return null;
  const [primary, ...rest] = tag.split('-');
  return [primary.toLowerCase(), ...rest.map((p) => (p.length === 2 ? p.toUpperCase() : p))].join('-');
}

/** A title for an untitled entry (microblog posts): its first paragraph, cut at a word. */
function titleFromText(paragraphs: string[]): string {
  const first = paragraphs[0] ?? '';
  if (first.length <= 100) return first;
  const cut = first.slice(0, 100);
  const space = cut.lastIndexOf(' ');
  return `${(space > 40 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Names as plain text, empty ones and repeats dropped. */
function unique(names: string[]): string[] {
  const out: string[] = [];
  for (const name of names.map((n) => titleText(n, 'guess'))) {
    if (name !== '' && !out.includes(name)) out.push(name);
  }
  return out;
}

export function toArticle(entry: FeedEntry, ctx: ArticleContext): Article {
  const { source, feed, now } = ctx;
  const rootBase = ctx.rootBase ?? feedBase(feed, ctx.feedUrl);
  const base = (entry.base ? resolveUrl(entry.base, rootBase) : null) ?? rootBase;

  const guid = entry.guid === null ? null : cleanLine(entry.guid) || null;
  const url =
    cleanUrl(entry.link, base) ??
    (entry.guidIsLink && guid !== null && /^https?:\/\//i.test(guid) ? cleanUrl(guid) : null);

  const contentHtml = entry.html ? sanitizeContent(entry.html, base) : null;
  // The words of an embed's link ("Embedded content from host") are Caravan's, not the entry's text.
  const paragraphs = contentHtml
    ? htmlToParagraphs(contentHtml).map((p) => p.replace(embedWords, ' ').trim()).filter((p) => p !== '')
    : entry.text ? textToParagraphs(entry.text) : [];

  const title = (entry.title === null ? '' : titleText(entry.title, entry.titleKind)) || titleFromText(paragraphs);
  const authors = unique(entry.authors.length > 0 ? entry.authors : feed.authors);

  return {
    title,
    paragraphs,
    contentHtml,
    authors,
    source: source.name ?? ((feed.title === null ? '' : titleText(feed.title, 'guess')) || null),
    published: parseFeedDate(entry.published, now),
    updated: parseFeedDate(entry.updated, now),
    url,
    guid,
    partial: false,
    language: normalizeLanguage(entry.language ?? feed.language),
    origin: { kind: 'upstream', ref: source.url },
  };
}
