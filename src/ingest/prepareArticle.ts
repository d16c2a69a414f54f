/**
 * The per-article work of storing that depends on the article alone: normalize (clean text,
 * summary, ids, title key) and the tags its own text earns (classify without source hints). The
 * Node door's feed reader does it in its worker thread, next to parsing (`readFeed`'s `prepare`),
 * so the ingesting thread only matches, merges and writes. `storeSources` takes it as done when an
 * article carries it, and does it itself otherwise: the items stored are the same either way
 * (tests/ingest/prepareArticle.test.ts).
 */
import type { Article, Item } from '../item.js';
import type { Tags, Taxonomy } from '../taxonomy/taxonomy.js';
import { normalize, type HashHex, type Normalized } from './normalize.js';
import { tagsForText } from './tagsFor.js';

/** An article's normalized form and the tags of its own text, made from the article as it is. */
export interface PreparedArticle {
  /** Stamped with the time it was prepared; the store's time replaces it (`preparedNormal`). */
  normalized: Normalized;
  /** Its text's tags (title and paragraphs, no hints); absent when prepared without a taxonomy. */
  textTags?: Tags;
}

/** The tags an item's own text earns: what `classify` gives for its title and paragraphs, no hints. */
export function textTags(item: Pick<Item, 'title' | 'contentText'>, taxonomy: Taxonomy): Tags {
  return tagsForText(item.title, item.contentText, taxonomy);
}

/** How an article is prepared: the taxonomy to find its text's tags with, the hash for its ids. */
export interface Preparing {
  taxonomy?: Taxonomy;
  hashHex?: HashHex;
}

export async function prepareArticle(article: Article, now: string, { taxonomy, hashHex }: Preparing = {}): Promise<PreparedArticle> {
  const normalized = await normalize(article, now, hashHex);
  return taxonomy === undefined ? { normalized } : { normalized, textTags: textTags(normalized.item, taxonomy) };
}

/** A prepared article as `normalize(article, now)` would make it now: the same, stamped `now`. */
export function preparedNormal(prepared: PreparedArticle, now: string): Normalized {
  const { normalized } = prepared;
  return { ...normalized, item: { ...normalized.item, firstSeen: now, changed: now } };
}
