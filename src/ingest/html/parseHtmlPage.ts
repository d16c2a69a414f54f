/**
 * A local `.html` / `.htm` page (its bytes) → at most one article: decoded by its charset, then
 * `extractArticle`. A page that is not a readable article gives none, with a note that says why
 * (the run summary and /healthz show it as `empty`). Never throws.
 */
import type { Article, Origin } from '../../item.js';
import { cleanUrl } from '../upstream/cleanUrl.js';
import { parseFeedDate } from '../upstream/parseDate.js';
import { normalizeLanguage } from '../upstream/toArticle.js';
import { decodeHtml } from './decodeHtml.js';
import { type ExtractedArticle, extractArticle } from './extractArticle.js';

export interface ParsedHtmlPage {
  articles: Article[];
  notes: string[];
}


/** The extracted article as Caravan's `Article`; dates the page states are parsed, never invented. */
export function extractedToArticle(extracted: ExtractedArticle, origin: Origin, now: Date): Article {
  return {
    title: extracted.title,
    paragraphs: extracted.paragraphs,
    contentHtml: extracted.contentHtml,
    authors: extracted.authors,
    source: extracted.siteName,
    published: parseFeedDate(extracted.published, now),
    updated: parseFeedDate(extracted.modified, now),
    url: cleanUrl(extracted.url),
    guid: null,
    partial: false,
    language: normalizeLanguage(extracted.language),
    origin,
  };
}

export function parseHtmlPage(bytes: Uint8Array, origin: Origin, now: Date): ParsedHtmlPage {
  try {
    const { text, note } = decodeHtml(bytes);
    const notes = note === null ? [] : [note];
    const extraction = extractArticle(text);
    if (!extraction.ok) return { articles: [], notes: [...notes, `not an article: ${extraction.reason}`] };
    return { articles: [extractedToArticle(extraction.article, origin, now)], notes };
  } catch (error) {
    return { articles: [], notes: [`not an article: extractor error (${error instanceof Error ? error.message : String(error)})`] };
  }
}
