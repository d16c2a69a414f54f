import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectUpstream } from '../../src/ingest/upstream/collectUpstream.js';
import { readFeed } from '../../src/ingest/upstream/readFeed.js';
import { UpstreamError } from '../../src/ingest/upstream/upstreamError.js';
import { memoryLog } from '../../src/log.js';
import { feedReaderPool } from '../../src/node/feedReaderPool.js';
import { startFixtureServer, type FixtureServer } from '../fixtures/upstream/server.js';
import { loopbackFetch, now, run, source, testLimits, userAgent } from '../ingest/upstream/helpers.js';

let server: FixtureServer;
const pool = feedReaderPool(2);
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await pool.close();
  await server.close();
});

/** Every format and encoding the fixtures have, hostile content, and every failure of the read stages. */
const paths = [
  'rss2.xml', 'rss1.rdf', 'rss091.xml', 'atom1.xml', 'atom03.xml', 'feed.json', 'feed10.json', 'cp1251.xml', 'koi8.xml',
  'utf16.xml', 'utf16be.xml', 'bom.xml', 'hostile.xml', 'malformed.xml', 'empty.xml', 'html', 'svg.xml', 'bad-json.json',
  'bad-charset.xml', 'gen/30', 'status/500',
];

describe('feed bodies read in worker threads', () => {
  it('give the same articles, counts, states and errors as reading them in this thread', async () => {
    const sources = paths.map((p) => source(`${server.origin}/${p}`));
    const here = await run(sources, { port: server.port });
    const there = await run(sources, { port: server.port, readFeed: pool });
    expect(there.results).toEqual(here.results);
    // The same lines (the order of sources finishing and the clock differ from run to run).
    const lines = (log: string[]) => log.map((l) => l.slice(l.indexOf(' ') + 1)).sort();
    expect(lines(there.log)).toEqual(lines(here.log));
    const errors = new Map(there.results.map((r) => [r.source.url.slice(server.origin.length + 1), r.outcome.error]));
    expect(errors.get('malformed.xml')).toMatch(/^parse: malformed XML/);
    expect(errors.get('bad-charset.xml')).toBe('decode: unsupported charset "x-unknown-8" (from Content-Type)');
    expect(errors.get('gen/30')).toBeNull();
    expect(there.results.find((r) => r.source.url.endsWith('gen/30'))!.articles.length).toBeGreaterThan(0);
  });

  it('fail with the stage and detail of the failure, as an UpstreamError', async () => {
    const input = { contentType: 'text/html', source: source('https://feeds.example/x'), feedUrl: 'https://feeds.example/x', now: now.toISOString() };
    const body = () => new TextEncoder().encode('<!DOCTYPE html><html><body>no feed</body></html>') as Uint8Array<ArrayBuffer>;
    const inThread = await readFeed({ ...input, body: body() }).catch((e: unknown) => e);
    const inWorker = await pool({ ...input, body: body() }).catch((e: unknown) => e);
    expect(inWorker).toBeInstanceOf(UpstreamError);
    expect(inWorker).toMatchObject({ stage: 'parse', message: 'parse: not a feed (looks like HTML)' });
    expect((inWorker as Error).message).toBe((inThread as Error).message);
  });

  it('fail the bodies a stopped worker held, each as its own source, and start a new worker for the next', async () => {
    const own = feedReaderPool(1);
    const input = { contentType: 'application/rss+xml', source: source('https://feeds.example/y'), feedUrl: 'https://feeds.example/y', now: now.toISOString() };
    const body = () => new TextEncoder().encode('<rss version="2.0"><channel><title>T</title><item><title>One</title><link>https://a.example/1</link></item></channel></rss>') as Uint8Array<ArrayBuffer>;
    const held = own({ ...input, body: body() }).catch((e: unknown) => e);
    await own.close();
    expect(await held).toMatchObject({ stage: 'parse', message: expect.stringMatching(/^parse: feed reader stopped/) });
    const again = await own({ ...input, body: body() });
    expect(again.articles.map((a) => a.title)).toEqual(['One']);
    await own.close();
  });
});

describe('collectUpstream told each result as it is known', () => {
  it('tells every result once, in source order, the same as it returns', async () => {
    const sources = ['gen/5', 'status/404', 'rss2.xml', 'gen/3', 'atom1.xml', 'hang'].map((p) => source(`${server.origin}/${p}`));
    const told: [string, number][] = [];
    const results = await collectUpstream(sources, new Map(), {
      fetch: loopbackFetch(server.port), now: () => now, log: memoryLog(), userAgent, limits: { ...testLimits, timeoutMs: 300 }, readFeed: pool,
    }, (result, index) => told.push([result.source.url, index]));
    expect(told).toEqual(sources.map((s, i) => [s.url, i]));
    expect(results.map((r) => r.outcome.status)).toEqual(['ok', 'failed', 'ok', 'ok', 'ok', 'failed']);
  });
});
