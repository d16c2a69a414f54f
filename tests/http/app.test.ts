import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import type { ItemStore } from '../../src/store/store.js';
import { realConfigData } from '../helpers/configData.js';
import { seededApp } from '../helpers/seededApp.js';

const data = realConfigData();
let store: ItemStore;
let app: ReturnType<typeof createApp>;
const get = (path: string, headers: Record<string, string> = {}) => app.request(`http://caravan.test${path}`, { headers });

beforeAll(async () => {
  ({ store, app } = await seededApp());
});

describe('HTTP', () => {
  it('lists every topic, region and curated feed with counts and URLs', async () => {
    const body = await (await get('/feeds')).json();
    const kz = body.feeds.find((f: { slug: string }) => f.slug === 'kazakhstan');
    expect(kz.kind).toBe('region');
    expect(kz.items).toBeGreaterThan(5);
    expect(kz.urls).toEqual({
      rss: 'http://caravan.test/regions/kazakhstan.rss', atom: 'http://caravan.test/regions/kazakhstan.atom',
      json: 'http://caravan.test/regions/kazakhstan.json',
    });
    expect(body.feeds.filter((f: { kind: string }) => f.kind === 'curated').length).toBe(data.curated.length);
  });

  it('serves a region by ISO code, a group with its members, and topic x region', async () => {
    const byCode = await (await get('/regions/kz.json?limit=100')).json();
    const byName = await (await get('/regions/kazakhstan.json?limit=100')).json();
    expect(byCode.items.map((i: { id: string }) => i.id)).toEqual(byName.items.map((i: { id: string }) => i.id));
    const group = await (await get('/regions/central-asia.json?limit=100')).json();
    // Entry ids are per feed; the article's link is the same in every feed.
    const groupLinks = new Set(group.items.map((i: { url: string }) => i.url));
    expect(byName.items.every((i: { url: string }) => groupLinks.has(i.url))).toBe(true);
    const both = await (await get('/regions/kazakhstan/topics/aviation.json')).json();
    expect(both.items.length).toBeGreaterThan(0);
    expect(both.items.every((i: { tags: string[] }) => i.tags.includes('aviation') && i.tags.includes('kazakhstan'))).toBe(true);
  });

  it('filters with limit, since and q, newest first with undated items last', async () => {
    const limited = await (await get('/feed.json?limit=3')).json();
    expect(limited.items).toHaveLength(3);
    const all = await (await get('/feed.json?limit=100')).json();
    const dates = all.items.map((i: { date_published?: string }) => i.date_published ?? null);
    const firstUndated = dates.indexOf(null);
    expect(dates.slice(firstUndated).every((d: string | null) => d === null)).toBe(true);
    expect([...dates.slice(0, firstUndated)].sort().reverse()).toEqual(dates.slice(0, firstUndated));
    const since = await (await get('/feed.json?limit=100&since=2025-01-01')).json();
    expect(since.items.every((i: { date_published?: string }) => !i.date_published || i.date_published >= '2025-01-01')).toBe(true);
    const search = await (await get('/feed.json?q=Aktau')).json();
    expect(search.items.length).toBeGreaterThan(0);
    expect(search.items.every((i: { title: string; content_text: string }) => /aktau/i.test(i.title + i.content_text))).toBe(true);
  });

  it('answers errors as JSON: unknown topic or region 404 listing what exists, bad parameters 400', async () => {
    const topic = await get('/topics/knitting.atom');
    expect(topic.status).toBe(404);
    const body = await topic.json();
    expect(body.error).toMatch(/unknown topic "knitting"/);
    expect(body.topics).toContain('aviation');
    const region = await (await get('/regions/atlantis.rss')).json();
    expect(region.regions).toContain('kazakhstan');
    for (const path of ['/feed.atom?limit=0', '/feed.atom?limit=1e309', '/feed.atom?since=0000-00-00', '/topics/aviation.xml', '/feed.atom?q=%22']) {
      const response = await get(path);
      expect(response.status, path).toBe(400);
      expect((await response.json()).error, path).toBeTruthy();
    }
    expect((await get('/nowhere')).status).toBe(404);
  });

  it('pages /items with a cursor and serves /items/{id}', async () => {
    const seen: string[] = [];
    let next: string | null = '/items?limit=6';
    while (next) {
      const body: { items: { id: string }[]; next: string | null } = await (await get(next.replace('http://caravan.test', ''))).json();
      seen.push(...body.items.map((i) => i.id));
      next = body.next;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(20);
    const one = await (await get(`/items/${seen[0]}`)).json();
    expect(one.id).toBe(seen[0]);
    expect((await get('/items/ffff')).status).toBe(404);
    expect((await get('/items?region=kz&topic=aviation')).status).toBe(200);
    expect((await get('/items?cursor=bogus')).status).toBe(400);
  });

  it('revalidates: ETag and Last-Modified, 304 on either, HEAD without a body', async () => {
    const first = await get('/topics/aviation.atom');
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    expect(first.headers.get('cache-control')).toMatch(/max-age=300/);
    expect((await get('/topics/aviation.atom', { 'If-None-Match': etag })).status).toBe(304);
    expect((await get('/topics/aviation.atom', { 'If-Modified-Since': lastModified })).status).toBe(304);
    const head = await app.request('http://caravan.test/topics/aviation.atom', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('reports health with the last run and every source', async () => {
    const health = await (await get('/healthz')).json();
    expect(health.status).toBe('ok');
    expect(health.lastRun.pagesRead).toBe(5);
    expect(health.sources).toHaveLength(5);
  });
});
