/**
 * /metrics on the compiled server: Prometheus text that `promtool check metrics` accepts, every
 * metric of the README, counts that follow what happened, and access (loopback, or a token).
 * With RETENTION_DAYS, old items leave after a run unless their page is still there, and
 * DELETE /admin/items/{id} removes one; both are counted.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/startServer.js';
import { writePages } from '../reliability/helpers/pages.js';

const token = 'metrics-test-token-0123456789';
const admin = 'admin-test-token-0123456789';
const hasPromtool = spawnSync('promtool', ['--version']).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'caravan-metrics-'));

/** One sample's value from the exposition text, or undefined. */
function sample(text: string, name: string, labels = ''): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels ? `{${labels}}` : ''} `));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('/metrics, retention and item removal', () => {
  let server: RunningServer;
  const feeds = writePages(join(dir, 'feeds'), 10);
  const metrics = async () => (await fetch(`${server.url}/metrics`)).text();
  const adminPost = (path: string, method = 'POST') => fetch(`${server.url}${path}`, { method, headers: { Authorization: `Bearer ${admin}` } });

  beforeAll(async () => {
    // About 1.7 s: items first seen before that count as old.
    server = await startServer({ FEEDS_DIR: feeds, METRICS_TOKEN: token, ADMIN_TOKEN: admin, RETENTION_DAYS: '0.00002', INGEST_CRON: '0 0 1 1 *' });
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves every metric the README lists, and promtool accepts the text', async () => {
    await fetch(`${server.url}/feed.atom`);
    await fetch(`${server.url}/feed.atom`);
    await fetch(`${server.url}/no-such-page`);
    const response = await fetch(`${server.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    for (const name of [
      'caravan_http_requests_total', 'caravan_http_request_duration_seconds', 'caravan_render_cache_hits_total',
      'caravan_render_cache_misses_total', 'caravan_ingest_runs_total', 'caravan_ingest_run_duration_seconds',
      'caravan_ingest_items_total', 'caravan_items_removed_total', 'caravan_source_consecutive_failures',
      'caravan_source_last_success_timestamp_seconds', 'caravan_store_items', 'caravan_store_size_bytes',
    ]) expect(text).toContain(`# TYPE ${name} `);
    expect(sample(text, 'caravan_http_requests_total', 'family="feed",status="200"')).toBe(2);
    expect(sample(text, 'caravan_http_requests_total', 'family="other",status="404"')).toBe(1);
    expect(sample(text, 'caravan_http_request_duration_seconds_count', 'family="feed"')).toBe(2);
    expect(sample(text, 'caravan_render_cache_misses_total')).toBe(1);
    expect(sample(text, 'caravan_render_cache_hits_total')).toBe(1);
    expect(sample(text, 'caravan_ingest_runs_total', 'outcome="ok"')).toBe(1);
    expect(sample(text, 'caravan_ingest_items_total', 'outcome="inserted"')).toBe(10);
    expect(sample(text, 'caravan_store_items')).toBe(10);
    expect(sample(text, 'caravan_store_size_bytes')).toBeGreaterThan(0);
    expect(sample(text, 'caravan_source_consecutive_failures', 'source="page:gen/0003.txt",kind="page"')).toBe(0);
    expect(sample(text, 'caravan_source_last_success_timestamp_seconds', 'source="page:gen/0003.txt",kind="page"')).toBeGreaterThan(Date.now() / 1000 - 600);

    if (!hasPromtool) {
      console.warn('promtool not installed (Debian package prometheus): the exposition format check is skipped');
      return;
    }
    const check = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
    expect(`${check.stdout}${check.stderr}`).toBe('');
    expect(check.status).toBe(0);
  });

  it('answers a proxied or remote client only with METRICS_TOKEN or ADMIN_TOKEN', async () => {
    const asProxied = (authorization?: string) =>
      fetch(`${server.url}/metrics`, { headers: { 'X-Forwarded-For': '203.0.113.9', ...(authorization ? { Authorization: authorization } : {}) } });
    const none = await asProxied();
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await asProxied('Bearer wrong-token-0123456789')).status).toBe(403);
    expect((await asProxied(`Bearer ${token}`)).status).toBe(200);
    expect((await asProxied(`Bearer ${admin}`)).status).toBe(200);
  });

  it('removes old items after a run, except those of pages still in FEEDS_DIR, and counts them', async () => {
    await new Promise((r) => setTimeout(r, 2000));
    for (const n of [1, 2, 3, 4]) unlinkSync(join(feeds, 'gen', `000${n}.txt`));
    const run = await adminPost('/admin/ingest');
    expect(run.status).toBe(200);
    const items = (await (await fetch(`${server.url}/items?limit=100`)).json()) as { items: { id: string; title: string }[] };
    expect(items.items.map((i) => i.title.split(':')[0]).sort()).toEqual(['Report 0', 'Report 5', 'Report 6', 'Report 7', 'Report 8', 'Report 9']);
    expect(server.output()).toMatch(/INFO retention: removed old items items=4 olderThan=\S+ keptPages=6/);
    const text = await metrics();
    expect(sample(text, 'caravan_items_removed_total', 'reason="retention"')).toBe(4);
    expect(sample(text, 'caravan_store_items')).toBe(6);
  });

  it('DELETE /admin/items/{id} removes one item from feeds, search and the API', async () => {
    const { items } = (await (await fetch(`${server.url}/items?q=Ashgabat`)).json()) as { items: { id: string }[] };
    expect(items).toHaveLength(1);
    const id = items[0].id;
    expect((await fetch(`${server.url}/items/${id}`, { method: 'DELETE' })).status).toBe(404); // the admin routes need the token
    const removed = await adminPost(`/admin/items/${encodeURIComponent(id)}`, 'DELETE');
    expect(removed.status).toBe(200);
    expect(await removed.json()).toEqual({ removed: id });
    expect((await adminPost(`/admin/items/${encodeURIComponent(id)}`, 'DELETE')).status).toBe(404);
    expect((await adminPost(`/admin/items/${encodeURIComponent(id)}`, 'GET')).status).toBe(405);
    expect((await fetch(`${server.url}/items/${encodeURIComponent(id)}`)).status).toBe(404);
    expect(((await (await fetch(`${server.url}/items?q=Ashgabat`)).json()) as { items: unknown[] }).items).toEqual([]);
    expect(await (await fetch(`${server.url}/feed.json?limit=100`)).text()).not.toContain(id);
    expect(server.output()).toContain(`admin: item removed id=${id}`);
    expect(sample(await metrics(), 'caravan_items_removed_total', 'reason="admin"')).toBe(1);
  });
});
