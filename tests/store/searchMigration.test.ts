/**
 * Migration 0002 on a store made before it: items are re-ranked in place (rowid = feed rank, the
 * full-text index rebuilt on it, search_terms filled from it), and search finds what it found.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { feedRankBase, rankSlotBits } from '../../src/store/feedRank.js';
import { ftsQuery } from '../../src/store/itemQuerySql.js';
import { itemColumns, itemTags, rowValues, toRow } from '../../src/store/itemRow.js';
import { openSqliteStore, readMigrations } from '../../src/store/sqlite.js';
import { makeItem } from '../helpers/makeItem.js';

const dir = mkdtempSync(join(tmpdir(), 'caravan-migrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 0002 (search in feed order)', () => {
  it('ranks with the same expression the store writes with', () => {
    const sql = readMigrations().find((m) => m.name.startsWith('0002_'))!.sql;
    expect(sql).toContain(feedRankBase('sort_key'));
  });

  it('re-ranks an existing store in place and keeps every search result', async () => {
    const path = join(dir, 'old.db');
    const [first] = readMigrations();
    const old = await openSqliteStore(path, [first]);
    await old.close();
    const items = [
      ...Array.from({ length: 12 }, (_, n) => makeItem({ id: `a${n}`, published: `2024-0${(n % 9) + 1}-01T00:00:00Z`, title: `Pipeline ${n}`, contentText: n % 2 ? 'pipelines' : 'pipe' })),
      ...Array.from({ length: 4 }, (_, n) => makeItem({ id: `u${n}`, contentText: 'pipeline', firstSeen: '2025-01-01T00:00:00.000Z' })),
      makeItem({ id: 'z', published: '2024-01-01T00:00:00Z', contentText: 'nothing' }),
    ];
    // Written as the store wrote items before 0002 (rowid in insertion order).
    const oldWriter = new Database(path);
    const insert = oldWriter.prepare(`INSERT INTO items (${itemColumns}) VALUES (${itemColumns.split(', ').map(() => '?').join(', ')})`);
    const tag = oldWriter.prepare('INSERT INTO item_tags (tag, sort_key, item_id) VALUES (?, ?, ?)');
    for (const item of items) {
      const row = toRow(item, item.title);
      insert.run(...rowValues(row));
      for (const t of itemTags(item)) tag.run(t, row.sort_key, item.id);
    }
    oldWriter.close();
    const queries = ['pipe', 'pipeline', 'pipelines', 'nothing', 'pi', 'zzz'];
    // What search found before 0002: the tag walk with every full-text match listed.
    const oldDb = new Database(path, { readonly: true });
    const oldSearch = oldDb.prepare(
      "SELECT i.id FROM item_tags t0 JOIN items i ON i.id = t0.item_id WHERE t0.tag = 'all' AND " +
        'i.rowid IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?) ORDER BY t0.sort_key DESC, t0.item_id DESC',
    );
    const before = queries.map((q) => (oldSearch.all(ftsQuery(q)) as { id: string }[]).map((r) => r.id));
    oldDb.close();

    const store = await openSqliteStore(path);
    const after = await Promise.all(queries.map(async (q) => (await store.queryItems({ q, limit: 50 })).items.map((i) => i.id)));
    expect(after).toEqual(before);
    expect(before[0]).toHaveLength(16);
    await store.close();

    const db = new Database(path, { readonly: true });
    // rowid order is feed order (up to the second), and the index and term list are complete.
    const rows = db.prepare(`SELECT id, rowid >> ${rankSlotBits} AS bucket FROM items ORDER BY sort_key DESC, id DESC`).all() as { bucket: number }[];
    expect(rows.map((r) => r.bucket)).toEqual([...rows.map((r) => r.bucket)].sort((a, b) => b - a));
    expect((db.prepare("SELECT count(*) AS n FROM items_fts WHERE items_fts MATCH 'pipeline'").get() as { n: number }).n).toBe(16);
    expect(db.prepare("SELECT term FROM search_terms WHERE term LIKE 'pipe%' ORDER BY term").all()).toEqual([{ term: 'pipe' }, { term: 'pipeline' }, { term: 'pipelines' }]);
    db.close();
  });
});

describe('search on SQLite', () => {
  it('folds case and accents, a word typed without its accent included', async () => {
    const store = await openSqliteStore(':memory:');
    await store.upsertItems([makeItem({ id: 'c', title: 'Café in Ürümqi', contentText: 'RÉSUMÉ' })].map((item) => ({ item, titleKey: item.title })));
    for (const q of ['cafe', 'café', 'CAF', 'urumqi', 'ürüm', 'resume']) expect((await store.queryItems({ q, limit: 5 })).items.map((i) => i.id), q).toEqual(['c']);
    await store.close();
  });
});
