/** What the parsers hand to `toArticle`: raw strings, nothing resolved, sanitized or dated yet. */

export interface FeedEntry {
  /** RSS guid, Atom id, JSON Feed id, RSS 1.0 rdf:about. */
  guid: string | null;
  /** True unless an RSS guid says isPermaLink="false" (then it is not a link). */
  guidIsLink: boolean;
  link: string | null;
  title: string | null;
  /** How to read the title: Atom says; RSS and JSON Feed are guessed from the content. */
  titleKind: 'text' | 'html' | 'guess';
  /** HTML body (content:encoded, description, Atom html/xhtml content, content_html). */
  html: string | null;
  /** Plain-text body (Atom type="text", content_text) when there is no HTML. */
  text: string | null;
  authors: string[];
  published: string | null;
  updated: string | null;
  language: string | null;
  /** xml:base on the entry, unresolved. */
  base: string | null;
}

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'json';
  /** `rss-2.0`, `rss-1.0`, `rss-0.91`, `atom-1.0`, `atom-0.3`, `json-1.1` ... */
  version: string;
  title: string | null;
  link: string | null;
  /** xml:base on the root, unresolved. */
  base: string | null;
  language: string | null;
  /** Authors stated for the whole feed (Atom, JSON Feed); entries without authors inherit them. */
  authors: string[];
  /** The feed's own refresh hint (RSS ttl, sy:updatePeriod / sy:updateFrequency), in minutes. */
  ttlMinutes: number | null;
  entries: FeedEntry[];
}
