/**
 * The crash- and stop-safety rules of one ingestion run, in process: a stop signal ends the run
 * between sources and leaves the rest (state untouched) for the next run; a store that refuses
 * writes stops the run at the first refusal without advancing any source's validators; leases
 * left by dead processes are recognized; migrations are all or nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryPages } from '../../src/ingest/pageReader.js';
import { runIngestion, type IngestDeps } from '../../src/ingest/run.js';
import { memoryLog } from '../../src/log.js';
import { deadLeaseOwner } from '../../src/node/lease.js';
import { openSqliteStore, readMigrations } from '../../src/store/sqlite.js';
import { StoreWriteError, type ItemStore } from '../../src/store/store.js';
import { realConfigData, seedPages } from '../helpers/configData.js';
import { pageText } from './helpers/pages.js';

const data = realConfigData();
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'caravan-run-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const feedUrl = 'https://news.example/feed.xml';
const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>News</title><link>https://news.example/</link>
<item><title>Upstream story about the Aktau airport</title><link>https://news.example/a</link><description>Officials in Aktau said the airport reopened.</description></item>
</channel></rss>`;
const sources = { ...data.sources, upstream: [{ url: feedUrl, name: 'News', topics: [], regions: [], intervalMinutes: 15, allowPrivate: false }] };

/** An upstream that answers 304 to its own ETag, like a polite server. */
function upstream(onFetch: () => void = () => undefined) {
  return (async (_url: string, init?: RequestInit) => {
    onFetch();
    if (new Headers(init?.headers).get('if-none-match') === '"v1"') return new Response(null, { status: 304, headers: { etag: '"v1"' } });
    return new Response(rss, { headers: { 'content-type': 'application/rss+xml', etag: '"v1"' } });
  }) as unknown as typeof fetch;
}

function deps(store: ItemStore, extra: Partial<IngestDeps> = {}): IngestDeps {
  return {
    store, taxonomy: data.taxonomy, sources, pages: memoryPages({ ...seedPages(), 'gen/a.txt': pageText(1), 'gen/b.txt': pageText(2) }),
    fetch: upstream(), now: () => new Date(), log: memoryLog(), userAgent: 'test', ...extra,
  };
}

describe('a stop signal (SIGTERM)', () => {
  it('ends the run between sources; the sources left keep their old state and the next run does them', async () => {
    const store = await openSqliteStore(':memory:');
    const stop = new AbortController();
    const log = memoryLog();
    // The stop arrives while the upstream is being fetched, after the pages were read.
    const run = await runIngestion(deps(store, { signal: stop.signal, log, fetch: upstream(() => stop.abort('SIGTERM')) }));
    expect(run).toMatchObject({ status: 'partial', inserted: 0, error: expect.stringMatching(/^interrupted: SIGTERM; 8 source\(s\) left for the next run$/) });
    expect(run!.sources.every((s) => s.status === 'skipped' && s.error === 'interrupted: left for the next run')).toBe(true);
    expect(log.lines.join('\n')).toMatch(/WARN ingest: interrupted status=partial .* reason=SIGTERM left=8/);
    expect(await store.sourceStates()).toEqual([]); // no etag saved for what was not stored
    expect(await store.acquireLease('ingest', 'next', new Date().toISOString(), new Date(Date.now() + 1000).toISOString())).toBe(true);
    await store.releaseLease('ingest', 'next');

    const next = await runIngestion(deps(store));
    expect(next).toMatchObject({ status: 'ok', inserted: 23 });
    expect((await store.queryItems({ limit: 100 })).items.map((i) => i.title)).toContain('Upstream story about the Aktau airport');
  });

  it('lets the write in progress finish: a stop during a source stores that source and no other', async () => {
    const store = await openSqliteStore(':memory:');
    const stop = new AbortController();
    let upserts = 0;
    const watched: ItemStore = {
      ...store,
      upsertItems: async (items) => {
        upserts++;
        stop.abort('SIGTERM'); // arrives while this source's write runs
        return store.upsertItems(items);
      },
    };
    const run = await runIngestion(deps(watched, { signal: stop.signal }));
    expect(upserts).toBe(1);
    expect(run!.status).toBe('partial');
    expect(run!.inserted).toBeGreaterThan(0);
    expect((await store.queryItems({ limit: 100 })).items).toHaveLength(run!.inserted);
    expect((await store.sourceStates()).map((s) => s.id)).toEqual([run!.sources.find((s) => s.inserted > 0)!.source]);
  });
});

describe('a store that refuses writes', () => {
  it('stops at the first refusal, records the failure, and advances no validator', async () => {
    const store = await openSqliteStore(':memory:');
    let refuse = true;
    let tried = 0;
    const full: ItemStore = {
      ...store,
      upsertItems: async (items) => {
        tried++;
        if (refuse) throw new StoreWriteError('store is full: the disk has no space left (SQLITE_FULL: database or disk is full)', 'SQLITE_FULL');
        return store.upsertItems(items);
      },
    };
    const log = memoryLog();
    const run = await runIngestion(deps(full, { log }));
    expect(tried).toBe(1);
    expect(run).toMatchObject({ status: 'failed', error: 'store: store is full: the disk has no space left (SQLITE_FULL: database or disk is full)' });
    expect(log.lines.filter((l) => l.includes('ingest: source not stored'))).toHaveLength(1);
    expect(await store.lastRun()).toMatchObject({ status: 'failed' });
    // The upstream was fetched (ETag "v1") but not stored: its state must not claim "v1".
    expect((await store.sourceStates()).find((s) => s.id === feedUrl)?.etag ?? null).toBeNull();

    refuse = false;
    const next = await runIngestion(deps(full));
    expect(next!.status).toBe('ok');
    expect((await store.queryItems({ limit: 100 })).items.map((i) => i.title)).toContain('Upstream story about the Aktau airport');
  });

  it('a store that cannot even take the lease gives a failed run, never a throw', async () => {
    const store = await openSqliteStore(':memory:');
    const readOnly: ItemStore = {
      ...store,
      acquireLease: async () => {
        throw new StoreWriteError('store is read-only (SQLITE_READONLY: attempt to write a readonly database)', 'SQLITE_READONLY');
      },
    };
    const log = memoryLog();
    const run = await runIngestion(deps(readOnly, { log }));
    expect(run).toMatchObject({ status: 'failed', error: 'cannot start: store is read-only (SQLITE_READONLY: attempt to write a readonly database)' });
    expect(log.lines.join('\n')).toMatch(/ERROR ingest: failed error="cannot start: store is read-only/);
  });
});

describe('the ingestion lease', () => {
  it('skips, and says so, while another owner holds it', async () => {
    const store = await openSqliteStore(':memory:');
    await store.acquireLease('ingest', 'node:other-host:1:x', new Date().toISOString(), new Date(Date.now() + 60_000).toISOString());
    const log = memoryLog();
    expect(await runIngestion(deps(store, { log }))).toBeNull();
    expect(log.lines.join('\n')).toMatch(/WARN ingest: skipped, another ingestion is running/);
  });

  it('knows a dead owner of this host, and nothing else, as dead', () => {
    const me = { host: 'h', pid: process.pid, instance: 'mine' };
    expect(deadLeaseOwner(`node:h:${process.pid}:mine:1-a`, me)).toBe('left by an earlier run of this process');
    expect(deadLeaseOwner(`node:h:${process.pid}:older:1-a`, me)).toMatch(/an earlier process with this pid/);
    expect(deadLeaseOwner('node:h:2147483646:x:1-a', me)).toBe('process 2147483646 no longer runs');
    expect(deadLeaseOwner(`node:h:${process.ppid}:x:1-a`, me)).toBeNull(); // alive
    expect(deadLeaseOwner('node:other:2147483646:x:1-a', me)).toBeNull(); // another host: only its lease expiry tells
    expect(deadLeaseOwner('run:1-a', me)).toBeNull(); // Workers or tests
  });
});

describe('migrations', () => {
  it('are all or nothing: one that fails half-way leaves no table and no record', async () => {
    const path = join(dir, 'migrate.db');
    const broken = [...readMigrations(), { name: '0099_broken.sql', sql: 'CREATE TABLE half_made (x INTEGER);\nCREATE TABLE oops (;' }];
    await expect(openSqliteStore(path, broken)).rejects.toThrow(/store error \(SQLITE_ERROR: near ";": syntax error\)/);
    const db = new Database(path, { readonly: true });
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
    const applied = (db.prepare('SELECT name FROM d1_migrations').all() as { name: string }[]).map((r) => r.name);
    db.close();
    expect(tables).toContain('items'); // the good migration before it committed
    expect(tables).not.toContain('half_made');
    expect(applied).toEqual(readMigrations().map((m) => m.name));
    const store = await openSqliteStore(path); // and the file opens fine afterwards
    await store.close();
  });
});
