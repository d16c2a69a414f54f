import type { Article, Item, Origin } from '../item.js';
import type { ItemStore } from '../store/store.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import { dedupe } from './dedupe.js';
import { normalize } from './normalize.js';
import { tagsFor } from './tagsFor.js';

/** Topic / region hints per source (`config/sources.json`), by origin ref: their one home. */
export type SourceHints = Map<string, { topics: string[]; regions: string[] }>;

export interface StoredCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Articles of this batch that merged into another article of the same batch (same link or story). */
  folded: number;
  /** The items inserted or updated. */
  changed: Item[];
}

/**
 * One source's articles into the store (one upsert: one transaction): normalize, dedupe against
 * each other and the stored items, tag, upsert. Returns its counts; throws what the store throws.
 */
export async function storeArticles(
  articles: Article[],
  deps: { store: ItemStore; taxonomy: Taxonomy; now: () => Date },
  hints: SourceHints,
): Promise<StoredCounts> {
  const now = deps.now().toISOString();
  const normalized = await Promise.all(articles.map((a) => normalize(a, now)));
  const stored = await deps.store.findMatches({
    ids: normalized.map((n) => n.item.id),
    urls: normalized.flatMap((n) => (n.item.url ? [n.item.url] : [])),
    titleKeys: normalized.flatMap((n) => (n.titleKey === '' ? [] : [n.titleKey])),
  });
  const merged = dedupe(normalized, stored, now).map((n) => ({ ...n, item: tag(n.item, deps.taxonomy, hints) }));
  const result = await deps.store.upsertItems(merged);
  const changedIds = new Set(result.changedIds);
  return {
    inserted: result.inserted,
    updated: result.updated,
    unchanged: result.unchanged,
    folded: normalized.length - merged.length,
    changed: merged.map((m) => m.item).filter((item) => changedIds.has(item.id)),
  };
}

/** Tags come from the (merged) text, plus the hints of every source the item came from. */
function tag(item: Item, taxonomy: Taxonomy, hints: SourceHints): Item {
  const fromSources = item.origins.map((o: Origin) => hints.get(o.ref)).filter((h) => h !== undefined);
  const tags = tagsFor(item.title, item.contentText.split('\n\n'), taxonomy, {
    topics: fromSources.flatMap((h) => h.topics), regions: fromSources.flatMap((h) => h.regions),
  });
  return { ...item, topics: tags.topics, regions: tags.regions };
}
