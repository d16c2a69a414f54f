/**
 * Retention keeps the SQLite file from growing for ever: items removed by RETENTION_DAYS give their
 * pages back to the file system (auto_vacuum = INCREMENTAL, then a WAL checkpoint), and a store
 * that keeps receiving and removing items stays near the size of what it holds.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryPages } from '../../src/ingest/pageReader.js';
import { memoryLog } from '../../src/log.js';
import { applyRetention } from '../../src/runtime/retention.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { makeItem } from '../helpers/makeItem.js';

const dir = mkdtempSync(join(tmpdir(), 'caravan-retention-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const text = (n: number) => `Paragraph ${n} about the pipeline and the border crossing. `.repeat(60);
const batch = (from: number, count: number, day: string) =>
  Array.from({ length: count }, (_, i) => {
    const n = from + i;
    return { item: makeItem({ id: `i${n}`, title: `Item ${n}`, contentText: text(n), published: `${day}T00:00:00.000Z`, origins: [{ kind: 'upstream', ref: 'https://example.com/feed' }] }), titleKey: `item ${n}` };
  });

describe('retention and the size of the SQLite file', () => {
  it('shrinks the file after removing old items, and stays flat over repeated cycles', async () => {
    const path = join(dir, 'cycle.db');
    const store = await openSqliteStore(path);
    const log = memoryLog();
    const fileSize = () => statSync(path).size + (statSync(`${path}-wal`, { throwIfNoEntry: false })?.size ?? 0);
    const sizes: number[] = [];
    const compactions: string[] = [];
    for (let cycle = 0; cycle < 8; cycle++) {
      // 1000 items a "day"; retention keeps the last day's.
      const day = `2025-01-${String(cycle + 1).padStart(2, "0")}`;
      for (let i = 0; i < 1000; i += 250) await store.upsertItems(batch(cycle * 1000 + i, 250, day));
      const result = await applyRetention(store, 1, memoryPages({}), new Date(`${day}T12:00:00.000Z`), log);
      expect(result.removed).toBe(cycle === 0 ? 0 : 1000);
      if (cycle > 0) expect(result.compacted!.after).toBeLessThan(result.compacted!.before);
      if (result.compacted) compactions.push(`${(result.compacted.before / 1024).toFixed(0)}→${(result.compacted.after / 1024).toFixed(0)} KiB`);
      await store.compact();
      sizes.push(fileSize());
      expect((await store.stats()).items).toBe(1000);
    }
    console.log(`retention: file size after each cycle (1000 items kept, 1000 added and removed per cycle): ${sizes.map((s) => `${(s / 1024).toFixed(0)} KiB`).join(', ')}; compactions: ${compactions.join(', ')}`);
    // Holding the same 1000 items, the file stays within 60 % of its first size (the search index's
    // segments vary with its merges) while 8000 items passed through: it does not grow with them.
    for (const size of sizes) expect(size).toBeLessThan(sizes[0] * 1.6);
    expect(log.lines.some((l) => /retention: removed old items items=1000 .* bytesBefore=\d+ bytesAfter=\d+/.test(l))).toBe(true);
    await store.close();
  });
});
