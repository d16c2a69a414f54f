/**
 * A bounded map that evicts about the least recently used entry ("second chance"): a hit only
 * marks its entry; when the map is full, entries are taken oldest first, and a marked one is
 * unmarked and put back at the end instead of going. A hit changes no map, where moving the entry
 * to the end (delete and set) does: on a map of thousands of entries, read a hundred times per
 * feed request, those deletes made V8 copy the map's whole table every few requests, tables that
 * then outlived the young generation and filled the old one (bench/RESULTS.md History,
 * 2026-12-01 15:30).
 */
export class LruMap<K, V> {
  private readonly entries = new Map<K, { value: V; used: boolean }>();

  constructor(readonly capacity: number) {
    if (!(capacity >= 1)) throw new RangeError(`LruMap capacity must be at least 1, not ${capacity}`);
  }

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    entry.used = true;
    return entry.value;
  }

  /** A new key goes in as the newest; a held key takes the new value where it is, marked used. */
  set(key: K, value: V): void {
    const entry = this.entries.get(key);
    if (entry !== undefined) {
      entry.value = value;
      entry.used = true;
      return;
    }
    while (this.entries.size >= this.capacity) this.evictOne();
    this.entries.set(key, { value, used: false });
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }

  private evictOne(): void {
    // Every entry put back is unmarked, so this ends within two passes.
    for (const [key, entry] of this.entries) {
      this.entries.delete(key);
      if (!entry.used) return;
      entry.used = false;
      this.entries.set(key, entry);
    }
  }
}
