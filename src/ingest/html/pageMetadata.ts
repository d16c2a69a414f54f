/**
 * What a page says about itself outside its text: `<base href>`, the canonical URL
 * (`<link rel="canonical">`, else `og:url`), Open Graph and `article:*` meta tags, the author meta
 * tag, `<html lang>` / `og:locale` / `Content-Language`, its JSON-LD article, and a publication date
 * its markup marks up (`publishedInMarkup`) when it states none elsewhere. Read before
 * Readability, which changes the document. Nothing here is invented: absent means null.
 */
import { resolveUrl } from '../upstream/cleanUrl.js';
import { type JsonLdArticle, jsonLdArticle } from './jsonLdArticle.js';
import { publishedInMarkup } from './publishedInMarkup.js';

export interface PageMetadata {
  /** What relative links and images resolve against: `<base href>` (itself resolved), else the page's URL, else canonical. */
  base: string | null;
  /** `<link rel="canonical">`, else `og:url`, else JSON-LD `url`: http(s) only. */
  canonical: string | null;
  title: string | null;
  /** The page's first `<h1>` and `<h2>` texts (three of each at most): how it prints its headline. */
  headings: string[];
  siteName: string | null;
  authors: string[];
  published: string | null;
  modified: string | null;
  language: string | null;
  /** `og:type` (`article`, `website`, ...). */
  type: string | null;
  jsonLd: JsonLdArticle | null;
}

/** The `content` of the first `<meta>` whose `property` or `name` is one of `keys` (case-insensitive). */
function meta(doc: Document, ...keys: string[]): string | null {
  const wanted = keys.map((k) => k.toLowerCase());
  for (const el of Array.from(doc.querySelectorAll('meta'))) {
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? '').trim().toLowerCase();
    const content = el.getAttribute('content')?.trim();
    if (content && wanted.includes(key)) return content;
  }
  return null;
}

function httpEquiv(doc: Document, name: string): string | null {
  for (const el of Array.from(doc.querySelectorAll('meta[http-equiv]'))) {
    if (el.getAttribute('http-equiv')?.trim().toLowerCase() === name) return el.getAttribute('content')?.trim() || null;
  }
  return null;
}

export function pageMetadata(doc: Document, pageUrl: string | null): PageMetadata {
  const ld = jsonLdArticle(Array.from(doc.querySelectorAll('script[type="application/ld+json" i]'), (s) => s.textContent ?? ''));
  const canonicalHref = Array.from(doc.querySelectorAll('link[rel][href]'))
    .find((l) => (l.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'))
    ?.getAttribute('href');
  const baseHref = doc.querySelector('base[href]')?.getAttribute('href') ?? null;
  const rawCanonical = canonicalHref ?? meta(doc, 'og:url') ?? ld?.url ?? null;
  // A relative canonical resolves against the page (or its base); an absolute one stands alone.
  const canonical = resolveUrl(rawCanonical, resolveUrl(baseHref, pageUrl) ?? pageUrl);
  const anchor = pageUrl ?? canonical;
  const base = resolveUrl(baseHref, anchor) ?? anchor;
  const metaAuthors = [meta(doc, 'author', 'article:author', 'dc.creator', 'sailthru.author')]
    .filter((a): a is string => a !== null && !/^https?:\/\//.test(a));
  return {
    base,
    canonical,
    title: meta(doc, 'og:title', 'twitter:title') ?? ld?.headline ?? null,
    headings: ['h1', 'h2'].flatMap((tag) =>
      Array.from(doc.querySelectorAll(tag), (h) => (h.textContent ?? '').replace(/\s+/g, ' ').trim()).filter(Boolean).slice(0, 3)),
    siteName: meta(doc, 'og:site_name', 'application-name') ?? ld?.publisher ?? null,
    authors: ld?.authors.length ? ld.authors : metaAuthors,
    published: meta(doc, 'article:published_time', 'datePublished', 'pubdate', 'publishdate', 'dc.date', 'date') ?? ld?.datePublished ?? publishedInMarkup(doc),
    modified: meta(doc, 'article:modified_time', 'dateModified', 'og:updated_time') ?? ld?.dateModified ?? null,
    language:
      doc.documentElement?.getAttribute('lang')?.trim() || meta(doc, 'og:locale', 'dc.language') || httpEquiv(doc, 'content-language') ||
      ld?.inLanguage || null,
    type: meta(doc, 'og:type')?.toLowerCase() ?? null,
    jsonLd: ld,
  };
}
