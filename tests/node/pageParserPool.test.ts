/**
 * Local pages parsed in worker threads (the Node door's pageParserPool) give what parsing them in
 * the ingesting thread gives: the same articles, notes, content hashes, refusals and failures per
 * page, and through a whole run the same items in the same feed order, the same source rows, run
 * summary and log lines in the same order.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePageBytes } from '../../src/ingest/parsePageBytes.js';
import { PageRefused } from '../../src/ingest/pageText.js';
import { prepareArticle } from '../../src/ingest/prepareArticle.js';
import { runIngestion, type IngestDeps } from '../../src/ingest/run.js';
import { memoryLog } from '../../src/log.js';
import { folderPages } from '../../src/node/folderPages.js';
import { pageParserPool, preparedBelow } from '../../src/node/pageParserPool.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { realConfigData } from '../helpers/configData.js';

const root = join(import.meta.dirname, '..', '..');
const data = realConfigData();
const sources = { ...data.sources, upstream: [] };
const now = new Date('2025-03-01T12:00:00Z');
/** Small enough that the "huge" page below is refused, large enough for every fixture page. */
const limits = { maxBytes: 256 * 1024 };
const pool = pageParserPool(2);
const configFile = (name: string) => JSON.parse(readFileSync(join(root, 'config', name), 'utf8'));
const taxonomyFiles = { topics: configFile('topics.json'), regions: configFile('regions.json') };
/** A pool whose pages' articles always come prepared. */
const preparing = pageParserPool(1, 'always', taxonomyFiles);
let dir: string;

/** A page bundle of every kind: seed and fixture pages, an HTML page, and bad input. */
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'caravan-page-pool-'));
  const pages = join(dir, 'pages');
  mkdirSync(join(pages, 'seed'), { recursive: true });
  mkdirSync(join(pages, 'fixtures'));
  for (const name of readdirSync(join(root, 'feeds', 'seed')).filter((n) => n.endsWith('.txt'))) {
    copyFileSync(join(root, 'feeds', 'seed', name), join(pages, 'seed', name));
  }
  for (const name of readdirSync(join(root, 'tests', 'fixtures', 'pages'))) {
    copyFileSync(join(root, 'tests', 'fixtures', 'pages', name), join(pages, 'fixtures', name));
  }
  copyFileSync(join(root, 'tests', 'fixtures', 'html', 'news-jsonld.html'), join(pages, 'fixtures', 'news-jsonld.html'));
  writeFileSync(join(pages, 'binary.txt'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  writeFileSync(join(pages, 'empty.txt'), '');
  writeFileSync(join(pages, 'huge.txt'), 'A line of text that goes on. '.repeat(12_000));
  writeFileSync(join(pages, 'not-utf8.txt'), new Uint8Array(Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0xc3 : 0x28))));
  writeFileSync(join(pages, 'nul.txt'), 'Headline\n\nSome text\u0000 with a NUL byte in it.');
});
afterAll(async () => {
  await pool.close();
  await preparing.close();
  rmSync(dir, { recursive: true, force: true });
});

const settle = (p: Promise<unknown>) => p.then((read) => ({ read }), (error: unknown) => ({
  error: { refused: error instanceof PageRefused, message: error instanceof Error ? error.message : String(error) },
}));

type PageParsing = IngestDeps['pageParsing'] & { prefetch?: (r: ReturnType<typeof folderPages>, l: typeof limits) => Promise<void> };

/**
 * One run over `folder` into a fresh store (its first pages parsed ahead when `parseAhead`):
 * the run's result without its times, the items, the source rows and the log lines without their own
 * time stamps and the run's duration. One clock for every run: each call a millisecond later, so
 * first-seen times are the same.
 */
async function ingestOnce(pageParsing?: PageParsing, folder = join(dir, 'pages'), parseAhead = false) {
  const store = await openSqliteStore(':memory:');
  const log = memoryLog();
  let tick = 0;
  const clock = () => new Date(now.getTime() + tick++);
  const pages = folderPages(folder);
  if (parseAhead) await pageParsing?.prefetch?.(pages, limits);
  const result = (await runIngestion({
    store, taxonomy: data.taxonomy, sources, pages, pageLimits: limits, fetch: globalThis.fetch,
    now: clock, log, userAgent: 'test', ...(pageParsing ? { pageParsing } : {}),
  }))!;
  const items = (await store.queryItems({ limit: 100 })).items;
  const states = await store.sourceStates();
  await store.close();
  const lines = log.lines.map((l) => l.slice(l.indexOf(' ') + 1).replace(/ ms=\d+/, ''));
  return { result: { ...result, started: undefined, finished: undefined }, items, states, lines };
}

describe('pages parsed in worker threads', () => {
  it('give each page the same articles, notes and content hash, or the same refusal, as this thread', async () => {
    const reader = folderPages(join(dir, 'pages'));
    const refs = await reader.list();
    expect(refs.length).toBeGreaterThan(12);
    for (const ref of refs) {
      const page = async () => ({ ref, bytes: await reader.readBytes(ref), now, limits });
      const here = await settle(parsePageBytes(await page()));
      const there = await settle(pool.parse(await page()));
      expect(there, ref).toEqual(here);
    }
    const refusal = async (ref: string) => settle(pool.parse({ ref, bytes: await reader.readBytes(ref), now, limits }));
    expect(await refusal('binary.txt')).toEqual({ error: { refused: true, message: 'not a text page (PNG image)' } });
    expect(await refusal('huge.txt')).toMatchObject({ error: { refused: true, message: expect.stringMatching(/^page too large/) } });
    expect(await refusal('nul.txt')).toMatchObject({ error: { refused: true, message: expect.stringMatching(/NUL byte/) } });
  });

  it('give a whole run the same items in the same order, the same rows, summary and log lines', async () => {
    const here = await ingestOnce();
    const there = await ingestOnce(pool);
    expect(there.items.map((i) => i.title)).toEqual(here.items.map((i) => i.title));
    expect(there).toEqual(here);
    expect(here.result.status).toBe('partial');
    const rows = new Map(here.result.sources.map((s) => [s.source, s]));
    expect(rows.get('page:binary.txt')).toMatchObject({ status: 'failed', error: 'not a text page (PNG image)' });
    expect(rows.get('page:huge.txt')).toMatchObject({ status: 'failed', error: expect.stringMatching(/^page too large/) });
    expect(rows.get('page:empty.txt')).toMatchObject({ status: 'empty', error: expect.stringMatching(/^parse: no article found/) });
    expect(rows.get('page:fixtures/news-jsonld.html')).toMatchObject({ status: 'ok', inserted: 1 });
    expect(here.items.length).toBeGreaterThan(10);

    const missing = join(dir, 'no-such-folder');
    const [gone, goneThere] = [await ingestOnce(undefined, missing), await ingestOnce(pool, missing)];
    expect(goneThere).toEqual(gone);
    expect(gone.result.sources).toMatchObject([{ source: 'pages', status: 'failed', error: expect.stringMatching(/no-such-folder/) }]);
  });

  it('prepared, give each article what preparing it in this thread gives, and a run the same items, rows and lines', async () => {
    const reader = folderPages(join(dir, 'pages'));
    let articles = 0;
    for (const ref of (await reader.list()).filter((r) => !['binary.txt', 'huge.txt', 'nul.txt', 'not-utf8.txt'].includes(r))) {
      const page = async () => ({ ref, bytes: await reader.readBytes(ref), now, limits });
      const here = await parsePageBytes(await page());
      const there = await preparing.parse(await page());
      // The page's articles, notes and hash as parsed here, each article with its storing work done.
      expect(there.parsed.articles.map(({ prepared, ...article }) => article), ref).toEqual(here.parsed.articles);
      expect({ ...there, parsed: { ...there.parsed, articles: [] } }).toEqual({ ...here, parsed: { ...here.parsed, articles: [] } });
      for (const [i, article] of here.parsed.articles.entries()) {
        expect(there.parsed.articles[i].prepared, `${ref} #${i}`).toEqual(await prepareArticle(article, now.toISOString(), { taxonomy: data.taxonomy }));
        articles++;
      }
    }
    expect(articles).toBeGreaterThan(20);
    expect(await ingestOnce(preparing)).toEqual(await ingestOnce());
  });

  it('when ahead, prepare the pages handed over while few are unanswered, and give a run the same items, rows and lines', async () => {
    const ahead = pageParserPool(1, 'when ahead', taxonomyFiles);
    try {
      const reader = folderPages(join(dir, 'pages'));
      const refs = (await reader.list()).filter((r) => r.startsWith('seed/'));
      expect(refs.length).toBeGreaterThan(preparedBelow + 1);
      const page = async (ref: string) => ({ ref, bytes: await reader.readBytes(ref), now, limits });
      const prepared = (read: Awaited<ReturnType<typeof ahead.parse>>) => read.parsed.articles.every((a) => a.prepared !== undefined);
      // One at a time, each answered before the next is handed over: the parser is ahead, it
      // prepares (but the first page: until one is answered, nothing says it is ahead).
      for (const [i, ref] of refs.entries()) expect(prepared(await ahead.parse(await page(ref))), ref).toBe(i > 0);
      // All at once: the first ones while few are unanswered, the rest left to this thread.
      const pages = await Promise.all(refs.map(page));
      const all = await Promise.all(pages.map((p) => ahead.parse(p)));
      expect(all.map(prepared)).toEqual(refs.map((_, i) => i < preparedBelow));
      expect(await ingestOnce(ahead)).toEqual(await ingestOnce());
    } finally {
      await ahead.close();
    }
  });

  it('give a run whose first pages were parsed ahead (prefetch) what parsing them in the run gives', async () => {
    const here = await ingestOnce();
    const ahead = pageParserPool(1);
    try {
      expect(await ingestOnce(ahead, join(dir, 'pages'), true)).toEqual(here);
    } finally {
      await ahead.close();
    }
  });

  it('parse a page anew when the run reads other bytes or limits than the page parsed ahead', async () => {
    const own = pageParserPool(1);
    const folder = join(dir, 'changing');
    mkdirSync(folder, { recursive: true });
    const before = 'A headline about the river port\n\nThe river port opened on Monday after a year of work on its new quays.\n';
    const after = 'A headline about the lake ferry\n\nThe lake ferry sailed again on Tuesday after the winter ice had gone from the bay.\n';
    writeFileSync(join(folder, 'a.txt'), before);
    writeFileSync(join(folder, 'b.txt'), before);
    try {
      await own.prefetch(folderPages(folder), limits);
      // Changed on disk after it was parsed ahead: the run's bytes are parsed.
      // (A page's bytes go to the worker: each parse gets its own.)
      const page = () => ({ ref: 'a.txt', bytes: new TextEncoder().encode(after), now, limits });
      const there = (await own.parse(page())).parsed;
      expect(there).toEqual((await parsePageBytes(page())).parsed);
      expect(there.articles[0]?.title).toBe('A headline about the lake ferry');
      // Read under a smaller cap than it was parsed ahead with: refused as the run's limits say.
      const small = { ref: 'b.txt', bytes: new TextEncoder().encode(before), now, limits: { maxBytes: 20 } };
      expect(await settle(own.parse(small))).toMatchObject({ error: { refused: true, message: expect.stringMatching(/^page too large/) } });
    } finally {
      await own.close();
    }
  });

  it('fail the pages a stopped worker held, each on its own, and start a new worker for the next', async () => {
    const own = pageParserPool(1);
    const page = () => ({ ref: 'x.txt', bytes: new TextEncoder().encode('A headline about the river port\n\nThe river port opened on Monday after a year of work on its new quays.\n'), now, limits });
    const held = settle(own.parse(page()));
    await own.close();
    expect(await held).toMatchObject({ error: { refused: false, message: expect.stringMatching(/^page parser stopped/) } });
    const again = await own.parse(page());
    expect(again.parsed).toEqual((await parsePageBytes(page())).parsed);
    await own.close();
  });
});
