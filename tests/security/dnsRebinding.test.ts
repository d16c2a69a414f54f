/**
 * DNS rebinding: the address an upstream host resolved to, and was checked against the private
 * ranges, is the address connected to. A resolver that answers a public address first and
 * loopback on every later lookup never gets Caravan to connect to loopback.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchFeed, type PinnedFetch } from '../../src/ingest/upstream/fetchFeed.js';
import { pinnedFetch } from '../../src/node/pinnedFetch.js';

let server: http.Server;
let port: number;
const requests: { host: string | undefined; url: string | undefined }[] = [];
beforeAll(async () => {
  server = http.createServer((req, res) => {
    requests.push({ host: req.headers.host, url: req.url });
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.end('<rss version="2.0"><channel><title>secret intranet</title></channel></rss>');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

const options = (resolveHost: (name: string) => Promise<string[]>, pinned: PinnedFetch | undefined = pinnedFetch) => ({
  fetch: globalThis.fetch, userAgent: 'test', now: () => new Date(), resolveHost, pinnedFetch: pinned,
  limits: { timeoutMs: 1500, maxBytes: 1024 * 1024, maxRedirects: 5 },
});
const request = (url: string) => ({ url, etag: null, lastModified: null, allowPrivate: false });

describe('DNS rebinding', () => {
  it('a resolver that answers public, then loopback: the one lookup checked is the one connected to', async () => {
    let lookups = 0;
    // 192.0.2.1 (TEST-NET-1) is public by the ranges and reaches nothing here; loopback is what a rebinder wants.
    const rebinding = async () => (lookups++ === 0 ? ['192.0.2.1'] : ['127.0.0.1']);
    const before = requests.length;
    await expect(fetchFeed(request(`http://rebind.test:${port}/feed`), options(rebinding))).rejects.toThrow(/network error|timeout/);
    expect(lookups).toBe(1);
    expect(requests.length).toBe(before);
  });

  it('the pinned fetch connects to the given address and keeps the host name (Host header, SNI)', async () => {
    const pin = pinnedFetch('feeds.example.test', ['127.0.0.1']);
    const response = await pin.fetch(`http://feeds.example.test:${port}/pinned`);
    expect(await response.text()).toContain('secret intranet');
    await pin.close();
    expect(requests.at(-1)).toEqual({ host: `feeds.example.test:${port}`, url: '/pinned' });
  });

  it('every redirect hop is resolved, checked and pinned again', async () => {
    const pins: [string, string[]][] = [];
    const fake: PinnedFetch = (hostname, addresses) => {
      pins.push([hostname, addresses]);
      return {
        fetch: (async () => new Response(null, { status: 302, headers: { location: 'http://inside.test/admin' } })) as typeof fetch,
        close: async () => undefined,
      };
    };
    const resolve = async (name: string) => (name === 'outside.test' ? ['198.51.100.7'] : ['10.0.0.5']);
    await expect(fetchFeed(request('http://outside.test/feed'), options(resolve, fake))).rejects.toThrow(
      'refusing inside.test: it resolves to private address 10.0.0.5',
    );
    expect(pins).toEqual([['outside.test', ['198.51.100.7']]]);
  });
});
