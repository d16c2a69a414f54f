import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceState } from '../../../src/store/store.js';
import { initialState } from '../../../src/ingest/upstream/collectUpstream.js';
import { startFixtureServer, retryDate, type FixtureServer } from '../../fixtures/upstream/server.js';
import { minutesAfter, now, run, source } from './helpers.js';

let server: FixtureServer;
let outcome: Awaited<ReturnType<typeof run>>;

/** path → [exact error, minutes until nextAttempt (15 min interval, first failure → ×2)]. */
const expected: Record<string, [string, number]> = {
  'status/500': ['fetch: HTTP 500', 30],
  'status/404': ['fetch: HTTP 404', 30],
  '429': ['fetch: HTTP 429', 120], // Retry-After: 7200 s beats the 30 min backoff
  '429-short': ['fetch: HTTP 429', 30], // Retry-After: 60 s is earlier than the backoff
  '503-date': ['fetch: HTTP 503', 180], // Retry-After as an HTTP date
  endless: ['fetch: response larger than 262144 bytes', 30],
  'big-declared': ['fetch: response larger than 262144 bytes', 30],
  'loop/0': ['fetch: too many redirects', 30],
  'chain/6': ['fetch: too many redirects', 30],
  'redirect-file': ['fetch: refusing file: URL (only http and https)', 30],
  'malformed.xml': ['parse: malformed XML (Unexpected close tag at line 2, column 70)', 30],
  'empty.xml': ['parse: empty document', 30],
  html: ['parse: not a feed (looks like HTML)', 30],
  'svg.xml': ['parse: not a feed (root element <svg>)', 30],
  'bad-json.json': ['parse: not a feed (JSON without a jsonfeed.org version)', 30],
  'bad-charset.xml': ['decode: unsupported charset "x-unknown-8" (from Content-Type)', 30],
  nowhere: ['fetch: HTTP 404', 30],
};

beforeAll(async () => {
  server = await startFixtureServer();
  const sources = [...Object.keys(expected), 'chain/5', 'rss2.xml'].map((p) => source(`${server.origin}/${p}`, { name: `src ${p}` }));
  outcome = await run(sources, { port: server.port });
});
afterAll(() => server.close());

describe('a source that never answers', () => {
  it('times out with the configured timeout and backs off', async () => {
    const hanging = source(`${server.origin}/hang`, { name: 'hang' });
    const started = performance.now();
    const { results, log } = await run([hanging, source(`${server.origin}/rss1.rdf?with-hang`)], { port: server.port, limits: { timeoutMs: 300 } });
    expect(performance.now() - started).toBeLessThan(3000);
    expect(results[0].state).toMatchObject({ lastError: 'fetch: timeout after 300 ms', consecutiveFailures: 1, nextAttempt: minutesAfter(now, 30) });
    expect(results[0].outcome).toMatchObject({ status: 'failed', error: 'fetch: timeout after 300 ms' });
    expect(results[1].outcome.status).toBe('ok');
    expect(log.filter((l) => l.includes(' WARN '))).toHaveLength(1);
  });
});

describe('failing sources', () => {
  it('record the stage and exact error, count the failure and back off', () => {
    const seen = Object.fromEntries(
      Object.keys(expected).map((p) => {
        const r = outcome.byUrl.get(`${server.origin}/${p}`)!;
        return [p, [r.state.lastError, (Date.parse(r.state.nextAttempt!) - now.getTime()) / 60_000]];
      }),
    );
    expect(seen).toEqual(expected);
    expect(Date.parse(outcome.byUrl.get(`${server.origin}/503-date`)!.state.nextAttempt!)).toBe(Date.parse(retryDate));
    for (const p of Object.keys(expected)) {
      const r = outcome.byUrl.get(`${server.origin}/${p}`)!;
      expect(r.articles).toEqual([]);
      expect(r.state).toMatchObject({ consecutiveFailures: 1, lastAttempt: now.toISOString(), lastSuccess: null, itemCount: 0 });
      expect(r.outcome).toEqual({ source: r.source.url, status: 'failed', entries: 0, items: 0, skipped: {}, inserted: 0, updated: 0, unchanged: 0, error: expected[p][0] });
    }
  });

  it('logs exactly one warn line per failing source, naming it and its error', () => {
    const warns = outcome.log.filter((l) => l.includes(' WARN '));
    expect(warns).toHaveLength(Object.keys(expected).length);
    for (const [p, [error]] of Object.entries(expected)) {
      const mine = warns.filter((l) => l.includes(`source=${server.origin}/${p} `));
      expect(mine, p).toHaveLength(1);
      expect(mine[0]).toContain('upstream.failed');
      expect(mine[0]).toContain(`error=${JSON.stringify(error)}`);
    }
  });

  it('does not stop the good sources: five redirects are followed, the sixth is not', () => {
    expect(outcome.byUrl.get(`${server.origin}/chain/5`)!.articles.map((a) => a.title)).toEqual(['Atom entry & more', 'Plain <tag> text title']);
    expect(outcome.byUrl.get(`${server.origin}/rss2.xml`)!.outcome.status).toBe('ok');
    expect(server.requests.filter((r) => r.path.startsWith('/loop/'))).toHaveLength(6);
  });

  it('stops reading an endless body soon after the cap instead of buffering it', () => {
    expect(server.endless.closed).toBe(true);
    expect(server.endless.bytesSent).toBeLessThan(16 * 1024 * 1024);
  });
});

describe('backoff and scheduling', () => {
  it('doubles per consecutive failure, caps at 24 h, keeps validators and item count', async () => {
    const url = `${server.origin}/status/500`;
    const prev = (failures: number): Map<string, SourceState> =>
      new Map([[url, { ...initialState(url), consecutiveFailures: failures, etag: '"old"', itemCount: 7, lastSuccess: '2024-05-01T00:00:00.000Z' }]]);
    const second = (await run([source(url)], { port: server.port, states: prev(1) })).results[0];
    expect(second.state).toMatchObject({ consecutiveFailures: 2, nextAttempt: minutesAfter(now, 60), etag: '"old"', itemCount: 7, lastSuccess: '2024-05-01T00:00:00.000Z' });
    const many = (await run([source(url)], { port: server.port, states: prev(12) })).results[0];
    expect(many.state).toMatchObject({ consecutiveFailures: 13, nextAttempt: minutesAfter(now, 24 * 60) });
  });

  it('a success resets the failure count and error', async () => {
    const url = `${server.origin}/atom1.xml`;
    const states = new Map([[url, { ...initialState(url), consecutiveFailures: 4, lastError: 'fetch: HTTP 500', nextAttempt: '2024-06-01T11:00:00.000Z' }]]);
    const r = (await run([source(url, { intervalMinutes: 30 })], { port: server.port, states })).results[0];
    expect(r.state).toMatchObject({ consecutiveFailures: 0, lastError: null, lastSuccess: now.toISOString(), itemCount: 2, nextAttempt: minutesAfter(now, 30) });
  });

  it('skips sources whose nextAttempt is in the future without a request', async () => {
    const url = `${server.origin}/rss1.rdf?skip`;
    const prevState = { ...initialState(url), nextAttempt: minutesAfter(now, 10), itemCount: 3 };
    const r = (await run([source(url)], { port: server.port, states: new Map([[url, prevState]]) })).results[0];
    expect(r.outcome).toEqual({ source: url, status: 'skipped', entries: 0, items: 0, skipped: {}, inserted: 0, updated: 0, unchanged: 0, error: null });
    expect(r.state).toEqual(prevState);
    expect(server.requests.some((q) => q.path === '/rss1.rdf?skip')).toBe(false);
  });

  it('refuses private hosts unless allowPrivate, also after a redirect', async () => {
    const direct = source(`${server.origin}/rss2.xml?direct`, { allowPrivate: false });
    const redirected = source(`http://public.test:${server.port}/redirect-private`, { allowPrivate: false });
    const { byUrl } = await run([direct, redirected], { port: server.port });
    expect(byUrl.get(direct.url)!.state.lastError).toBe('fetch: refusing private address 127.0.0.1');
    expect(byUrl.get(redirected.url)!.state.lastError).toBe('fetch: refusing private address 127.0.0.1');
    expect(server.requests.some((q) => q.path === '/rss2.xml?direct')).toBe(false);
  });
});
