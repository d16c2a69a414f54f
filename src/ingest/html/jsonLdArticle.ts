/**
 * The article a page describes in its JSON-LD (`<script type="application/ld+json">`): the first
 * object whose `@type` is an Article kind (`NewsArticle`, `BlogPosting`, `ReportageNewsArticle`,
 * ...), found at the top level, in an array or in `@graph`. Unparseable blocks are skipped.
 */
export interface JsonLdArticle {
  headline: string | null;
  authors: string[];
  datePublished: string | null;
  dateModified: string | null;
  publisher: string | null;
  url: string | null;
  inLanguage: string | null;
}

const articleType = /^(?:[A-Za-z]*Article|BlogPosting|LiveBlogPosting|Report|SocialMediaPosting)$/;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function types(node: Json): string[] {
  const t = node['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^https?:\/\/schema\.org\//, ''));
}

function* nodes(value: unknown, depth = 0): Generator<Json> {
  if (depth > 4) return;
  if (Array.isArray(value)) {
    for (const v of value) yield* nodes(v, depth + 1);
  } else if (isObject(value)) {
    yield value;
    if (Array.isArray(value['@graph'])) yield* nodes(value['@graph'], depth + 1);
  }
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) return text(value[0]);
  if (isObject(value)) return text(value.name ?? value['@value'] ?? value['@id']);
  return null;
}

function names(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.map((v) => (typeof v === 'string' ? v.trim() : isObject(v) && typeof v.name === 'string' ? v.name.trim() : ''))
    .filter((n) => n !== '' && !/^https?:\/\//.test(n));
}

export function jsonLdArticle(scripts: string[]): JsonLdArticle | null {
  for (const source of scripts) {
    let parsed: unknown;
    try {
      // Some CMSes wrap the JSON in a CDATA section or leave a trailing semicolon.
      parsed = JSON.parse(source.replace(/^\s*(?:\/\/\s*)?<!\[CDATA\[|\]\]>\s*$/g, '').trim().replace(/;$/, ''));
    } catch {
      continue;
    }
    for (const node of nodes(parsed)) {
      if (!types(node).some((t) => articleType.test(t))) continue;
      return {
        headline: text(node.headline) ?? text(node.name),
        authors: names(node.author),
        datePublished: text(node.datePublished) ?? text(node.dateCreated),
        dateModified: text(node.dateModified),
        publisher: text(node.publisher),
        url: text(node.url) ?? text(node.mainEntityOfPage),
        inLanguage: text(node.inLanguage),
      };
    }
  }
  return null;
}
