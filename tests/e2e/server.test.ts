import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/startServer.js';
import type { CatalogEntry } from '../helpers/catalogEntry.js';

describe('npm start, end to end over HTTP', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    expect(await server.stop()).toBe(0);
  });

  it('ingests the seed pages at start-up and logs it', async () => {
    expect(server.output()).toMatch(/ingest: finished status=ok pages=5 new=\d+/);
    const health = await (await fetch(`${server.url}/healthz`)).json();
    expect(health.store.status).toBe('ok');
    expect(health.lastRun.pagesRead).toBe(5);
    expect(health.sources.filter((s: { kind: string }) => s.kind === 'page')).toHaveLength(5);
  });

  it('serves every feed of the catalog in all three formats, parseable by rss-parser', async () => {
    const catalog = (await (await fetch(`${server.url}/feeds`)).json()) as { feeds: CatalogEntry[] };
    expect(catalog.feeds.length).toBeGreaterThan(20);
    const parser = new Parser();
    for (const feed of catalog.feeds) {
      for (const format of ['rss', 'atom'] as const) {
        const response = await fetch(feed.urls[format]);
        expect(response.status, feed.urls[format]).toBe(200);
        const parsed = await parser.parseString(await response.text());
        expect(parsed.title).toBe(feed.title);
        if (feed.items !== null) expect(parsed.items.length).toBe(Math.min(20, feed.items));
      }
      const json = await (await fetch(feed.urls.json)).json();
      expect(json.version).toBe('https://jsonfeed.org/version/1.1');
      if (feed.items !== null) expect(json.items.length).toBe(Math.min(20, feed.items));
    }
  });

  it('serves the Kazakhstan feed with Kazakhstan articles only', async () => {
    const response = await fetch(`${server.url}/regions/kazakhstan.atom?limit=100`);
    expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const feed = await new Parser().parseString(await response.text());
    const titles = feed.items.map((i) => i.title);
    expect(titles).toContain('Why Was a Kazakh Military Attache\'s Assistant Detained in Poland?');
    expect(titles).toContain("Kazakhstan’s High-Stakes Balancing Act in the Aktau Crash Investigation");
    expect(titles).not.toContain("China slams Japan lawmakers' Yasukuni visits");
    expect(titles).not.toContain('Taxing remittances helps make US neighbors poorer, less stable');
  });

  it('answers conditional requests with 304 and imports as OPML', async () => {
    const first = await fetch(`${server.url}/topics/aviation.rss`);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    const again = await fetch(`${server.url}/topics/aviation.rss`, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    const opml = await (await fetch(`${server.url}/feeds.opml`)).text();
    expect(opml).toContain(`xmlUrl="${server.url}/regions/kazakhstan.atom"`);
  });
});
