/**
 * The Workers door inside workerd: the scheduled handler ingests the bundled pages into D1, and
 * `fetch` serves the same routes as the Node door, with the Cache API in front of feed renders.
 * Tests in this file share one D1 database (storage is isolated per file) and run in order.
 */
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { pages } from '../../build/worker-data/pages.js';
import { migrations } from '../../build/worker-data/migrations.js';
import { openD1Store } from '../../src/store/d1.js';
import worker from '../../src/worker.js';
import { makeItem } from '../helpers/makeItem.js';
import type { CatalogEntry } from '../helpers/catalogEntry.js';

const base = 'https://caravan.example';
const get = (path: string, init?: RequestInit) => exports.default.fetch(`${base}${path}`, init);

async function runScheduled() {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: '*/15 * * * *' }), env, ctx);
  await waitOnExecutionContext(ctx);
}

async function health() {
  return (await (await get('/healthz')).json()) as {
    store: { version: number };
    lastRun: { status: string; pagesRead: number; inserted: number; updated: number; unchanged: number } | null;
  };
}

describe('Caravan on Workers (workerd, D1)', () => {
  beforeAll(async () => {
    await runScheduled();
  });

  it('a scheduled event ingests every bundled page', async () => {
    const pageCount = Object.keys(pages).length;
    expect(pageCount).toBeGreaterThan(0);
    const { lastRun } = await health();
    expect(lastRun).toMatchObject({ status: 'ok', pagesRead: pageCount });
    expect(lastRun!.inserted).toBeGreaterThan(0);
  });

  it('a second scheduled run over unchanged pages writes nothing', async () => {
    const before = (await health()).store.version;
    await runScheduled();
    const { lastRun, store } = await health();
    expect(lastRun).toMatchObject({ status: 'ok', inserted: 0, updated: 0 });
    expect(lastRun!.unchanged).toBeGreaterThan(0);
    expect(store.version).toBe(before);
  });

  it('serves the catalog with counts', async () => {
    const response = await get('/feeds');
    expect(response.status).toBe(200);
    const catalog = (await response.json()) as { feeds: CatalogEntry[] };
    expect(catalog.feeds.length).toBeGreaterThan(20);
    expect(catalog.feeds.find((f) => f.kind === 'all')?.items).toBeGreaterThan(0);
    expect(catalog.feeds[0].urls.atom.startsWith(base)).toBe(true);
  });

  it('serves a topic feed and a region feed', async () => {
    const catalog = (await (await get('/feeds')).json()) as { feeds: CatalogEntry[] };
    const topic = catalog.feeds.find((f) => f.kind === 'topic' && (f.items ?? 0) > 0)!;
    expect(topic).toBeDefined();
    const rss = await get(`/topics/${topic.slug}.rss`);
    expect(rss.status).toBe(200);
    expect(rss.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    expect(await rss.text()).toContain(`<title>${topic.title}</title>`);

    const atom = await get('/regions/kazakhstan.atom?limit=100');
    expect(atom.status).toBe(200);
    expect(atom.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const body = await atom.text();
    expect(body).toContain('Kazakh Military Attache');
    expect(body).toContain(`${base}/regions/kazakhstan.atom?limit=100`);

    const json = await get('/regions/kz.json');
    expect(json.status).toBe(200);
    expect(((await json.json()) as { version: string }).version).toBe('https://jsonfeed.org/version/1.1');
  });

  it('answers a conditional GET with 304, from the cache as from the app', async () => {
    const first = await get('/feed.atom');
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    await first.text();
    // Served from the Workers cache now: the same validators, and the same 304.
    const second = await get('/feed.atom');
    expect(second.headers.get('etag')).toBe(etag);
    expect(await second.text()).toBeTruthy();
    const notModified = await get('/feed.atom', { headers: { 'If-None-Match': etag } });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('etag')).toBe(etag);
    expect(await notModified.text()).toBe('');
    const since = await get('/feed.atom', { headers: { 'If-Modified-Since': lastModified } });
    expect(since.status).toBe(304);
    const changed = await get('/feed.atom', { headers: { 'If-None-Match': '"something-else"' } });
    expect(changed.status).toBe(200);
    // A feed not cached yet (HEAD bypasses the cache): the app's own 304, with the same validator.
    const head = await get('/feed.json?limit=7', { method: 'HEAD' });
    const miss = await get('/feed.json?limit=7', { headers: { 'If-None-Match': head.headers.get('etag')! } });
    expect(miss.status).toBe(304);
  });

  it('keeps feed renders in the Workers cache under the store version, and serves them from there', async () => {
    const version = (await health()).store.version;
    const path = '/regions/kazakhstan.rss?limit=5';
    const key = `${base}${path}&caravan-v=${version}&caravan-f=rss`;
    const cache = await caches.open('caravan-feeds');
    expect(await cache.match(key)).toBeUndefined();
    const first = await get(path);
    const body = await first.text();
    let cached: Response | undefined;
    for (let i = 0; i < 50 && !cached; i++) {
      cached = await cache.match(key);
      if (!cached) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(cached?.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(await cached!.text()).toBe(body);
    // What the cache holds is what is served: replace it and the Worker answers with it.
    await cache.put(key, new Response('from the cache', { headers: { ETag: '"x"', 'Last-Modified': first.headers.get('last-modified')! } }));
    expect(await (await get(path)).text()).toBe('from the cache');
    await cache.delete(key);
  });

  it('negotiates the format of an extensionless feed URL per Accept, cached apart', async () => {
    const rss = await get('/feed', { headers: { Accept: 'application/rss+xml' } });
    const json = await get('/feed', { headers: { Accept: 'application/feed+json' } });
    expect(rss.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    expect(json.headers.get('content-type')).toBe('application/feed+json; charset=utf-8');
    const rssAgain = await get('/feed', { headers: { Accept: 'application/rss+xml' } });
    expect(rssAgain.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    expect(rssAgain.headers.get('etag')).toBe(rss.headers.get('etag'));
  });

  it('ignores client-sent X-Forwarded-Host (a Worker is the edge; renders are cached for all)', async () => {
    const response = await get('/topics/aviation.atom?x=1', { headers: { 'X-Forwarded-Host': 'evil.example' } });
    const body = await response.text();
    expect(body).not.toContain('evil.example');
    expect(body).toContain(`${base}/topics/aviation.atom?x=1`);
  });

  it('serves a changed feed once the store changes (cache keyed by store version, read at most once a second)', async () => {
    // Another store instance writes here, as the scheduled run of another isolate would: the
    // serving store trusts the version it read for up to a second.
    const settle = () => new Promise((resolve) => setTimeout(resolve, 1100));
    const titles = async () =>
      ((await (await get('/feed.json?limit=100')).json()) as { items: { title: string }[] }).items.map((i) => i.title);
    const before = await titles();
    const store = await openD1Store(env.DB, migrations);
    await store.upsertItems([
      { item: makeItem({ id: 'fresh-item', title: 'A fresh item', published: '2099-01-01T00:00:00Z' }), titleKey: 'a fresh item' },
    ]);
    await settle();
    const after = await titles();
    expect(before).not.toContain('A fresh item');
    expect(after[0]).toBe('A fresh item');
    await store.deleteItems(['fresh-item']);
    await settle();
    expect(await titles()).toEqual(before);
  });

  it('answers unknown feeds and endpoints with 404 JSON', async () => {
    const region = await get('/regions/atlantis.atom');
    expect(region.status).toBe(404);
    expect(((await region.json()) as { error: string }).error).toMatch(/unknown region "atlantis"/);
    const endpoint = await get('/no/such/thing');
    expect(endpoint.status).toBe(404);
    expect(((await endpoint.json()) as { see: string }).see).toBe('/');
  });

  it('answers HEAD without a body', async () => {
    const response = await get('/feed.rss', { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toMatch(/^"/);
    expect(await response.text()).toBe('');
  });
});
