/**
 * Two ingestions never run at once, and serving goes on during one. The upstream "gate" holds a
 * run inside its lease for as long as a test needs, so every overlap here is certain, not timed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkStore } from './helpers/checkStore.js';
import { configWithUpstream, startGate } from './helpers/gate.js';
import { writePages } from './helpers/pages.js';
import { killAll, listening, startNode, terminate } from './helpers/proc.js';

let dir: string;
const cleanup: (() => unknown)[] = [];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'caravan-concurrency-'));
});
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
  await killAll();
  rmSync(dir, { recursive: true, force: true });
});

describe('two processes on one DB file', () => {
  it('the second skips, says so and names the holder; the first completes', async () => {
    const gate = await startGate();
    cleanup.push(() => gate.close());
    const config = configWithUpstream([gate.url]);
    cleanup.push(() => rmSync(config, { recursive: true, force: true }));
    const env = { FEEDS_DIR: writePages(join(dir, 'two'), 20), DB_PATH: join(dir, 'two.db'), CONFIG_DIR: config };

    const first = startNode('ingest', env);
    await first.waitFor(/ingest: started/);
    await gate.reached; // the first run now holds the lease, waiting on its upstream
    const second = startNode('ingest', env);
    const secondExit = await second.exited;
    expect(secondExit.code, second.output()).toBe(0);
    expect(second.output()).toMatch(/WARN ingest: skipped, another ingestion is running/);
    expect(second.output()).toMatch(new RegExp(`ingest: lease held owner=node:[^:]+:${first.child.pid}:`));
    expect(second.output()).toMatch(/Skipped: another ingestion is running/);
    expect(second.output()).not.toMatch(/ingest: started/);

    gate.open();
    expect((await first.exited).code, first.output()).toBe(0);
    expect(first.output()).toMatch(/ingest: finished status=ok pages=20 new=21/);
    const store = checkStore(env.DB_PATH);
    expect(store.count).toBe(21);
    expect(store.lease).toBeNull();
  }, 30_000);
});

describe('one server: cron ticks and admin requests during a run', () => {
  it('skips the cron tick, answers 409 to a second admin request, and keeps serving', async () => {
    const gate = await startGate();
    cleanup.push(() => gate.close());
    const config = configWithUpstream([gate.url]);
    cleanup.push(() => rmSync(config, { recursive: true, force: true }));
    const server = startNode('serve', {
      FEEDS_DIR: writePages(join(dir, 'cron'), 30), DB_PATH: join(dir, 'cron.db'), CONFIG_DIR: config,
      INGEST_ON_START: 'false', INGEST_CRON: '* * * * * *', ADMIN_TOKEN: 'test-token-0123456789',
    });
    cleanup.push(() => terminate(server));
    const url = await listening(server);
    const auth = { Authorization: 'Bearer test-token-0123456789' };

    // A run that holds the lease until the gate opens, started by the cron or by this request.
    const manual = fetch(`${url}/admin/ingest`, { method: 'POST', headers: auth });
    await gate.reached;
    await server.waitFor(/skipped, an ingestion is already running in this process/, 5_000);
    const second = await fetch(`${url}/admin/ingest`, { method: 'POST', headers: auth });
    // Whoever started the run held at the gate (this request or a cron tick), a second request now is refused.
    expect(second.status).toBe(409);
    expect(second.headers.get('retry-after')).toBe('30');
    expect((await second.json()).error).toMatch(/an ingestion is already running; this request did not start another/);
    // Serving goes on while the run waits.
    const feed = await fetch(`${url}/feed.json?limit=5`);
    expect(feed.status).toBe(200);
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);

    gate.open();
    const response = await manual;
    const body = await response.json();
    // The request either ran the ingestion (200 with its summary) or met the cron's run (409).
    expect([200, 409]).toContain(response.status);
    if (response.status === 200) expect(body).toMatchObject({ status: 'ok', inserted: expect.any(Number) });
    else expect(body.error).toMatch(/already running/);
    expect(server.output()).not.toMatch(/ERROR/);
    // Never two runs at once: every "started" is followed by its "finished" before the next "started".
    const events = server.output().match(/ingest: (started|finished|interrupted|failed)/g) ?? [];
    for (let i = 0; i < events.length; i++) expect(events[i] === 'ingest: started', events.join(', ')).toBe(i % 2 === 0);
    expect(events.filter((e) => e === 'ingest: started').length).toBeGreaterThan(0);
    expect(await terminate(server)).toEqual({ code: 0, signal: null });
  }, 30_000);
});

describe('serving during an ingestion run', () => {
  it('never shows a half-written feed: every poll is whole, consistent and no older than the last', async () => {
    const feeds = join(dir, 'serve-feeds');
    writePages(feeds, 200, 0);
    const server = startNode('serve', { FEEDS_DIR: feeds, DB_PATH: join(dir, 'serve.db'), ADMIN_TOKEN: 'serve-token-0123456789' });
    cleanup.push(() => terminate(server));
    const url = await listening(server); // the first ingestion ran before listening
    writePages(feeds, 200, 1); // every page updated (longer text) ...
    writePages(feeds, 200, 0, 200); // ... and 200 new ones

    const run = fetch(`${url}/admin/ingest`, { method: 'POST', headers: { Authorization: 'Bearer serve-token-0123456789' } });
    let done = false;
    void run.finally(() => (done = true));
    let polls = 0;
    let lastUpdated = 0;
    let lastTotal = 0;
    let slowest = 0;
    while (!done || polls < 5) {
      const t0 = performance.now();
      const [all, kz, items] = await Promise.all([
        fetch(`${url}/feed.json?limit=100`),
        fetch(`${url}/regions/kazakhstan.json?limit=100`),
        fetch(`${url}/items?q=officials&limit=100`),
      ]);
      slowest = Math.max(slowest, performance.now() - t0);
      expect([all.status, kz.status, items.status]).toEqual([200, 200, 200]);
      const allBody = await all.json();
      const kzBody = await kz.json();
      await items.json();
      for (const item of allBody.items) {
        expect(item.title).toMatch(/^Report \d+: /);
        expect(item.content_text ?? item.content_html).toBeTruthy();
      }
      expect(new Set(allBody.items.map((i: { id: string }) => i.id)).size).toBe(allBody.items.length);
      // A region feed holds only items tagged with it, in every snapshot.
      for (const item of kzBody.items) expect(item.tags).toContain('kazakhstan');
      // The store only moves forward: updated items and the total never go back.
      const health = await (await fetch(`${url}/feeds`)).json();
      const total = health.feeds.find((f: { slug: string }) => f.slug === 'central-asia')?.items ?? 0;
      const updated = allBody.items.filter((i: { content_text?: string }) => i.content_text?.includes('revision 1')).length;
      expect(total).toBeGreaterThanOrEqual(lastTotal);
      lastTotal = total;
      lastUpdated = Math.max(lastUpdated, updated);
      polls++;
    }
    const response = await run;
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', inserted: 200, updated: 200 });
    if (process.env.CONCURRENCY_DEBUG) console.log({ polls, slowest, lastUpdated, lastTotal });
    expect(polls).toBeGreaterThan(5);
    expect(slowest, 'slowest poll during the run (ms)').toBeLessThan(2_000);
    expect(await terminate(server)).toEqual({ code: 0, signal: null });
  }, 40_000);
});
