/**
 * Local pages written in batches (`writeBatchItems`, as the Node door does): the same items and
 * the same per-page counts as one write per page, in fewer writes; a batch of pages is also cut
 * by its text; a stop lands between batches and the pages left are read again by the next run.
 */
import { describe, expect, it } from 'vitest';
import { memoryPages } from '../../src/ingest/pageReader.js';
import { runIngestion, type IngestDeps } from '../../src/ingest/run.js';
import { memoryLog } from '../../src/log.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { IngestRun, ItemStore } from '../../src/store/store.js';
import { realConfigData, seedPages } from '../helpers/configData.js';

const data = realConfigData();
const noFetch = (async () => {
  throw new Error('no network in this test');
}) as typeof fetch;

function deps(store: ItemStore, pages: Record<string, string>, extra: Partial<IngestDeps> = {}): IngestDeps {
  return {
    store, taxonomy: data.taxonomy, sources: { ...data.sources, upstream: [] }, pages: memoryPages(pages), fetch: noFetch,
    now: () => new Date('2025-03-01T00:00:00Z'), log: memoryLog(), userAgent: 'test', ...extra,
  };
}

/** Counts the store's item writes and the pages' articles in each. */
function counted(store: ItemStore) {
  const writes = { single: 0, groups: [] as number[] };
  const watched: ItemStore = {
    ...store,
    upsertItems: (items) => {
      writes.single++;
      return store.upsertItems(items);
    },
    upsertItemGroups: (groups) => {
      writes.groups.push(groups.length);
      return store.upsertItemGroups(groups);
    },
  };
  return { watched, writes };
}

const counts = (run: IngestRun | null) => run!.sources.map(({ source: s, status, entries, inserted, updated, unchanged, skipped, error }) => ({ s, status, entries, inserted, updated, unchanged, skipped, error }));
const contents = async (store: ItemStore) =>
  (await store.queryItems({ limit: 100 })).items.map(({ id, title, url, contentText, origins, topics, regions, firstSeen, authors, published }) => ({ id, title, url, contentText, origins, topics, regions, firstSeen, authors, published }));

/** A page of one long article: a headline, a byline and `paragraphs` paragraphs of ~300 characters. */
function longPage(n: number, paragraphs: number): string {
  const para = (k: number) =>
    `Paragraph ${k} of report ${n}: the water board of the valley town said on Tuesday that the new reservoir would hold enough for ` +
    `three dry summers, and that the pipes laid under the old market square in the spring were tested twice before the opening, ` +
    `with engineers from the district checking every valve along the line.`;
  return [`Valley reservoir report number ${n} opens to the public`, '', 'By Dana Example', '', ...Array.from({ length: paragraphs }, (_, k) => `${para(k + 1)}\n`)].join('\n');
}

describe('local pages written in batches', () => {
  it('stores the same items with the same counts per page as one write per page, in fewer writes', async () => {
    const pages = seedPages();
    // The same article on a second page: the batch must meet it as a later write would.
    const [ref, text] = Object.entries(pages)[0]!;
    const all = { ...pages, 'mirror/copy.txt': text };
    const one = counted(await openSqliteStore(':memory:'));
    const many = counted(await openSqliteStore(':memory:'));
    const alone = await runIngestion(deps(one.watched, all));
    const batched = await runIngestion(deps(many.watched, all, { writeBatchItems: 200 }));
    expect(alone!.status).toBe('ok');
    expect(counts(batched)).toEqual(counts(alone));
    expect(await contents(many.watched)).toEqual(await contents(one.watched));
    // The page met its copy, read first (otherwise this test would prove little).
    const copy = alone!.sources.find((s) => s.source === `page:${ref}`)!;
    expect(copy.entries).toBeGreaterThan(0);
    expect(copy.inserted).toBeLessThan(copy.entries);
    expect(one.writes).toEqual({ single: 6, groups: [] });
    expect(many.writes).toEqual({ single: 0, groups: [6] });
  });

  it('cuts a batch of pages at ~100,000 characters of text as well as at writeBatchItems', async () => {
    // Six pages of ~45,000 characters each: two pages to a write.
    const pages = Object.fromEntries(Array.from({ length: 6 }, (_, n) => [`long/${n}.txt`, longPage(n, 150)]));
    const { watched, writes } = counted(await openSqliteStore(':memory:'));
    const run = await runIngestion(deps(watched, pages, { writeBatchItems: 200 }));
    expect(run).toMatchObject({ status: 'ok', inserted: 6 });
    expect(writes).toEqual({ single: 0, groups: [2, 2, 2] });
    // And by items: one item per page, two items to a write.
    const small = counted(await openSqliteStore(':memory:'));
    await runIngestion(deps(small.watched, Object.fromEntries(Object.entries(pages).map(([ref]) => [ref, longPage(Number(ref.slice(5, 6)), 3)])), { writeBatchItems: 2 }));
    expect(small.writes).toEqual({ single: 0, groups: [2, 2, 2] });
  });

  it('a stop during a batched write stores that batch and leaves the other pages for the next run', async () => {
    const pages = Object.fromEntries(Array.from({ length: 6 }, (_, n) => [`long/${n}.txt`, longPage(n, 150)]));
    const store = await openSqliteStore(':memory:');
    const stop = new AbortController();
    const watched: ItemStore = {
      ...store,
      upsertItemGroups: (groups) => {
        stop.abort('SIGTERM'); // arrives while this batch is written
        return store.upsertItemGroups(groups);
      },
    };
    const run = await runIngestion(deps(watched, pages, { signal: stop.signal, writeBatchItems: 200 }));
    expect(run).toMatchObject({ status: 'partial', inserted: 2, error: 'interrupted: SIGTERM; 4 source(s) left for the next run' });
    expect(run!.sources.slice(2).every((s) => s.status === 'skipped' && s.error === 'interrupted: left for the next run')).toBe(true);
    const next = await runIngestion(deps(store, pages, { writeBatchItems: 200 }));
    expect(next).toMatchObject({ status: 'ok', inserted: 4, unchanged: 2 });
  });
});
