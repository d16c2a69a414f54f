import type { ItemStore } from '../store/store.js';

/**
 * Whether the store holds no item. One index probe, not a count: counting reads the whole tag
 * index (most of a second at 1M items).
 */
export async function isStoreEmpty(store: ItemStore): Promise<boolean> {
  return (await store.queryItems({ limit: 1 })).items.length === 0;
}

/**
 * With INGEST_ON_START, an empty store is filled before the first request is answered, so feeds
 * are never empty on a first start (Node: before listening; Workers: the first request of an
 * isolate). Returns whether the store was empty.
 */
export async function fillEmptyStore(store: ItemStore, ingestOnStart: boolean, ingest: () => Promise<unknown>): Promise<boolean> {
  const empty = await isStoreEmpty(store);
  if (ingestOnStart && empty) await ingest();
  return empty;
}
