/**
 * search_terms must hold every term of the full-text index: plainTerms must give exactly the terms
 * SQLite's FTS5 tokenizer (unicode61 remove_diacritics 2, as items_fts) makes of a text, or say it
 * cannot (null); and a store's writes leave search_terms equal to the index's vocabulary.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { plainTerms } from '../../src/store/searchTerms.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { StoreWriteError } from '../../src/store/store.js';
import { makeItem } from '../helpers/makeItem.js';

const db = new Database(':memory:');
db.exec(`CREATE VIRTUAL TABLE t USING fts5 (x, content = '', detail = none, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE t_terms USING fts5vocab (t, 'row');`);
const sqliteTerms = (text: string): string[] => {
  db.prepare('INSERT INTO t (x) VALUES (?)').run(text);
  const terms = (db.prepare('SELECT term FROM t_terms').all() as { term: string }[]).map((r) => r.term);
  db.exec("INSERT INTO t (t) VALUES ('delete-all')");
  return terms.sort();
};

const pieces = ['Pipeline', 'KAZAKH', 'a1b2', '2025', 'x', ' ', '\n', '.', ',', '-', '_', "'", '"', '\u00A0', '«', '»', '\u2013', '\u2014', '\u2019', '\u201C', '\u201D', '\u2026', '\u2022', '\t', '\u0000', '~', '@'];
const dir = mkdtempSync(join(tmpdir(), 'caravan-terms-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('search terms', () => {
  it("plainTerms gives SQLite's own terms for ASCII text and the separators it allows", () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((p) => p.join('')), fc.string({ unit: 'binary-ascii', maxLength: 200 })), (text) => {
        const terms = plainTerms(text);
        expect(terms).not.toBeNull();
        expect([...terms!].sort()).toEqual(sqliteTerms(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('plainTerms declines any other text (letters, marks or symbols beyond ASCII)', () => {
    for (const text of ['Café', 'straße', 'İstanbul', 'Қазақ', '日本', 'a\u0301', 'ﬁne', '½', 'x\u00B7y', 'emoji 🙂']) expect(plainTerms(text), text).toBeNull();
  });

  it("a store's writes keep search_terms equal to the index's terms, plain text or not, after a failed write too", async () => {
    const path = join(dir, 'terms.db');
    const store = await openSqliteStore(path);
    const write = (items: ReturnType<typeof makeItem>[]) => store.upsertItems(items.map((item) => ({ item, titleKey: item.title })));
    await write([
      makeItem({ id: 'a', title: 'Harbour “works” — phase 2', contentText: 'The harbour reopened… Pipelines too.' }),
      makeItem({ id: 'b', title: 'Qazaqstan: Қазақстан', contentText: 'Café résumé, İstanbul' }),
    ]);
    // A write that fails (a row the schema refuses) must not leave its terms remembered as written.
    await expect(write([makeItem({ id: 'c', title: 'Zeppelin', contentText: 'zeppelins', summary: null as unknown as string })])).rejects.toThrow(StoreWriteError);
    await write([makeItem({ id: 'd', title: 'Zeppelin again', contentText: 'zeppelins harbour' }), makeItem({ id: 'a', title: 'Harbour', contentText: 'edited text' })]);
    const ids = async (q: string) => (await store.queryItems({ q, limit: 10 })).items.map((i) => i.id).sort();
    expect(await ids('zeppel')).toEqual(['d']);
    expect(await ids('qazaq')).toEqual(['b']);
    await store.close();
    const file = new Database(path);
    file.exec("CREATE VIRTUAL TABLE temp.v USING fts5vocab (main, 'items_fts', 'row')");
    const index = (file.prepare('SELECT term FROM temp.v ORDER BY term').all() as { term: string }[]).map((r) => r.term);
    const stored = (file.prepare('SELECT term FROM search_terms ORDER BY term').all() as { term: string }[]).map((r) => r.term);
    file.close();
    // Every term of the index is there (terms of text since edited away stay: a superset).
    expect(index).toContain('zeppelins');
    expect(stored).toContain('reopened');
    expect(index.filter((t) => !stored.includes(t))).toEqual([]);
  });
});
