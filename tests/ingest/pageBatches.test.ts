/**
 * Pages written several to a write (`writeBatchItems`, as the Node door does, with pages parsed
 * ahead): only while the next page is parsed already, so a page never waits for the next one; the
 * same items in the same feed order (undated articles in the order of their pages, even on a
 * clock that does not move), the same counts, rows and log lines as one page per write; a store
 * that refuses a batch fails the page that met it and tries no other, with one line.
 */
import { describe, expect, it } from 'vitest';
import type { PageParsing } from '../../src/ingest/collectPages.js';
import { memoryPages } from '../../src/ingest/pageReader.js';
import { parsePageBytes, type PageParse } from '../../src/ingest/parsePageBytes.js';
import { runIngestion, type IngestDeps } from '../../src/ingest/run.js';
import { memoryLog } from '../../src/log.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { StoreWriteError, type ItemStore } from '../../src/store/store.js';
import { realConfigData } from '../helpers/configData.js';

const data = realConfigData();
const sources = { ...data.sources, upstream: [] };
const now = new Date('2025-03-01T12:00:00Z');

const towns = ['Aktau', 'Almaty', 'Astana', 'Atyrau', 'Karaganda', 'Kostanay', 'Pavlodar', 'Semey', 'Shymkent', 'Taraz', 'Turkistan', 'Oral'];
/** Twelve undated pages of two articles each, and one that holds no article. */
const pages: Record<string, string> = Object.fromEntries(towns.map((town, i) => [`p${String(i).padStart(2, '0')}.txt`, [
  `The new tram line of ${town} opens to passengers`,
  '',
  `The city of ${town} opened its first tram line on Monday, with ${i + 6} stops between the station and the old market, after two years of building work along the river.`,
  '',
  `Officials said trams would run every ${i + 4} minutes at peak hours and that a second line to the airport was planned for the years after the first.`,
  '',
  'Related stories',
  '',
  `Bakery in ${town} wins the national bread prize`,
  '',
  `A family bakery in ${town} won the national bread prize this week for a rye loaf baked in a wood oven to a recipe kept by the family for ${i + 3} generations.`,
  '',
  `The judges tasted ${i + 40} loaves from every region before they chose it, and the bakery said it would keep its prices as they were.`,
  '',
].join('\n')]));
pages['p05b.txt'] = 'Menu\nHome\nContact\n';

/** Parsed in this thread, but every page at once, as a pool of threads hands them over. */
const parsedAhead: PageParsing = { parse: parsePageBytes, ahead: 8 };

/** Counts writes and the sources in each. */
function counted(store: ItemStore) {
  const writes: number[] = [];
  const watched: ItemStore = {
    ...store,
    upsertItems: (items) => {
      writes.push(1);
      return store.upsertItems(items);
    },
    upsertItemGroups: (groups) => {
      writes.push(groups.length);
      return store.upsertItemGroups(groups);
    },
  };
  return { watched, writes };
}

function deps(store: ItemStore, extra: Partial<IngestDeps> = {}): IngestDeps {
  return {
    store, taxonomy: data.taxonomy, sources, pages: memoryPages(pages), fetch: globalThis.fetch, now: () => now,
    log: memoryLog(), userAgent: 'test', pageParsing: parsedAhead, ...extra,
  };
}

async function outcome(extra: Partial<IngestDeps>) {
  const store = await openSqliteStore(':memory:');
  const { watched, writes } = counted(store);
  const log = memoryLog();
  let tick = 0;
  const run = (await runIngestion(deps(watched, { log, now: () => new Date(now.getTime() + 1000 * tick++), ...extra })))!;
  const items = (await store.queryItems({ limit: 100 })).items;
  const states = (await store.sourceStates()).map(({ lastAttempt, lastSuccess, ...state }) => state);
  await store.close();
  return {
    writes,
    result: { ...run, started: undefined, finished: undefined },
    order: items.map((i) => i.title),
    items: items.map(({ firstSeen, changed, ...item }) => item),
    states,
    lines: log.lines.map((l) => l.slice(l.indexOf(' ') + 1).replace(/ ms=\d+/, '')),
  };
}

describe('pages written several to a write', () => {
  it('store the same items in the same order, with the same rows and log lines, in fewer writes', async () => {
    const alone = await outcome({});
    const batched = await outcome({ writeBatchItems: 200 });
    expect(alone.writes.length).toBe(12);
    expect(batched.writes.length).toBeLessThan(alone.writes.length);
    expect(Math.max(...batched.writes)).toBeGreaterThan(1);
    expect(batched.writes.reduce((a, b) => a + b, 0)).toBe(12);
    expect(batched.result).toEqual(alone.result);
    expect(batched.result).toMatchObject({ status: 'ok', pagesRead: 13, inserted: 24 });
    expect(batched.items).toEqual(alone.items);
    expect(batched.order).toEqual(alone.order);
    expect(batched.states).toEqual(alone.states);
    expect(batched.lines).toEqual(alone.lines);
  });

  it('keep undated articles in the order of their pages on a clock that does not move', async () => {
    const { order, items } = await outcome({ writeBatchItems: 200, now: () => now });
    // Newest first: the last page's articles first, each page's two articles by their ids (a tie within the page).
    const pageOf = (title: string) => towns.findIndex((town) => title.includes(town));
    expect(order.map(pageOf)).toEqual(towns.flatMap((_, i) => [i, i]).reverse());
    expect(items.every((item) => item.published === null)).toBe(true);
  });

  it('write a page at once when the next one is not parsed yet', async () => {
    const store = await openSqliteStore(':memory:');
    const { watched, writes } = counted(store);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const held: PageParsing = {
      ahead: 8,
      parse: async (page): Promise<PageParse> => {
        // Every page after the first waits until the first page is written.
        if (page.ref !== 'p00.txt') await gate;
        return parsePageBytes(page);
      },
    };
    const writing = { ...watched, upsertItems: async (items: Parameters<ItemStore['upsertItems']>[0]) => {
      const result = await watched.upsertItems(items);
      release();
      return result;
    } };
    const run = await runIngestion(deps(writing, { pageParsing: held, writeBatchItems: 200 }));
    expect(run).toMatchObject({ status: 'ok', inserted: 24 });
    expect(writes[0]).toBe(1);
  });

  it('a store that refuses a batch fails the page that met it, tries no other, and says so once', async () => {
    const store = await openSqliteStore(':memory:');
    const log = memoryLog();
    /** Sources per write tried; the first write is stored, every later one refused. */
    const tried: number[] = [];
    const refuse = (sources: number) => {
      tried.push(sources);
      if (tried.length > 1) throw new StoreWriteError('store is full: the disk has no space left (SQLITE_FULL: database or disk is full)', 'SQLITE_FULL');
    };
    const full: ItemStore = {
      ...store,
      upsertItems: async (items) => {
        refuse(1);
        return store.upsertItems(items);
      },
      upsertItemGroups: async (groups) => {
        refuse(groups.length);
        return store.upsertItemGroups(groups);
      },
    };
    const run = await runIngestion(deps(full, { log, writeBatchItems: 200 }));
    expect(run).toMatchObject({ status: 'failed', error: 'store: store is full: the disk has no space left (SQLITE_FULL: database or disk is full)' });
    // The first page alone (the next was still being parsed), then a batch of the pages parsed
    // meanwhile, refused; then its first page alone, refused; then nothing.
    expect(tried.length).toBe(3);
    expect(tried[0]).toBe(1);
    expect(tried[1]).toBeGreaterThan(1);
    expect(tried[2]).toBe(1);
    const rows = run!.sources;
    expect(rows[0]).toMatchObject({ source: 'page:p00.txt', status: 'ok', inserted: 2 });
    expect(rows[1]).toMatchObject({ source: 'page:p01.txt', status: 'failed', error: expect.stringMatching(/^store: store is full/) });
    expect(rows.slice(2).filter((s) => s.source !== 'page:p05b.txt').every((s) => s.error?.startsWith('store: not tried'))).toBe(true);
    expect(log.lines.filter((l) => l.includes('ingest: source not stored'))).toHaveLength(1);
    // Saved: the page stored, the page refused (its error, and no content hash: the next run
    // stores it again) and the page with no article; the pages not tried keep no new state.
    const states = await store.sourceStates();
    expect(states.map((s) => s.id)).toEqual(['page:p00.txt', 'page:p01.txt', 'page:p05b.txt']);
    expect(states[1]).toMatchObject({ contentHash: null, lastError: expect.stringMatching(/^store: store is full/) });
    expect(await store.stats()).toMatchObject({ items: 2 });
  });
});
