import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceState } from '../../../src/store/store.js';
import { etag, lastModified, startFixtureServer, type FixtureServer } from '../../fixtures/upstream/server.js';
import { minutesAfter, now, run, source } from './helpers.js';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(() => server.close());

describe('conditional requests', () => {
  it('a second run sends If-None-Match / If-Modified-Since and gets unchanged with no articles', async () => {
    const sources = ['rss2.xml', 'lm.xml', 'atom1.xml'].map((p) => source(`${server.origin}/${p}`));
    const first = await run(sources, { port: server.port });
    expect(first.results.map((r) => [r.outcome.status, r.articles.length])).toEqual([['ok', 2], ['ok', 1], ['ok', 2]]);
    const firstHeaders = server.requests.filter((r) => r.path === '/rss2.xml').map((r) => r.headers['if-none-match']);
    expect(firstHeaders).toEqual([undefined]);

    const states = new Map<string, SourceState>(first.results.map((r) => [r.source.url, r.state]));
    const later = new Date(now.getTime() + 3 * 60 * 60_000);
    const second = await run(sources, { port: server.port, states, at: later });
    expect(second.results.map((r) => [r.outcome.status, r.articles.length, r.outcome.items])).toEqual([
      ['unchanged', 0, 0],
      ['unchanged', 0, 0],
      ['unchanged', 0, 0], // no validators: the body hash matched
    ]);
    const seen = (path: string) => server.requests.filter((r) => r.path === path).map((r) => [r.headers['if-none-match'], r.headers['if-modified-since']]);
    expect(seen('/rss2.xml')).toEqual([[undefined, undefined], [etag, lastModified]]);
    expect(seen('/lm.xml')).toEqual([[undefined, undefined], [undefined, lastModified]]);
    const rss = second.byUrl.get(`${server.origin}/rss2.xml`)!.state;
    expect(rss).toMatchObject({ etag, lastModified, itemCount: 2, lastSuccess: later.toISOString(), nextAttempt: minutesAfter(later, 15) });
    expect(second.results.every((r) => r.state.lastError === null && r.state.consecutiveFailures === 0)).toBe(true);
  });
});

describe('concurrency', () => {
  it('at most 2 requests per host at a time', async () => {
    server.maxActive.total = 0;
    server.maxActive.groups.clear();
    const sources = ['h1', 'h2'].flatMap((host) =>
      Array.from({ length: 6 }, (_, i) => source(`http://${host}.test:${server.port}/slow/${host}/${i}`)),
    );
    const { results } = await run(sources, { port: server.port });
    expect(results.map((r) => r.outcome.status)).toEqual(Array(12).fill('ok'));
    expect(Object.fromEntries(server.maxActive.groups)).toEqual({ h1: 2, h2: 2 });
    expect(server.maxActive.total).toBe(4);
  });

  it('at most `concurrency` sources at a time overall (default 8)', async () => {
    server.maxActive.total = 0;
    server.maxActive.groups.clear();
    const sources = Array.from({ length: 20 }, (_, i) => source(`http://g${i}.test:${server.port}/slow/g${i}/${i}`));
    await run(sources, { port: server.port });
    expect(server.maxActive.total).toBe(8);
    server.maxActive.total = 0;
    await run(sources.slice(0, 6), { port: server.port, limits: { concurrency: 3 } });
    expect(server.maxActive.total).toBe(3);
  });
});

describe('a large run', () => {
  it('200 sources, a tenth broken, completes without throwing', async () => {
    const broken = ['status/500', 'malformed.xml', 'html', 'hang', 'status/404'];
    const sources = Array.from({ length: 200 }, (_, i) => {
      const host = `s${i % 23}.test:${server.port}`; // 23: the four hanging sources land on different hosts
      return i % 10 === 9 ? source(`http://${host}/${broken[(i - 9) / 10 % broken.length]}?n=${i}`) : source(`http://${host}/gen/${i}`);
    });
    const started = performance.now();
    const { results, log } = await run(sources, { port: server.port, limits: { timeoutMs: 1500 } });
    const elapsed = performance.now() - started;
    console.log(`200-source run: ${elapsed.toFixed(0)} ms`);
    expect(results).toHaveLength(200);
    expect(results.map((r) => r.source.url)).toEqual(sources.map((s) => s.url));
    const failed = results.filter((r) => r.outcome.status === 'failed');
    expect(failed.map((r) => r.source.url)).toEqual(sources.filter((_, i) => i % 10 === 9).map((s) => s.url));
    expect(new Set(failed.map((r) => r.state.lastError))).toEqual(
      new Set(['fetch: HTTP 500', 'parse: malformed XML (Unexpected close tag at line 2, column 70)', 'parse: not a feed (looks like HTML)', 'fetch: timeout after 1500 ms', 'fetch: HTTP 404']),
    );
    const ok = results.filter((r) => r.outcome.status === 'ok');
    expect(ok).toHaveLength(180);
    expect(ok.reduce((n, r) => n + r.articles.length, 0)).toBe(900);
    expect(ok[0].articles[0]).toMatchObject({ title: 'Feed 0 item 0', url: 'https://gen.example/0/0', guid: 'gen-0-0', published: '2024-03-05T10:00:00.000Z' });
    expect(log.filter((l) => l.includes(' WARN '))).toHaveLength(20);
    expect(elapsed).toBeLessThan(10_000);
  });
});
