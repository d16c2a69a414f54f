import type { Article, Item, Origin } from '../item.js';
import type { ItemStore } from '../store/store.js';
import { addHints } from '../taxonomy/classify.js';
import type { Tags, Taxonomy } from '../taxonomy/taxonomy.js';
import { dedupe } from './dedupe.js';
import { normalize, type HashHex, type Normalized } from './normalize.js';
import { preparedNormal } from './prepareArticle.js';
import { tagsForText } from './tagsFor.js';

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
  return (await storeSources([articles], deps, hints))[0];
}

/**
 * Several sources' articles in one write (one transaction), each source deduped against the
 * stored items as the sources before it in the list left them, so the items and each source's
 * counts are those that storing them one by one gives. All are stored, or (it throws) none.
 * `times`: when each source's items are stamped (first seen, changed), one ISO time per source;
 * absent, `deps.now()` for all.
 */
export async function storeSources(
  sources: Article[][],
  deps: { store: ItemStore; taxonomy: Taxonomy; now: () => Date; hashHex?: HashHex },
  hints: SourceHints,
  times?: string[],
): Promise<StoredCounts[]> {
  const now = deps.now().toISOString();
  const at = (source: number) => times?.[source] ?? now;
  /** The tags of an item's own text, when the reader found them (the item is still exactly the article's). */
  const textTags = new WeakMap<Item, Tags>();
  const normalizeOne = (article: Article, now: string): Normalized | Promise<Normalized> => {
    if (!article.prepared) return normalize(article, now, deps.hashHex);
    const n = preparedNormal(article.prepared, now);
    if (article.prepared.textTags) textTags.set(n.item, article.prepared.textTags);
    return n;
  };
  const normalized = await Promise.all(sources.map((articles, i) => Promise.all(articles.map((article) => normalizeOne(article, at(i))))));
  const keys = (list: Normalized[]) => ({
    ids: list.map((n) => n.item.id),
    urls: list.flatMap((n) => (n.item.url ? [n.item.url] : [])),
    titleKeys: list.flatMap((n) => (n.titleKey === '' ? [] : [n.titleKey])),
  });
  const stored = await deps.store.findMatches(keys(normalized.flat()));
  // The store as the sources before this one leave it, by id: what each source is matched against.
  const current = new Map(stored.map((s) => [s.item.id, s]));
  const groups = normalized.map((list, i) => {
    const { ids, urls, titleKeys } = keys(list);
    const [idSet, urlSet, titleSet] = [new Set(ids), new Set(urls), new Set(titleKeys)];
    const matches = sources.length === 1
      ? stored
      : [...current.values()].filter((s) => idSet.has(s.item.id) || (s.item.url !== null && urlSet.has(s.item.url)) || titleSet.has(s.titleKey));
    const merged = dedupe(list, matches, at(i)).map((n) => ({ ...n, item: tag(n.item, deps.taxonomy, hints, textTags.get(n.item)) }));
    for (const m of merged) current.set(m.item.id, m);
    return merged;
  });
  const results = groups.length === 1 ? [await deps.store.upsertItems(groups[0])] : await deps.store.upsertItemGroups(groups);
  return groups.map((merged, i) => {
    const changedIds = new Set(results[i].changedIds);
    return {
      inserted: results[i].inserted,
      updated: results[i].updated,
      unchanged: results[i].unchanged,
      folded: normalized[i].length - merged.length,
      changed: merged.map((m) => m.item).filter((item) => changedIds.has(item.id)),
    };
  });
}

/**
 * Tags come from the (merged) text, plus the hints of every source the item came from. `ofText`:
 * the tags this item's text earned, found by the reader (an item dedupe left as the article made it).
 */
function tag(item: Item, taxonomy: Taxonomy, hints: SourceHints, ofText?: Tags): Item {
  const fromSources = item.origins.map((o: Origin) => hints.get(o.ref)).filter((h) => h !== undefined);
  const sourceHints = { topics: fromSources.flatMap((h) => h.topics), regions: fromSources.flatMap((h) => h.regions) };
  const tags = ofText ? addHints(ofText, taxonomy, sourceHints) : tagsForText(item.title, item.contentText, taxonomy, sourceHints);
  return { ...item, topics: tags.topics, regions: tags.regions };
}
