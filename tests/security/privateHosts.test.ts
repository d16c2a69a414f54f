/**
 * Upstream URLs on Node: private, loopback and link-local addresses are refused unless a source
 * is `allowPrivate`, including public-looking names that RESOLVE to such an address (the
 * `resolveHost` hook, checked before every hop, redirects included).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchFeed, type FetchOptions } from '../../src/ingest/upstream/fetchFeed.js';
import { runIngestion } from '../../src/ingest/run.js';
import { openNodeRuntime } from '../../src/node/runtime.js';

const rss = '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>Private story</title><guid>p1</guid></item></channel></rss>';
const request = { url: 'http://feeds.example/rss', etag: null, lastModified: null, allowPrivate: false };

function options(resolve: Record<string, string[] | Error>, fetched: string[], redirects: Record<string, string> = {}): FetchOptions {
  return {
    userAgent: 'test', now: () => new Date(), limits: { timeoutMs: 1_000, maxBytes: 1_000_000, maxRedirects: 3 },
    resolveHost: async (host) => {
      const answer = resolve[host];
      if (answer === undefined) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
      if (answer instanceof Error) throw answer;
      return answer;
    },
    fetch: (async (url: string) => {
      fetched.push(url);
      const to = redirects[url];
      if (to) return new Response(null, { status: 302, headers: { location: to } });
      return new Response(rss, { headers: { 'content-type': 'application/rss+xml' } });
    }) as typeof fetch,
  };
}

describe('fetchFeed with a resolver', () => {
  it('refuses a name that resolves to any private, loopback or link-local address, without connecting', async () => {
    const privateAnswers = [
      ['127.0.0.1'], ['10.1.2.3'], ['172.16.0.9'], ['192.168.1.1'], ['169.254.169.254'], ['100.64.0.1'], ['0.0.0.0'],
      ['::1'], ['fe80::1%eth0'], ['fc00::5'], ['::ffff:127.0.0.1'], ['::ffff:10.0.0.1'], ['93.184.216.34', '10.0.0.1'], ['2606:2800:220:1::', '::1'],
    ];
    for (const addresses of privateAnswers) {
      const fetched: string[] = [];
      await expect(fetchFeed(request, options({ 'feeds.example': addresses }, fetched)), addresses.join()).rejects.toMatchObject({
        name: 'UpstreamError', message: expect.stringMatching(/^fetch: refusing feeds\.example: it resolves to private address /),
      });
      expect(fetched).toEqual([]);
    }
  });

  it('fetches a name that resolves only to public addresses', async () => {
    const fetched: string[] = [];
    const result = await fetchFeed(request, options({ 'feeds.example': ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'] }, fetched));
    expect(result.status).toBe('ok');
    expect(fetched).toEqual(['http://feeds.example/rss']);
  });

  it('checks every redirect hop: a public name redirecting to one that resolves privately is refused', async () => {
    const fetched: string[] = [];
    const opts = options({ 'feeds.example': ['93.184.216.34'], 'internal.example': ['10.0.0.7'] }, fetched, { 'http://feeds.example/rss': 'http://internal.example/admin' });
    await expect(fetchFeed(request, opts)).rejects.toMatchObject({ message: 'fetch: refusing internal.example: it resolves to private address 10.0.0.7' });
    expect(fetched).toEqual(['http://feeds.example/rss']);
  });

  it('says why a name does not resolve; a resolver slower than the timeout loses to it', async () => {
    await expect(fetchFeed(request, options({}, []))).rejects.toMatchObject({ message: 'fetch: cannot resolve feeds.example (ENOTFOUND)' });
    await expect(fetchFeed(request, options({ 'feeds.example': [] }, []))).rejects.toMatchObject({ message: 'fetch: cannot resolve feeds.example (no address)' });
    const slow = { ...options({}, []), resolveHost: () => new Promise<string[]>(() => undefined) };
    const started = Date.now();
    await expect(fetchFeed(request, slow)).rejects.toMatchObject({ message: 'fetch: timeout after 1000 ms' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('asks no resolver for allowPrivate sources or literal addresses (the literal check covers those)', async () => {
    let asked = 0;
    const base = options({ 'feeds.example': ['127.0.0.1'] }, []);
    const counting = { ...base, resolveHost: async (host: string) => (asked++, base.resolveHost!(host)) };
    expect((await fetchFeed({ ...request, allowPrivate: true }, counting)).status).toBe('ok');
    await expect(fetchFeed({ ...request, url: 'http://10.0.0.1/rss' }, counting)).rejects.toMatchObject({ message: 'fetch: refusing private address 10.0.0.1' });
    expect((await fetchFeed({ ...request, url: 'http://93.184.216.34/rss' }, counting)).status).toBe('ok');
    expect(asked).toBe(0);
  });
});

describe('the Node door', () => {
  let server: http.Server;
  let port: number;
  const hits: string[] = [];
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'caravan-private-'));
    server = http.createServer((req, res) => {
      hits.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(rss);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  const runtime = () => {
    mkdirSync(join(dir, 'none'), { recursive: true });
    return openNodeRuntime({ DB_PATH: join(dir, `r${Math.random()}.db`), FEEDS_DIR: join(dir, 'none'), LOG_LEVEL: 'error' });
  };

  it('supplies a real DNS resolver: this machine\'s own name resolves to a private address and is refused', async () => {
    const { ingestDeps, store } = await runtime();
    expect(ingestDeps.resolveHost).toBeTypeOf('function');
    const name = hostname();
    const url = `http://${name}:${port}/own-name`;
    const opts: FetchOptions = { fetch: globalThis.fetch, userAgent: 'test', now: () => new Date(), limits: { timeoutMs: 3_000, maxBytes: 100_000, maxRedirects: 2 }, resolveHost: ingestDeps.resolveHost };
    await expect(fetchFeed({ ...request, url }, opts)).rejects.toMatchObject({
      message: expect.stringMatching(new RegExp(`^fetch: (refusing ${name.toLowerCase()}: it resolves to private address|refusing private address|cannot resolve)`)),
    });
    expect(hits).not.toContain('/own-name');
    await store.close();
  });

  it('refuses such a source in a whole ingestion run (resolveHost reaches fetchFeed through collectUpstream)', async () => {
    const { ingestDeps, store } = await runtime();
    const source = (allowPrivate: boolean) => ({ url: `http://${hostname()}:${port}/run-${allowPrivate}`, name: null, topics: [], regions: [], intervalMinutes: 15, allowPrivate });
    const run = await runIngestion({ ...ingestDeps, sources: { pages: { enabled: false }, upstream: [source(false)], defaults: { intervalMinutes: 15 } } });
    expect(run!.sources[0]).toMatchObject({ status: 'failed', error: expect.stringMatching(/^fetch: (refusing|cannot resolve)/) });
    expect(hits).not.toContain('/run-false');
    await store.close();
  });
});
