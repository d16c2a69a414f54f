import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { upsertItemParams, upsertItemSql } from '../../src/store/feedRank.js';
import { rowValues, toRow } from '../../src/store/itemRow.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { storeContract } from './storeContract.js';
import { makeItem } from '../helpers/makeItem.js';

storeContract('SQLite in memory', () => openSqliteStore(':memory:'));

const dir = mkdtempSync(join(tmpdir(), 'caravan-store-'));
let n = 0;
storeContract('SQLite file (WAL)', () => openSqliteStore(join(dir, `s${n++}`, 'caravan.db')));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("sees another handle's rewrite of an item (a CLI ingest beside the server) in its next feed query", async () => {
  const path = join(dir, 'two-handles', 'caravan.db');
  const server = await openSqliteStore(path);
  const ingest = await openSqliteStore(path);
  try {
    const item = makeItem({ id: 'x', published: '2025-06-01T00:00:00Z', regions: ['kazakhstan'] });
    await ingest.upsertItems([{ item, titleKey: 'x' }]);
    expect((await server.queryItems({ limit: 5, regions: ['kazakhstan'] })).items[0]!.title).toBe(item.title);
    await ingest.upsertItems([{ item: { ...item, title: 'Later title', changed: '2026-02-02T00:00:00.000Z' }, titleKey: 'x' }]);
    const [seen] = (await server.queryItems({ limit: 5, regions: ['kazakhstan'] })).items;
    expect(seen!.title).toBe('Later title');
    expect(seen!.changed).toBe('2026-02-02T00:00:00.000Z');
  } finally {
    await server.close();
    await ingest.close();
  }
});

it("indexes a write's new items once, in one full-text segment, an item inserted and rewritten in the same write included", async () => {
  const path = join(dir, 'index-writes', 'caravan.db');
  const store = await openSqliteStore(path);
  // Newest first: ranks (rowids) come in falling order, as a page's articles often do.
  const items = Array.from({ length: 20 }, (_, i) => makeItem({
    id: `n${i}`, published: `2025-06-${String(28 - i).padStart(2, '0')}T00:00:00Z`, title: `Item ${i}`, contentText: i % 2 ? 'plain words' : 'Қазақ words',
  }));
  const rewritten = { ...items[4], title: 'Item 4, rewritten', contentText: 'other text' };
  await store.upsertItemGroups([items.slice(0, 10).map((item) => ({ item, titleKey: item.title })), [rewritten, ...items.slice(10)].map((item) => ({ item, titleKey: item.title }))]);
  const ids = async (q: string) => (await store.queryItems({ q, limit: 50 })).items.map((i) => i.id).sort();
  expect(await ids('words')).toHaveLength(19);
  expect(await ids('rewritten')).toEqual(['n4']);
  expect(await ids('қазақ')).toHaveLength(9);
  await store.close();
  const file = new Database(path);
  try {
    // Throws if an index row does not match its item (one indexed twice, or deleted with other values).
    file.prepare("INSERT INTO items_fts (items_fts, rank) VALUES ('integrity-check', 1)").run();
    // The 10 items before the rewrite in one segment, the rewrite and the 10 after it in another.
    expect((file.prepare('SELECT count(DISTINCT segid) AS n FROM items_fts_idx').get() as { n: number }).n).toBeLessThanOrEqual(3);
    expect(file.prepare("SELECT term FROM search_terms WHERE term = 'қазақ'").get()).toBeDefined();
    // A process of an older version inserts its rows alone: the trigger still indexes them (and a
    // failed write of this store left no mark set).
    expect(file.prepare("SELECT value FROM meta WHERE key = 'store_indexes'").get()).toEqual({ value: 0 });
    const row = toRow(makeItem({ id: 'old', title: 'Written by an older Caravan', contentText: 'zeppelin' }), 'older');
    file.prepare(upsertItemSql).run(...upsertItemParams(rowValues(row), row.sort_key));
    file.prepare("INSERT INTO items_fts (items_fts, rank) VALUES ('integrity-check', 1)").run();
    expect(file.prepare("SELECT count(*) AS n FROM items_fts WHERE items_fts MATCH 'zeppelin'").get()).toEqual({ n: 1 });
  } finally {
    file.close();
  }
});
