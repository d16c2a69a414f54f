/**
 * The item model: what every stage of ingestion produces and every route serves.
 *
 * An `Article` is what a collector (local page or upstream feed) found, before it has an id,
 * tags or store bookkeeping. `normalize` turns it into an `Item`.
 */
import type { PreparedArticle } from './ingest/prepareArticle.js';

/** Where an article came from: a local page (path relative to FEEDS_DIR) or an upstream feed URL. */
export interface Origin {
  kind: 'page' | 'upstream';
  /** `seed/003_x.txt` for a page, the feed URL for an upstream source. */
  ref: string;
}

export interface Article {
  title: string;
  /** Clean paragraphs, in order, plain text. */
  paragraphs: string[];
  /** Sanitized HTML body when the source had HTML (upstream feeds); null for plain-text pages. */
  contentHtml: string | null;
  authors: string[];
  /** The outlet that published it ("The Kyiv Independent"), or the wire agency ("Reuters"). */
  source: string | null;
  /** ISO 8601 publication date-time, only when the page or feed states it. */
  published: string | null;
  /** ISO 8601 last-modified date when the feed states one. */
  updated: string | null;
  /** Canonical link when known (upstream entries); pages have none. */
  url: string | null;
  /** Upstream guid / Atom id when given. */
  guid: string | null;
  /** True when the page cut the article short (a teaser ending in "..." or "keep reading"). */
  partial: boolean;
  language: string | null;
  origin: Origin;
  /**
   * The title is Caravan's, not the source's (a word-less entry: "Untitled image post", its image's
   * alt text, words from its link): it is no identity and no dedupe key, so two photo posts never meet by it.
   */
  untitled?: boolean;
  /** The summary when it is not the start of the text (a feed's summary of a full text fetched from the page). */
  summary?: string;
  /**
   * A page's block other than its main article (a teaser, a related-article card, a box of the
   * site's furniture). Complete, it never joins another page's item by headline and text: a block
   * two pages carry word for word is the site's, not an article both published.
   */
  secondary?: boolean;
  /**
   * The storing work that depends on this article alone, done where it was read (the Node door's
   * feed reader thread): see src/ingest/prepareArticle.ts. Made from the article as it is: whoever
   * changes an article drops it.
   */
  prepared?: PreparedArticle;
}

export interface Item {
  /** Stable across runs and machines: derived from the article, never from time or order. */
  id: string;
  url: string | null;
  title: string;
  contentText: string;
  contentHtml: string | null;
  summary: string;
  authors: string[];
  source: string | null;
  published: string | null;
  updated: string | null;
  /** When Caravan first stored this item (ISO 8601); kept across runs. */
  firstSeen: string;
  /** When the stored item last changed (ISO 8601). */
  changed: string;
  topics: string[];
  /** Region slugs including the groups they roll up into (kazakhstan, central-asia). */
  regions: string[];
  origins: Origin[];
  partial: boolean;
  language: string | null;
}
