/**
 * `"fullText": true` sources: summary-only entries are completed from their pages; failures keep
 * the feed's entry and are said with the URL and why; nothing is fetched twice for an unchanged
 * entry; a per-run cap holds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchFeed } from '../../../src/ingest/upstream/fetchFeed.js';
import type { Article } from '../../../src/item.js';
import type { SourceState } from '../../../src/store/store.js';
import { startFullTextServer, type FullTextServer } from '../../fixtures/fulltext/server.js';
import { run, source, userAgent } from './helpers.js';

let server: FullTextServer;
beforeAll(async () => {
  server = await startFullTextServer();
});
afterAll(async () => {
  await server.close();
});

const limits = { timeoutMs: 1500 };
const fullTextSource = () => source(server.feedUrl, { fullText: true, allowPrivate: false });
const pageRequests = (slug: string) => server.requests.filter((r) => r.path === `/articles/${slug}`);
const article = (articles: Article[], slug: string) => articles.find((a) => a.guid === `urn:entry:${slug}`)!;

describe('fullText', () => {
  let first: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    server.state.version = 1;
    first = await run([fullTextSource()], { port: server.port, limits });
  });

  it('completes a summary-only entry from its article page, keeping the feed summary as the summary', () => {
    const ferry = article(first.results[0].articles, 'ferry');
    expect(ferry.paragraphs.join(' ')).toContain('two extra crossings every night from April');
    expect(ferry.paragraphs.length).toBeGreaterThan(3);
    // Relative links resolve against the URL the page was read from, as in a browser.
    expect(ferry.contentHtml).toContain(`<a href="http://news.test:${server.port}/business/2024/02/aktau-port-expansion"`);
    expect(ferry.summary).toBe('Two extra crossings a night from April.');
    expect(ferry.url).toBe(`http://news.test:${server.port}/articles/ferry`);
    expect(ferry.authors).toEqual(['Aigerim Sadykova', 'Tom Whitfield']);
    const observatory = article(first.results[0].articles, 'observatory');
    expect(observatory.paragraphs[0]).toMatch(/^The small observatory on the ridge/);
  });

  it('fetches politely: User-Agent, an HTML Accept, and never the page of an entry that has its full text', () => {
    const [req] = pageRequests('ferry');
    expect(req.headers['user-agent']).toBe(userAgent);
    expect(req.headers.accept).toMatch(/^text\/html/);
    expect(pageRequests('long')).toHaveLength(0);
  });

  it('keeps a failing entry as the feed gave it and says on its source which URL failed and why', () => {
    const { articles, outcome, state } = first.results[0];
    expect(outcome.status).toBe('ok');
    expect(articles).toHaveLength(7);
    expect(article(articles, 'hang').paragraphs).toEqual(['Summary of a page that hangs.']);
    expect(article(articles, 'gone').paragraphs).toEqual(['Summary of a page that is a 404.']);
    const base = `http://news.test:${server.port}/articles`;
    expect(outcome.error).toMatch(/^fullText: 4 of 6 pages failed: /);
    expect(outcome.error).toContain(`${base}/hang (fetch: timeout after 1500 ms)`);
    expect(outcome.error).toContain(`${base}/gone (fetch: HTTP 404)`);
    expect(outcome.error).toContain('1 more');
    expect(state.fullText![`urn:entry:private`].error).toBe('fetch: refusing private address 127.0.0.2');
    expect(state.fullText![`urn:entry:home`].error).toMatch(/^not an article: /);
    expect(first.log.some((l) => l.includes('upstream.fulltext.failed') && l.includes('/articles/gone'))).toBe(true);
    // The redirect target was refused before any request: nothing but the loopback server was asked.
    expect(state.lastError).toBeNull();
  });

  it('does not fetch an unchanged entry again; a changed entry is fetched with a conditional GET', async () => {
    server.state.version = 2;
    const before = server.requests.length;
    const states = new Map<string, SourceState>([[server.feedUrl, first.results[0].state]]);
    const later = new Date(Date.parse('2024-06-01T12:00:00Z') + 60 * 60_000);
    const second = await run([fullTextSource()], { port: server.port, limits, states, at: later });
    const paths = server.requests.slice(before).map((r) => r.path);
    expect(paths).toEqual(['/feed.xml', '/articles/ferry']);
    expect(server.requests.at(-1)!.headers['if-none-match']).toBe('"ferry-v1"');
    // 304: the page is as before, and the store already holds what it gave.
    expect(article(second.results[0].articles, 'ferry').paragraphs).toEqual(['Two extra crossings a night from April, the operator says.']);
    expect(second.results[0].outcome.error).toBeNull();
    expect(Object.keys(second.results[0].state.fullText!).sort()).toEqual(
      ['ferry', 'gone', 'hang', 'home', 'observatory', 'private'].map((s) => `urn:entry:${s}`),
    );
  });

  it('fetches at most fullTextPerRun pages a run and leaves the rest for the next run', async () => {
    server.state.version = 1;
    const capped = { ...limits, fullTextPerRun: 2 };
    const one = await run([fullTextSource()], { port: server.port, limits: capped });
    expect(Object.keys(one.results[0].state.fullText!)).toEqual(['urn:entry:ferry', 'urn:entry:observatory']);
    expect(one.results[0].outcome.error).toBe('fullText: 4 pages left for the next run (per-run limit)');
    expect(one.results[0].state).toMatchObject({ etag: null, lastModified: null, contentHash: null });
    const states = new Map<string, SourceState>([[server.feedUrl, one.results[0].state]]);
    const before = server.requests.length;
    const two = await run([fullTextSource()], { port: server.port, limits: capped, states, at: new Date('2024-06-01T13:00:00Z') });
    expect(server.requests.slice(before).map((r) => r.path)).toEqual(['/feed.xml', '/articles/hang', '/articles/gone']);
    expect(Object.keys(two.results[0].state.fullText!)).toHaveLength(4);
  });

  it('leaves sources without fullText alone', async () => {
    const before = server.requests.length;
    await run([source(server.feedUrl, { allowPrivate: false })], { port: server.port, limits });
    expect(server.requests.slice(before).map((r) => r.path)).toEqual(['/feed.xml']);
  });
});

describe('fetchFeed allowPrivateHost', () => {
  it('allows a private address only on the one host named, and refuses any other before asking it', async () => {
    const asked: string[] = [];
    const stub = (async (input: RequestInfo | URL) => {
      asked.push(String(input));
      return new Response('<html></html>', { status: 302, headers: { location: 'http://127.0.0.1:2/other' } });
    }) as typeof fetch;
    const opts = { fetch: stub, userAgent, now: () => new Date(), limits: { timeoutMs: 1000, maxBytes: 1000, maxRedirects: 3 } };
    const req = { url: 'http://127.0.0.1:1/page', etag: null, lastModified: null, allowPrivate: false, allowPrivateHost: '127.0.0.1:1' };
    await expect(fetchFeed(req, opts)).rejects.toThrow('fetch: refusing private address 127.0.0.1');
    expect(asked).toEqual(['http://127.0.0.1:1/page']);
    await expect(fetchFeed({ ...req, allowPrivateHost: undefined }, opts)).rejects.toThrow('refusing private address');
    expect(asked).toHaveLength(1);
  });
});

describe('fullText through a whole ingestion run', () => {
  it('stores the full text with the feed summary, keeps it when the entry comes again, and shows failures in /healthz', async () => {
    const { runIngestion } = await import('../../../src/ingest/run.js');
    const { openSqliteStore } = await import('../../../src/store/sqlite.js');
    const { createApp } = await import('../../../src/app.js');
    const { memoryLog } = await import('../../../src/log.js');
    const { realConfigData } = await import('../../helpers/configData.js');
    const { loopbackFetch } = await import('./helpers.js');
    server.state.version = 1;
    const data = realConfigData();
    const store = await openSqliteStore(':memory:');
    const log = memoryLog();
    const deps = (at: string) => ({
      store, taxonomy: data.taxonomy, sources: { ...data.sources, pages: { enabled: false }, upstream: [fullTextSource()] }, pages: null,
      fetch: loopbackFetch(server.port), now: () => new Date(at), log, userAgent, limits,
    });
    const run = await runIngestion(deps('2024-06-01T12:00:00Z'));
    expect(run).toMatchObject({ status: 'ok', inserted: 7 });
    const items = (await store.queryItems({ limit: 20 })).items;
    const ferry = items.find((i) => i.title === 'Caspian ferry line adds night crossings')!;
    expect(ferry.summary).toBe('Two extra crossings a night from April.');
    expect(ferry.contentText).toContain('Freight forwarders welcomed the plan');
    expect(ferry.regions).toContain('kazakhstan');
    expect((await store.queryItems({ limit: 5, q: 'forwarders' })).items.map((i) => i.title)).toEqual([ferry.title]);

    const app = createApp({
      store, taxonomy: data.taxonomy, curated: data.curated, log, now: () => new Date(),
      config: { baseUrl: null, cacheMaxAge: 60, websubHub: null, adminToken: null },
    });
    const health = await (await app.request('http://caravan.test/healthz')).json();
    expect(health.lastRun.sources[0].error).toContain('/articles/gone (fetch: HTTP 404)');
    expect(health.sources[0].fullText).toMatchObject({ pages: 6, failed: expect.arrayContaining([{ url: expect.stringContaining('/articles/gone'), error: 'fetch: HTTP 404' }]) });

    // The feed changes (one entry's summary): the page answers 304 and the stored full text stays.
    server.state.version = 2;
    const again = await runIngestion(deps('2024-06-01T13:00:00Z'));
    expect(again).toMatchObject({ status: 'ok', inserted: 0 });
    const kept = (await store.getItem(ferry.id))!;
    expect(kept.contentText).toContain('Freight forwarders welcomed the plan');
  });
});
