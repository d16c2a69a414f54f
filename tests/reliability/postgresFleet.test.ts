/**
 * Several Caravan processes on one PostgreSQL database (a throwaway server this file starts), as
 * an operator runs them behind a load balancer: the real Node door (`src/node.ts serve`) twice.
 * - after an ingestion both serve identical bytes for every catalog feed (and the one that did
 *   not ingest notices the other's writes within a second);
 * - the one ingesting is killed with SIGKILL mid-run; the other takes the lease over on its next
 *   run and completes it: no duplicates, no lost items (the checks of the SQLite crash test);
 * - /healthz says `down` while the database is away and `ok` once it is back, without a restart;
 * - a wrong password stops start-up with one line, no stack trace.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CatalogEntry } from '../helpers/catalogEntry.js';
import { withPostgres } from '../helpers/postgresSuite.js';
import { checkPostgresStore, postgresVersion } from './helpers/checkPostgresStore.js';
import { writePages } from './helpers/pages.js';
import { killAll, listening, sleep, startNode, terminate, type Proc } from './helpers/proc.js';

const token = 'fleet-test-admin-token-0123456789';
const baseUrl = 'http://feeds.fleet.test';
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'caravan-fleet-'));
});
afterAll(async () => {
  await killAll();
  rmSync(dir, { recursive: true, force: true });
});

async function serve(env: Record<string, string>): Promise<{ proc: Proc; url: string }> {
  const proc = startNode('serve', { INGEST_ON_START: 'false', ADMIN_TOKEN: token, BASE_URL: baseUrl, ...env });
  return { proc, url: await listening(proc) };
}

const ingestVia = (url: string) =>
  fetch(`${url}/admin/ingest`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });

/** Every URL a reader can subscribe to: the catalog's feeds in every format, the catalog itself, OPML. */
async function feedPaths(url: string): Promise<string[]> {
  const catalog = (await (await fetch(`${url}/feeds`)).json()) as { feeds: CatalogEntry[] };
  const feeds = catalog.feeds.flatMap((f) => Object.values(f.urls).map((u) => new URL(u).pathname + new URL(u).search));
  return ['/feeds', '/feeds.opml', '/items?limit=100', ...feeds];
}

async function bodies(url: string, paths: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const path of paths) {
    const res = await fetch(url + path);
    out.set(path, `${res.status} ${res.headers.get('etag')} ${await res.text()}`);
  }
  return out;
}

withPostgres('two Caravan processes, one PostgreSQL', (server) => {
  it('serve identical bytes for every catalog feed after one of them ingests', async () => {
    const database = await server().createDatabase();
    const env = { DATABASE_URL: database, FEEDS_DIR: writePages(join(dir, 'same'), 60) };
    // Started together: both migrate the empty database, once.
    const [a, b] = await Promise.all([serve(env), serve(env)]);
    const paths = await feedPaths(a.url);
    expect(paths.length).toBeGreaterThan(60);
    await bodies(b.url, paths); // b renders (and caches) every feed of the empty store

    const run = (await (await ingestVia(a.url)).json()) as { status: string; inserted: number };
    expect(run).toMatchObject({ status: 'ok', inserted: 60 });
    await sleep(1_100); // b's cached store version is at most a second old
    const [fromA, fromB] = [await bodies(a.url, paths), await bodies(b.url, paths)];
    for (const path of paths) expect(fromB.get(path), path).toBe(fromA.get(path));
    expect(fromA.get('/items?limit=100')).toMatch(/Report 59: officials/);
    await Promise.all([terminate(a.proc), terminate(b.proc)]);
  }, 90_000);

  it('takes over the lease of a process killed mid-run and completes the work: no duplicates, nothing lost', async () => {
    const database = await server().createDatabase();
    const total = 300;
    const before = 50;
    const feeds = join(dir, 'kill');
    writePages(feeds, before, 0);
    const env = { DATABASE_URL: database, FEEDS_DIR: feeds };
    const [a, b] = await Promise.all([serve(env), serve(env)]);
    expect((await (await ingestVia(a.url)).json()) as object).toMatchObject({ status: 'ok', inserted: before });
    const first = await checkPostgresStore(database);
    expect(first.count).toBe(before);

    // Every old page changes and new ones arrive; a's run over them is killed after its first write.
    writePages(feeds, before, 1);
    writePages(feeds, total - before, 0, before);
    const from = await postgresVersion(database);
    const killedRun = ingestVia(a.url).catch(() => null);
    for (let i = 0; i < 3000 && (await postgresVersion(database)) <= from; i++) await sleep(10);
    await sleep(Math.random() * 200);
    a.proc.child.kill('SIGKILL');
    expect((await a.proc.exited).signal).toBe('SIGKILL');
    await killedRun;

    const cut = await checkPostgresStore(database); // throws, naming the problem, when inconsistent
    const written = [...cut.items.values()].filter((i) => i.contentText.includes('revision 1')).length + cut.count - before;
    expect(written, 'the kill landed between the first and the last write of the run').toBeGreaterThan(0);
    expect(written).toBeLessThan(total);
    expect(cut.lease?.owner).toMatch(new RegExp(`^node:[^:]+:${a.proc.child.pid}:`));

    // b's next run is not refused by the dead lease: it takes it over and does the whole work.
    const run = (await (await ingestVia(b.url)).json()) as { status: string; pagesRead: number };
    expect(run, b.proc.output()).toMatchObject({ status: 'ok', pagesRead: total });
    expect(b.proc.output()).toMatch(/took over the lease of a stopped ingestion/);
    const last = await checkPostgresStore(database);
    expect(last.count).toBe(total);
    expect(last.lease).toBeNull();
    for (const [id, item] of first.items) {
      expect(last.items.get(id)?.firstSeen, item.title).toBe(item.firstSeen);
      expect(last.items.get(id)?.contentText).toContain('revision 1');
    }
    await terminate(b.proc);
  }, 120_000);

  it('stops start-up with one line when the password is wrong', async () => {
    const bad = server().url('postgres').replace(/:[^:@/]+@/, ':not-the-password@');
    const proc = startNode('serve', { DATABASE_URL: bad, FEEDS_DIR: writePages(join(dir, 'password'), 1) });
    const { code } = await proc.exited;
    expect(code).toBe(1);
    const lines = proc.output().trim().split('\n');
    expect(lines, proc.output()).toHaveLength(1);
    expect(lines[0]).toMatch(/^caravan: store: cannot connect to PostgreSQL at 127\.0\.0\.1:\d+\/postgres as caravan: password authentication failed/);
    expect(proc.output()).not.toMatch(/not-the-password|\n\s+at /);
  });

  it('/healthz says down while the database is away and ok once it is back, without a restart', async () => {
    const database = await server().createDatabase();
    const a = await serve({ DATABASE_URL: database, FEEDS_DIR: writePages(join(dir, 'health'), 3) });
    expect((await (await ingestVia(a.url)).json()) as object).toMatchObject({ status: 'ok' });
    const health = async () => {
      const res = await fetch(`${a.url}/healthz`);
      return { code: res.status, status: ((await res.json()) as { status: string }).status };
    };
    expect(await health()).toEqual({ code: 200, status: 'ok' });
    await server().stop();
    expect(await health()).toEqual({ code: 503, status: 'down' });
    expect((await fetch(`${a.url}/topics/aviation.atom?limit=3`)).status).toBe(500); // logged; never a crash
    await server().start();
    await expect.poll(health, { timeout: 10_000 }).toEqual({ code: 200, status: 'ok' });
    expect((await fetch(`${a.url}/topics/aviation.atom`)).status).toBe(200);
    await terminate(a.proc);
  }, 60_000);
});
