/**
 * Issue "Upstream sources", done when: two hundred upstream feeds on a loopback server, a tenth of
 * them broken, are ingested in one run without a crash; every good item is in the feeds; every
 * broken source says why in /healthz; no rendered feed carries anything executable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { runIngestion } from '../../src/ingest/run.js';
import { memoryLog } from '../../src/log.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { startFixtureServer, type FixtureServer } from '../fixtures/upstream/server.js';
import { realConfigData } from '../helpers/configData.js';
import { loopbackFetch, source } from './upstream/helpers.js';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server.close();
});

describe('a run of 200 upstream feeds, a tenth broken', () => {
  it('stores every good item, serves it, and reports every broken source in /healthz', async () => {
    const data = realConfigData();
    const broken = ['status/500', 'malformed.xml', 'html', 'hang', 'status/404', 'hostile.xml'];
    const upstream = Array.from({ length: 200 }, (_, i) => {
      const host = `s${i % 23}.test:${server.port}`;
      return i % 10 === 9 ? source(`http://${host}/${broken[((i - 9) / 10) % broken.length]}?n=${i}`) : source(`http://${host}/gen/${i}`);
    });
    const store = await openSqliteStore(':memory:');
    const log = memoryLog();
    const run = await runIngestion({
      store, taxonomy: data.taxonomy, sources: { ...data.sources, pages: { enabled: false }, upstream }, pages: null,
      fetch: loopbackFetch(server.port), now: () => new Date('2024-06-01T12:00:00Z'), log, userAgent: 'Caravan-test',
      limits: { timeoutMs: 1500, maxBytes: 256 * 1024 },
    });
    expect(run!.status).toBe('partial');
    const failed = run!.sources.filter((s) => s.status === 'failed').map((s) => s.source).sort();
    const expectedFailed = upstream.filter((_, i) => i % 10 === 9 && !upstream[i].url.includes('/hostile')).map((s) => s.url).sort();
    expect(failed).toEqual(expectedFailed);
    expect(run!.inserted).toBe(900 + run!.sources.filter((s) => s.source.includes('/hostile')).reduce((n, s) => n + s.inserted, 0));

    const app = createApp({
      store, taxonomy: data.taxonomy, curated: data.curated, log, now: () => new Date(),
      config: { baseUrl: null, cacheMaxAge: 60, websubHub: null, adminToken: null },
    });
    const titles = new Set<string>();
    let next: string | null = 'http://caravan.test/items?limit=100';
    while (next) {
      const page: { items: { title: string }[]; next: string | null } = await (await app.request(next)).json();
      page.items.forEach((i) => titles.add(i.title));
      next = page.next;
    }
    for (const i of [0, 57, 198]) for (const n of [0, 4]) expect(titles).toContain(`Feed ${i} item ${n}`);

    const health = await (await app.request('http://caravan.test/healthz')).json();
    expect(health.status).toBe('degraded');
    const errors = new Map(health.sources.map((s: { id: string; lastError: string | null }) => [s.id, s.lastError]));
    for (const url of expectedFailed) expect(errors.get(url)).toMatch(/^(fetch|parse|decode): /);
    expect(health.sources.find((s: { id: string }) => s.id === expectedFailed[0]).nextAttempt > '2024-06-01T12:15').toBe(true);

    // Plain-text titles may legitimately read "<script>" (escaped in XML, a string in JSON); the
    // HTML that readers render must carry nothing executable.
    const executable = /<script|<iframe|<object|<embed|<style|\son\w+\s*=|javascript:|data:text/i;
    const html = (await (await app.request('http://caravan.test/feed.json?limit=100')).json()).items.map((i: { content_html: string }) => i.content_html);
    expect(html.length).toBe(100);
    for (const fragment of html) expect(fragment).not.toMatch(executable);
    for (const format of ['atom', 'rss']) {
      const body = await (await app.request(`http://caravan.test/feed.${format}?limit=100`)).text();
      expect(body).not.toMatch(executable);
    }
  });
});
