/**
 * Upstream sources written in batches (`writeBatchItems`, as the Node door does): the same items
 * and the same per-source counts as writing them one by one, in fewer writes; a stop lands between
 * batches; a store that refuses a batch advances none of its sources; a source that breaks its
 * batch is written alone and fails alone.
 */
import { describe, expect, it } from 'vitest';
import { runIngestion, type IngestDeps } from '../../src/ingest/run.js';
import { memoryLog } from '../../src/log.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { StoreWriteError, type IngestRun, type ItemStore } from '../../src/store/store.js';
import { realConfigData } from '../helpers/configData.js';
import { now, source } from './upstream/helpers.js';

const data = realConfigData();
const text = (words: string) => `${words} Officials in Almaty said the new line of the metro would open in the spring, with six stations and trains every four minutes at peak hours.`;

interface Entry {
  guid: string;
  link: string;
  title: string;
  body: string;
}

function rss(entries: Entry[]): string {
  const items = entries.map((e) => `<item><guid isPermaLink="false">${e.guid}</guid><link>${e.link}</link><title>${e.title}</title>
<pubDate>Sat, 01 Jun 2024 10:00:00 GMT</pubDate><description>${e.body}</description></item>`);
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>News</title><link>https://news.example/</link>${items.join('')}</channel></rss>`;
}

/** Six feeds whose entries meet across sources: the same link twice, the same story under two links, an edit. */
const feeds: Entry[][] = [
  [
    { guid: 'a', link: 'https://one.example/a', title: 'Metro line opens in Almaty', body: text('First.') },
    { guid: 'b', link: 'https://one.example/b', title: 'Bus fares rise in Astana', body: text('Second.') },
  ],
  [
    { guid: 'a2', link: 'https://one.example/a', title: 'Metro line opens in Almaty', body: text('First, with more words from the opening day.') },
    { guid: 'c', link: 'https://two.example/c', title: 'Airport reopens in Aktau after repairs', body: text('Third.') },
  ],
  [{ guid: 'c3', link: 'https://three.example/c', title: 'Airport reopens in Aktau after repairs', body: text('Third.') }],
  [{ guid: 'd', link: 'https://four.example/d', title: 'Poison story', body: text('Fourth.') }],
  [
    { guid: 'b', link: 'https://one.example/b', title: 'Bus fares rise in Astana again', body: text('Second, edited.') },
    { guid: 'e', link: 'https://five.example/e', title: 'Rail freight grows in Kazakhstan', body: text('Fifth.') },
  ],
  [{ guid: 'f', link: 'https://six.example/f', title: 'New bridge over the Irtysh', body: text('Sixth.') }],
];
const urls = feeds.map((_, i) => `https://feed${i}.example/rss.xml`);

const upstreamFetch = (async (input: string, init?: RequestInit) => {
  const n = urls.indexOf(String(input));
  if (new Headers(init?.headers).get('if-none-match') === `"v${n}"`) return new Response(null, { status: 304, headers: { etag: `"v${n}"` } });
  return new Response(rss(feeds[n]), { headers: { 'content-type': 'application/rss+xml', etag: `"v${n}"` } });
}) as unknown as typeof fetch;

function deps(store: ItemStore, extra: Partial<IngestDeps> = {}): IngestDeps {
  return {
    store, taxonomy: data.taxonomy, sources: { ...data.sources, pages: { enabled: false }, upstream: urls.map((u) => source(u, { allowPrivate: false })) },
    pages: null, fetch: upstreamFetch, now: () => now, log: memoryLog(), userAgent: 'test', ...extra,
  };
}

/** Counts the store's item writes. */
function counted(store: ItemStore) {
  const writes = { single: 0, groups: 0 };
  const watched: ItemStore = {
    ...store,
    upsertItems: (items) => {
      writes.single++;
      return store.upsertItems(items);
    },
    upsertItemGroups: (groups) => {
      writes.groups++;
      return store.upsertItemGroups(groups);
    },
  };
  return { watched, writes };
}

const counts = (run: IngestRun | null) => run!.sources.map(({ source: s, status, entries, inserted, updated, unchanged, skipped, error }) => ({ s, status, entries, inserted, updated, unchanged, skipped, error }));
const contents = async (store: ItemStore) =>
  (await store.queryItems({ limit: 100 })).items.map(({ id, title, url, contentText, origins, topics, regions, firstSeen }) => ({ id, title, url, contentText, origins, topics, regions, firstSeen }));

describe('upstream sources written in batches', () => {
  it('stores the same items with the same counts per source as one write per source, in fewer writes', async () => {
    const one = counted(await openSqliteStore(':memory:'));
    const many = counted(await openSqliteStore(':memory:'));
    const alone = await runIngestion(deps(one.watched));
    const batched = await runIngestion(deps(many.watched, { writeBatchItems: 100 }));
    expect(alone!.status).toBe('ok');
    expect(counts(batched)).toEqual(counts(alone));
    expect(await contents(many.watched)).toEqual(await contents(one.watched));
    // The cross-source meetings happened (otherwise this test would prove little).
    expect(alone!.sources.map((s) => [s.inserted, s.updated])).toEqual([[2, 0], [1, 1], [0, 1], [1, 0], [1, 1], [1, 0]]);
    expect(one.writes).toEqual({ single: 6, groups: 0 });
    expect(many.writes).toEqual({ single: 0, groups: 1 });
  });

  it('cuts batches at writeBatchItems, whole sources only', async () => {
    const { watched, writes } = counted(await openSqliteStore(':memory:'));
    const run = await runIngestion(deps(watched, { writeBatchItems: 4 }));
    expect(run!.status).toBe('ok');
    // Entries per source 2, 2, 1, 1, 2, 1: [2+2] [1+1+2] [1], the last a write of one source.
    expect(writes).toEqual({ single: 1, groups: 2 });
  });

  it('a stop during a batched write stores that batch and leaves the rest, state untouched, for the next run', async () => {
    const store = await openSqliteStore(':memory:');
    const stop = new AbortController();
    const watched: ItemStore = {
      ...store,
      upsertItemGroups: (groups) => {
        stop.abort('SIGTERM'); // arrives while this batch is written
        return store.upsertItemGroups(groups);
      },
    };
    const run = await runIngestion(deps(watched, { signal: stop.signal, writeBatchItems: 4 }));
    expect(run).toMatchObject({ status: 'partial', error: 'interrupted: SIGTERM; 4 source(s) left for the next run' });
    expect(run!.sources.slice(0, 2).map((s) => s.status)).toEqual(['ok', 'ok']);
    expect(run!.sources.slice(2).every((s) => s.status === 'skipped' && s.error === 'interrupted: left for the next run')).toBe(true);
    expect((await store.sourceStates()).map((s) => s.id)).toEqual(urls.slice(0, 2));
    const next = await runIngestion(deps(store, { writeBatchItems: 4 }));
    expect(next!.status).toBe('ok');
    expect(next!.sources.map((s) => s.status)).toEqual(['skipped', 'skipped', 'ok', 'ok', 'ok', 'ok']) // the first two are not due yet;
  });

  it('a store that refuses a batch fails its sources and tries no other, advancing no validator', async () => {
    const store = await openSqliteStore(':memory:');
    const log = memoryLog();
    const full: ItemStore = {
      ...store,
      upsertItemGroups: async () => {
        throw new StoreWriteError('store is full: the disk has no space left (SQLITE_FULL: database or disk is full)', 'SQLITE_FULL');
      },
    };
    const run = await runIngestion(deps(full, { log, writeBatchItems: 4 }));
    expect(run).toMatchObject({ status: 'failed', error: 'store: store is full: the disk has no space left (SQLITE_FULL: database or disk is full)' });
    expect(run!.sources.map((s) => s.error?.slice(0, 22))).toEqual(['store: store is full: ', 'store: store is full: ', ...Array(4).fill('store: not tried (stor')]);
    expect(log.lines.filter((l) => l.includes('ingest: source not stored'))).toHaveLength(2);
    expect((await store.sourceStates()).filter((s) => s.etag !== null)).toEqual([]);
    expect(await store.stats()).toMatchObject({ items: 0 });
  });

  it('a source that breaks its batch is written again alone, and only it fails', async () => {
    const store = await openSqliteStore(':memory:');
    const poisoned = (items: { item: { title: string } }[]) => items.some((k) => k.item.title === 'Poison story');
    const picky: ItemStore = {
      ...store,
      upsertItems: async (items) => {
        if (poisoned(items)) throw new Error('CHECK constraint failed');
        return store.upsertItems(items);
      },
      upsertItemGroups: async (groups) => {
        if (groups.some(poisoned)) throw new Error('CHECK constraint failed');
        return store.upsertItemGroups(groups);
      },
    };
    const run = await runIngestion(deps(picky, { writeBatchItems: 100 }));
    expect(run!.status).toBe('partial');
    expect(run!.sources.map((s) => s.status)).toEqual(['ok', 'ok', 'ok', 'failed', 'ok', 'ok']);
    expect(run!.sources[3].error).toBe('store: CHECK constraint failed');
    expect(run!.inserted).toBe(5);
    expect((await store.sourceStates()).find((s) => s.id === urls[3])?.etag).toBeNull();
  });
});
