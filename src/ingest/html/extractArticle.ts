/**
 * One HTML page → its article, with `@mozilla/readability` on a `linkedom` document (both pure
 * JavaScript: the same code on Node and Workers; no script of the page ever runs). Title, byline,
 * date, language and site name come from Readability, then from the page's own metadata
 * (Open Graph, `article:*`, JSON-LD, marked-up dates); the title loses a site name or section label
 * the page's `<h1>` or other forms go without (`pageHeadline`); the article HTML is sanitized with the upstream allowlist
 * (links and images resolved against `<base>`, the page URL or its canonical URL); its plain text
 * is what classification and search read. A page that is not one readable article says why.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { cleanLine } from '../cleanText.js';
import { htmlToParagraphs } from '../upstream/htmlToParagraphs.js';
import { sanitizeContent } from '../upstream/sanitizeContent.js';
import { keptReason, pageLevelReason, readerable } from './notArticleReason.js';
import { pageHeadline } from './pageHeadline.js';
import { type PageMetadata, pageMetadata } from './pageMetadata.js';
import { splitByline } from './splitByline.js';

export interface ExtractedArticle {
  title: string;
  /** Sanitized article HTML. */
  contentHtml: string;
  /** Its plain text, paragraph by paragraph. */
  paragraphs: string[];
  authors: string[];
  siteName: string | null;
  /** As the page states it (parse it with `parseFeedDate`). */
  published: string | null;
  modified: string | null;
  language: string | null;
  /** The canonical URL (`<link rel="canonical">`, `og:url`), http(s) only. */
  url: string | null;
  excerpt: string | null;
}

export type Extraction = { ok: true; article: ExtractedArticle } | { ok: false; reason: string };

export interface ExtractOptions {
  /** Where the page was fetched from (fullText); null for a local file. */
  url?: string | null;
}

/** Pages beyond this many elements are not worth a reader view (and would cost the Worker's CPU). */
const maxElements = 60_000;

const text = (value: string | null | undefined) => (typeof value === 'string' ? cleanLine(value) : '') || null;

export function extractArticle(html: string, options: ExtractOptions = {}): Extraction {
  let doc: Document;
  try {
    doc = parseHTML(html).document;
  } catch (error) {
    return { ok: false, reason: `unreadable HTML (${error instanceof Error ? error.message : String(error)})` };
  }
  if (!doc.documentElement) return { ok: false, reason: 'empty document' };
  const metadata = pageMetadata(doc, options.url ?? null);
  const pageTitle = text(doc.querySelector('title')?.textContent) ?? metadata.title ?? '';
  const notReadable = pageLevelReason(doc, pageTitle);
  if (notReadable !== null) return { ok: false, reason: notReadable };
  const loose = !readerable(doc);
  const headlineForms = [...metadata.headings, metadata.title, metadata.jsonLd?.headline, pageTitle]
    .filter((t): t is string => typeof t === 'string' && t !== '');

  let result: ReturnType<Readability['parse']>;
  try {
    result = new Readability(doc, { maxElemsToParse: maxElements }).parse();
  } catch (error) {
    return { ok: false, reason: `Readability failed (${error instanceof Error ? error.message : String(error)})` };
  }
  if (!result?.content) return { ok: false, reason: 'Readability found no article content' };

  const contentHtml = sanitizeContent(result.content, metadata.base);
  if (contentHtml === null) return { ok: false, reason: 'the article is empty once sanitized' };
  const paragraphs = htmlToParagraphs(contentHtml);
  const kept = paragraphs.join('\n\n');
  const reason = keptReason({ text: kept, linkChars: linkTextLength(result.content) }, loose);
  if (reason !== null) return { ok: false, reason };
  return { ok: true, article: toExtracted(result, metadata, headlineForms, contentHtml, paragraphs) };
}

function toExtracted(
  result: NonNullable<ReturnType<Readability['parse']>>, metadata: PageMetadata, headlineForms: string[], contentHtml: string,
  paragraphs: string[],
): ExtractedArticle {
  const byline = splitByline(result.byline);
  const siteName = text(result.siteName) ?? text(metadata.siteName);
  const chosen = text(result.title) ?? text(metadata.title) ?? text(metadata.jsonLd?.headline) ?? '';
  return {
    title: pageHeadline({ chosen, forms: headlineForms, siteName }),
    contentHtml,
    paragraphs,
    // Readability's byline first (it reads JSON-LD and the author meta tag too), then the metadata's list.
    authors: byline.length ? byline : metadata.authors.map(cleanLine).filter(Boolean),
    siteName,
    published: text(result.publishedTime) ?? text(metadata.published),
    modified: text(metadata.modified),
    language: text(result.lang) ?? text(metadata.language),
    url: metadata.canonical,
    excerpt: text(result.excerpt),
  };
}

/** Characters of link text in Readability's article HTML (before sanitizing drops nothing of it). */
function linkTextLength(html: string): number {
  let n = 0;
  for (const m of html.matchAll(/<a\b[^>]*>([\s\S]*?)<\/a>/gi)) n += cleanLine(m[1].replace(/<[^>]*>/g, '')).length;
  return n;
}
