/**
 * Synthetic stores of N items spread over topics and regions, written through the real store's
 * `upsertItems` (so items, item_tags, FTS and version are exactly what ingestion would write),
 * in batches of 5,000. Only the connection is tuned for a bulk load (bigger page cache, no fsync);
 * pragmas like those are not part of the file. Cached under bench/.out/ so re-runs skip this.
 *
 *   tsx bench/generateStore.ts 100000      generate (or reuse) bench/.out/store-100000.db
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Item } from '../src/item.js';
import { summarize } from '../src/ingest/summarize.js';
import { titleKey } from '../src/ingest/titleKey.js';
import type { SqlConnector, SqlValue } from '../src/store/connector.js';
import { upsertItemParams, upsertItemSql } from '../src/store/feedRank.js';
import { indexWrites, storeIndexes } from '../src/store/indexWrites.js';
import { searchTermWriter } from '../src/store/searchTerms.js';
import { itemTags, rowValues, toRow } from '../src/store/itemRow.js';
import { readMigrations } from '../src/store/sqlite.js';
import { createSqlStore } from '../src/store/sqlStore.js';
import type { KeyedItem } from '../src/store/store.js';
import { escapeXml, loadVocabulary, makeStory, regionSlugs, rng, type Vocabulary } from './text.js';

export const outDir = join(import.meta.dirname, '.out');
/** Bump when the generated content changes, so cached stores are rebuilt. */
const generatorVersion = 4;
const batchSize = 5_000;
/** Items are dated over two years ending here, whatever N is: feeds of every size look alike. */
const newest = Date.parse('2025-06-30T12:00:00.000Z');
const spanMs = 2 * 365 * 86_400_000;

export const storePath = (n: number) => join(outDir, `store-${n}.db`);

/** Item number i of n: the same on every machine. Newer as i grows. */
export function syntheticItem(i: number, n: number, vocab: Vocabulary): KeyedItem {
  const rand = rng(i * 2654435761 + 12345);
  const story = makeStory(rand, vocab);
  const at = new Date(newest - spanMs + Math.floor(((i + rand()) / n) * spanMs)).toISOString();
  const dated = rand() >= 0.02;
  const contentText = story.paragraphs.join('\n\n');
  const html = rand() < 0.5;
  const country = story.countries[0].slug;
  const item: Item = {
    id: createHash('sha256').update(`bench:${i}`).digest('hex').slice(0, 32),
    url: `https://news.example/${country}/${at.slice(0, 4)}/${i}`,
    title: story.title,
    contentText,
    contentHtml: html ? story.paragraphs.map((p) => `<p>${escapeXml(p)}</p>`).join('\n') : null,
    summary: summarize(contentText),
    authors: [story.author],
    source: story.outlet,
    published: dated ? at : null,
    updated: null,
    firstSeen: at,
    changed: at,
    topics: [...story.topics].sort(),
    regions: regionSlugs(story.countries),
    origins: [{ kind: 'upstream', ref: `https://feeds.example/${country}.xml` }],
    partial: false,
    language: 'en',
  };
  return { item, titleKey: titleKey(item.title) };
}

/** One item as the store writes it: the `items` statement's values and its `item_tags` rows. */
interface Written {
  values: SqlValue[];
  title: string;
  contentText: string;
  tags: string[];
  sortKey: string;
  id: string;
}

function written(i: number, n: number, vocab: Vocabulary): Written {
  const { item, titleKey: key } = syntheticItem(i, n, vocab);
  const row = toRow(item, key);
  return {
    values: upsertItemParams(rowValues(row), row.sort_key), title: row.title, contentText: row.content_text, tags: itemTags(item),
    sortKey: row.sort_key, id: item.id,
  };
}

/** better-sqlite3 like `sqliteConnector`, with settings for a one-off bulk load (not stored in the file). */
function openBulk(path: string): Database.Database {
  const db = new Database(path);
  // No journal while loading (a crash just means generating again); WAL is set at the end, as the store opens it.
  db.pragma(`journal_mode = ${process.env.BENCH_GEN_JOURNAL ?? 'OFF'}`);
  db.pragma('locking_mode = EXCLUSIVE');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -3000000');
  db.pragma('foreign_keys = ON');
  return db;
}

function bulkConnector(db: Database.Database): SqlConnector {
  const prepared = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let s = prepared.get(sql);
    if (!s) prepared.set(sql, (s = db.prepare(sql)));
    return s;
  };
  const runAll = db.transaction((statements: { sql: string; params: SqlValue[] }[]) => {
    for (const s of statements) prepare(s.sql).run(...s.params);
  });
  return {
    all: async <T>(sql: string, params: SqlValue[] = []) => prepare(sql).all(...params) as T[],
    batch: async (statements) => runAll.immediate(statements),
    // A migration's script and its records in one transaction, as sqliteConnector does.
    exec: async (script, statements = []) =>
      db.transaction(() => {
        db.exec(script);
        for (const st of statements) prepare(st.sql).run(...st.params);
      })(),
    close: async () => {
      // Reopened to switch to WAL: FTS5 can keep a read handle open past the last commit, and
      // with one open the checkpoint below is refused (SQLITE_LOCKED).
      const path = db.name;
      db.close();
      const wal = new Database(path);
      wal.pragma('journal_mode = WAL');
      wal.pragma('wal_checkpoint(TRUNCATE)');
      wal.close();
    },
  };
}

/** A worker thread running a TypeScript module: tsx registered first, then the module imported. */
export function tsWorker(moduleUrl: string, data: unknown): Worker {
  const api = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(moduleUrl)}); });`;
  return new Worker(code, { eval: true, workerData: data });
}

/**
 * Batches of items, made on a worker thread (the second core) while this one writes: items
 * i..j for each requested range, two ranges ahead.
 */
function itemSource(n: number): { next(): Promise<Written[]>; close(): Promise<number> } {
  const worker = tsWorker(import.meta.url, { role: 'generate', n });
  const waiting: ((batch: Written[]) => void)[] = [];
  const ready: Written[][] = [];
  worker.on('message', (batch: Written[]) => {
    const resolve = waiting.shift();
    if (resolve) resolve(batch);
    else ready.push(batch);
  });
  worker.on('error', (error) => {
    throw error;
  });
  let from = 0;
  const request = () => {
    if (from >= n) return;
    worker.postMessage([from, Math.min(n, from + batchSize)]);
    from += batchSize;
  };
  request();
  request();
  return {
    next() {
      request();
      const batch = ready.shift();
      return batch ? Promise.resolve(batch) : new Promise((resolve) => waiting.push(resolve));
    },
    close: () => worker.terminate(),
  };
}

if (!isMainThread && workerData?.role === 'generate') {
  const vocab = loadVocabulary();
  parentPort!.on('message', ([from, to]: [number, number]) => {
    const batch: Written[] = [];
    for (let i = from; i < to; i++) batch.push(written(i, workerData.n, vocab));
    parentPort!.postMessage(batch);
  });
}

/** The statements `upsertItems` runs for a new item, less its no-op `DELETE FROM item_tags` (a fresh store has none). */
const insertItem = (db: Database.Database) => db.prepare(upsertItemSql);

/**
 * Write n synthetic items to a new store at `path`. `direct`: prepared statements, one
 * transaction and one version bump per 5,000 items, exactly as `upsertItems` commits a batch;
 * otherwise through `upsertItems` itself (slower; `--verify` checks both give the same file contents).
 */
async function generate(path: string, n: number, direct: boolean, log: (line: string) => void): Promise<void> {
  const db = openBulk(path);
  const store = createSqlStore(bulkConnector(db), readMigrations());
  await store.migrate();
  const started = performance.now();
  const progress = (done: number) => {
    if ((done / batchSize) % 40 === 0) log(`  generate ${n}: ${done} items, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  };
  if (!direct) {
    const vocab = loadVocabulary();
    for (let from = 0; from < n; from += batchSize) {
      const batch: KeyedItem[] = [];
      for (let i = from; i < Math.min(n, from + batchSize); i++) batch.push(syntheticItem(i, n, vocab));
      await store.upsertItems(batch);
      progress(from + batchSize);
    }
  } else {
    const item = insertItem(db);
    const tag = db.prepare('INSERT INTO item_tags (tag, sort_key, item_id) VALUES (?, ?, ?)');
    const bump = db.prepare("UPDATE meta SET value = value + 1 WHERE key = 'version'");
    // The search terms as upsertItems writes them (src/store/searchTerms.ts), known terms skipped.
    const termWriter = searchTermWriter();
    const prepared = new Map<string, Database.Statement>();
    let batchTerms: string[] = [];
    const write = db.transaction((batch: Written[]) => {
      batchTerms = [];
      const run = (statement: { sql: string; params: SqlValue[] }) => {
        let st = prepared.get(statement.sql);
        if (!st) prepared.set(statement.sql, (st = db.prepare(statement.sql)));
        st.run(...statement.params);
      };
      const scratch: string[] = [];
      run(storeIndexes.on);
      for (const w of batch) {
        item.run(...w.values);
        const { statement, terms, scratch: viaScratch } = termWriter.statement(w.title, w.contentText);
        if (statement) {
          run(statement);
          batchTerms.push(...terms);
        }
        if (viaScratch) scratch.push(w.id);
        for (const t of w.tags) tag.run(t, w.sortKey, w.id);
      }
      // The batch's index rows after its items, as upsertItems writes them (src/store/indexWrites.ts).
      for (const statement of indexWrites(batch.map((w) => w.id), scratch)) run(statement);
      run(storeIndexes.off);
      bump.run();
    });
    const source = itemSource(n);
    let waited = 0;
    for (let from = 0; from < n; from += batchSize) {
      const t = performance.now();
      const batch = await source.next();
      waited += performance.now() - t;
      write.immediate(batch);
      termWriter.committed(batchTerms);
      progress(from + batchSize);
    }
    log(`  generate ${n}: waited ${(waited / 1000).toFixed(1)} s for the generator`);
    await source.close();
  }
  await store.close();
}

/** The path of a generated store of n items, generating it first unless a finished one is cached. */
export async function ensureStore(n: number, log: (line: string) => void = () => undefined): Promise<{ path: string; generatedMs: number | null }> {
  const path = storePath(n);
  const marker = `${path}.ok`;
  if (existsSync(path) && existsSync(marker) && readFileSync(marker, 'utf8').trim() === String(generatorVersion)) {
    return { path, generatedMs: null };
  }
  mkdirSync(outDir, { recursive: true });
  const tmp = `${path}.tmp`;
  removeDb(path);
  removeDb(tmp);
  rmSync(marker, { force: true });
  const started = performance.now();
  await generate(tmp, n, true, log);
  renameSync(tmp, path);
  writeFileSync(marker, `${generatorVersion}\n`);
  return { path, generatedMs: performance.now() - started };
}

function removeDb(path: string): void {
  for (const p of [path, `${path}-wal`, `${path}-shm`]) rmSync(p, { force: true });
}

/** A digest of everything the store wrote: items, item_tags, the FTS index, the search terms and the version. */
function contentDigest(path: string): Record<string, string> {
  const db = new Database(path, { readonly: true });
  const tables = {
    items: 'SELECT rowid, * FROM items ORDER BY rowid',
    search_terms: 'SELECT * FROM search_terms ORDER BY term',
    item_tags: 'SELECT * FROM item_tags ORDER BY tag, sort_key, item_id',
    items_fts_data: 'SELECT * FROM items_fts_data ORDER BY id',
    items_fts_idx: 'SELECT * FROM items_fts_idx ORDER BY segid, term',
    items_fts_docsize: 'SELECT * FROM items_fts_docsize ORDER BY id',
    meta: 'SELECT * FROM meta ORDER BY key',
  };
  const out = Object.fromEntries(
    Object.entries(tables).map(([name, sql]) => {
      const hash = createHash('sha256');
      for (const row of db.prepare(sql).raw().iterate()) hash.update(JSON.stringify(row, (_, v) => (Buffer.isBuffer(v) ? v.toString('hex') : v)));
      return [name, hash.digest('hex').slice(0, 16)];
    }),
  );
  db.close();
  return out;
}

/** Generate n items both ways and compare what was written. */
export async function verifyGenerator(n: number): Promise<boolean> {
  mkdirSync(outDir, { recursive: true });
  const [a, b] = [join(outDir, 'verify-direct.db'), join(outDir, 'verify-upsert.db')];
  removeDb(a);
  removeDb(b);
  await generate(a, n, true, () => undefined);
  await generate(b, n, false, () => undefined);
  const [da, db] = [contentDigest(a), contentDigest(b)];
  removeDb(a);
  removeDb(b);
  const same = JSON.stringify(da) === JSON.stringify(db);
  console.log(`generator check, ${n} items: direct ${JSON.stringify(da)}\n${' '.repeat(30)}upsertItems ${JSON.stringify(db)}\n=> ${same ? 'identical' : 'DIFFERENT'}`);
  return same;
}

if (isMainThread && process.argv[1] && import.meta.filename === process.argv[1]) {
  const arg = process.argv[2] ?? '10000';
  if (arg === '--verify') {
    verifyGenerator(Number(process.argv[3] ?? 12_000)).then((ok) => (process.exitCode = ok ? 0 : 1));
  } else {
    const n = Number(arg);
    ensureStore(n, console.log).then(({ path, generatedMs }) =>
      console.log(generatedMs === null ? `${path}: cached` : `${path}: ${n} items in ${(generatedMs / 1000).toFixed(1)} s`),
    );
  }
}
