import { describe, expect, it } from 'vitest';
import { memoryPages } from '../../src/ingest/pageReader.js';
import { runIngestion } from '../../src/ingest/run.js';
import { changedFeedUrls } from '../../src/ingest/websub.js';
import { memoryLog } from '../../src/log.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { makeItem } from '../helpers/makeItem.js';
import { realConfigData, seedPages } from '../helpers/configData.js';

describe('WebSub', () => {
  it('names every feed a changed item appears in, in every format', () => {
    const item = makeItem({ id: 'a', title: 'Aktau crash', topics: ['aviation'], regions: ['central-asia', 'kazakhstan'] });
    const curated = [
      { slug: 'crash', title: 'Crash', description: '', topics: ['aviation'], regions: [], q: 'aktau' },
      { slug: 'other', title: 'Other', description: '', topics: ['energy'], regions: [], q: null },
    ];
    const urls = changedFeedUrls([item], curated, 'https://feeds.example');
    expect(urls).toContain('https://feeds.example/feed.atom');
    expect(urls).toContain('https://feeds.example/topics/aviation.rss');
    expect(urls).toContain('https://feeds.example/regions/central-asia.json');
    expect(urls).toContain('https://feeds.example/regions/kazakhstan/topics/aviation.atom');
    expect(urls).toContain('https://feeds.example/feeds/crash.atom');
    expect(urls.some((u) => u.includes('/feeds/other'))).toBe(false);
    expect(urls).toHaveLength(3 * 7);
  });

  it('pings the hub after a run that changed items, and not after one that changed nothing', async () => {
    const data = realConfigData();
    const store = await openSqliteStore(':memory:');
    const pings: URLSearchParams[] = [];
    const fetchImpl = (async (url: string, init?: RequestInit) => {
      expect(url).toBe('https://hub.example/');
      pings.push(new URLSearchParams(String(init?.body)));
      return new Response(null, { status: 204 });
    }) as unknown as typeof fetch;
    const run = () => runIngestion({
      store, taxonomy: data.taxonomy, sources: data.sources, pages: memoryPages(seedPages()), fetch: fetchImpl,
      now: () => new Date('2025-03-01T00:00:00Z'), log: memoryLog(), userAgent: 'test',
      websub: { hub: 'https://hub.example/', baseUrl: 'https://feeds.example', curated: data.curated },
    });
    await run();
    const announced = pings.flatMap((p) => p.getAll('hub.url'));
    expect(pings.every((p) => p.get('hub.mode') === 'publish')).toBe(true);
    expect(announced).toContain('https://feeds.example/regions/kazakhstan.atom');
    expect(announced).toContain('https://feeds.example/topics/aviation.rss');
    pings.length = 0;
    await run();
    expect(pings).toHaveLength(0);
  });
});
