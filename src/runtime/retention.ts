/**
 * RETENTION_DAYS, after each ingestion run (both doors): items dated before the cutoff leave the
 * store, its tag index and its search index, except items a local page still in FEEDS_DIR yields;
 * then the store gives the space back (SQLite). Logged; counted by the door's metrics.
 */
import type { PageReader } from '../ingest/pageReader.js';
import type { Log } from '../log.js';
import type { ItemStore } from '../store/store.js';

export interface RetentionResult {
  cutoff: string;
  removed: number;
  /** Store size in bytes before and after compaction; null where the store manages its space. */
  compacted: { before: number; after: number } | null;
}

export async function applyRetention(
  store: ItemStore, days: number, pages: PageReader | null, now: Date, log: Log,
): Promise<RetentionResult> {
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  // Every page still there keeps its items, however old (their page yields them again).
  const keep = pages ? await pages.list() : [];
  const removed = await store.deleteItemsOlderThan(cutoff, keep);
  const compacted = removed > 0 ? await store.compact() : null;
  if (removed > 0 || compacted) {
    log.info('retention: removed old items', {
      items: removed, olderThan: cutoff, keptPages: keep.length,
      ...(compacted ? { bytesBefore: compacted.before, bytesAfter: compacted.after } : {}),
    });
  } else log.debug('retention: nothing to remove', { olderThan: cutoff });
  return { cutoff, removed, compacted };
}

/**
 * The after-run hook of both doors: retention when RETENTION_DAYS is set (pages count only when
 * local pages are on), reporting the removed count to `removed` (metrics). Undefined when off.
 */
export function retentionAfterRun(
  retentionDays: number | null, store: ItemStore, pages: PageReader | null, log: Log,
  removed?: (count: number) => void,
): ((run: unknown) => Promise<void>) | undefined {
  if (retentionDays === null) return undefined;
  return async () => {
    const result = await applyRetention(store, retentionDays, pages, new Date(), log);
    if (result.removed > 0) removed?.(result.removed);
  };
}
