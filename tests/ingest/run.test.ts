import { describe, expect, it } from 'vitest';
import { memoryPages } from '../../src/ingest/pageReader.js';
import { runIngestion, type IngestDeps } from '../../src/ingest/run.js';
import { memoryLog } from '../../src/log.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { ItemStore } from '../../src/store/store.js';
import { realConfigData, seedPages } from '../helpers/configData.js';

const data = realConfigData();
const noFetch = (async () => {
  throw new Error('no network in this test');
}) as typeof fetch;

function deps(store: ItemStore, pages: Record<string, string>, at: string, fetchImpl = noFetch, sources = data.sources): IngestDeps {
  return { store, taxonomy: data.taxonomy, sources, pages: memoryPages(pages), fetch: fetchImpl, now: () => new Date(at), log: memoryLog(), userAgent: 'test' };
}

async function allItems(store: ItemStore) {
  return (await store.queryItems({ limit: 100 })).items;
}

describe('runIngestion over the seed pages', () => {
  it('stores one item per article, then finds nothing new on the next run and keeps firstSeen', async () => {
    const store = await openSqliteStore(':memory:');
    const first = await runIngestion(deps(store, seedPages(), '2025-03-01T00:00:00Z'));
    expect(first).toMatchObject({ status: 'ok', pagesRead: 5, updated: 0, unchanged: 0 });
    const items = await allItems(store);
    expect(first!.inserted).toBe(items.length);
    expect(items.length).toBe(20);
    expect(new Set(items.map((i) => i.title)).size).toBe(items.length);

    const second = await runIngestion(deps(store, seedPages(), '2025-03-02T00:00:00Z'));
    expect(second).toMatchObject({ status: 'ok', inserted: 0, updated: 0, unchanged: 20 });
    expect((await allItems(store)).every((i) => i.firstSeen === '2025-03-01T00:00:00.000Z')).toBe(true);
  });

  it('files the Kazakhstan articles under kazakhstan and central-asia and not the unrelated ones', async () => {
    const store = await openSqliteStore(':memory:');
    await runIngestion(deps(store, seedPages(), '2025-03-01T00:00:00Z'));
    const kz = (await store.queryItems({ limit: 100, regions: ['kazakhstan'] })).items.map((i) => i.title);
    const ca = (await store.queryItems({ limit: 100, regions: ['central-asia'] })).items.map((i) => i.title);
    expect(kz).toContain("Why Was a Kazakh Military Attache's Assistant Detained in Poland?");
    expect(kz).toContain("'Russia cannot be defeated,' Kazakh President Tokayev says");
    expect(kz).not.toContain("China slams Japan lawmakers' Yasukuni visits");
    expect(kz).not.toContain('Israeli-fueled fantasy to bring back Shah has absolutely no juice');
    expect(kz.every((t) => ca.includes(t))).toBe(true);
    const aviation = (await store.queryItems({ limit: 100, topics: ['aviation'], regions: ['kazakhstan'] })).items;
    expect(aviation.map((i) => i.title)).toContain('Kazakhstan’s High-Stakes Balancing Act in the Aktau Crash Investigation');
  });

  it('collapses the same article on two pages into one item with both origins', async () => {
    const store = await openSqliteStore(':memory:');
    const pages = seedPages();
    const [ref, text] = Object.entries(pages).find(([, t]) => t.includes('Ukrainian drone attack on Russian airbases'))!;
    await runIngestion(deps(store, { ...pages, 'mirror/copy.txt': `Follow us on social\n\n${text}` }, '2025-03-01T00:00:00Z'));
    const matches = (await allItems(store)).filter((i) => i.title.startsWith('Ukrainian drone attack on Russian airbases'));
    expect(matches).toHaveLength(1);
    expect(matches[0].origins.map((o) => o.ref).sort()).toEqual(['mirror/copy.txt', ref].sort());
  });

  it('reports a page with no article as empty, visibly, without failing the run', async () => {
    const store = await openSqliteStore(':memory:');
    const run = await runIngestion(deps(store, { 'chrome.txt': 'Skip to content\nSubscribe\n* indicates required\n' }, '2025-03-01T00:00:00Z'));
    expect(run!.status).toBe('ok');
    expect(run!.sources[0]).toMatchObject({ source: 'page:chrome.txt', status: 'empty', items: 0 });
    expect(run!.sources[0].error).toMatch(/no article found/);
  });

  it('merges an upstream entry with the same story from a local page, recording both origins', async () => {
    const store = await openSqliteStore(':memory:');
    const pages = seedPages();
    const title = 'Ukrainian drone attack on Russian airbases sparks questions over Kazakhstan\'s possible involvement';
    const body = Object.values(pages).find((t) => t.includes(title))!.split('\n').slice(1, 4).join(' ');
    const feedUrl = 'https://news.example/feed.xml';
    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>News</title><link>https://news.example/</link>
      <item><title>${title.replace(/'/g, '&apos;')}</title><link>https://news.example/drones?utm_source=x</link>
      <description>${body.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</description><pubDate>Tue, 03 Jun 2025 10:00:00 GMT</pubDate></item>
      </channel></rss>`;
    const sources = { ...data.sources, upstream: [{ url: feedUrl, name: 'News', topics: ['security'], regions: [], intervalMinutes: 15, allowPrivate: false }] };
    const fetchImpl = (async () => new Response(rss, { headers: { 'content-type': 'application/rss+xml' } })) as typeof fetch;
    await runIngestion(deps(store, pages, '2025-06-04T00:00:00Z', fetchImpl, sources));
    const matches = (await allItems(store)).filter((i) => i.title === title);
    expect(matches).toHaveLength(1);
    expect(matches[0].origins.map((o) => o.kind).sort()).toEqual(['page', 'upstream']);
    expect(matches[0].url).toBe('https://news.example/drones');
    expect(matches[0].published).toBe('2025-06-03T10:00:00.000Z');
    expect(matches[0].topics).toContain('security');
  });
});
