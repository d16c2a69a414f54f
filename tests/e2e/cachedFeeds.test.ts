/**
 * The compiled Node door answers a feed request it has answered before from the render cache,
 * ahead of Hono (src/node/cachedFeeds.ts). Those answers must be the app's own, byte for byte:
 * the same status, header fields in the same order and spelling, the same body, the same 304
 * rules; a different Accept, proxy header or coding is a different answer; a store write makes
 * the next request render afresh; and every answer is counted in /metrics.
 */
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/startServer.js';
import { writePages } from '../reliability/helpers/pages.js';

const admin = 'admin-test-token-0123456789';
const dir = mkdtempSync(join(tmpdir(), 'caravan-cached-'));

interface Raw { status: number; headers: string[]; body: Buffer }

/** One request on its own connection; raw header list without Date (it changes every second). */
function raw(base: string, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const list: string[] = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) {
          if (res.rawHeaders[i]!.toLowerCase() !== 'date') list.push(`${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}`);
        }
        resolve({ status: res.statusCode!, headers: list, body: Buffer.concat(chunks) });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

const header = (r: Raw, name: string) => r.headers.find((h) => h.toLowerCase().startsWith(`${name.toLowerCase()}: `))?.slice(name.length + 2);

describe('cached feed answers on the Node door', () => {
  let server: RunningServer;
  const feeds = writePages(join(dir, 'feeds'), 6);
  const metric = async (labels: string) => {
    const text = await (await fetch(`${server.url}/metrics`)).text();
    const line = text.split('\n').find((l) => l.startsWith(`caravan_http_requests_total{${labels}} `));
    return line === undefined ? 0 : Number(line.slice(line.lastIndexOf(' ') + 1));
  };

  beforeAll(async () => {
    server = await startServer({ FEEDS_DIR: feeds, ADMIN_TOKEN: admin, INGEST_CRON: '0 0 1 1 *' });
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers a repeated request exactly as the app answered the first', async () => {
    for (const [path, headers] of [
      ['/regions/central-asia.atom', {}],
      ['/feed.json?limit=3', { 'Accept-Encoding': 'gzip' }],
      ['/feed', { Accept: 'application/rss+xml' }],
      ['/topics/energy.rss', { 'Accept-Encoding': 'deflate, gzip;q=0.5' }],
    ] as const) {
      const first = await raw(server.url, path, headers);
      expect(first.status).toBe(200);
      const again = await raw(server.url, path, headers);
      expect(again).toEqual(first);
      // HEAD: the same fields (Hono writes them in lower case, sorted) and no body.
      const head = await raw(server.url, path, headers, 'HEAD');
      const fields = (r: Raw) => r.headers.map((h) => h.replace(/^[^:]+/, (name) => name.toLowerCase())).sort();
      expect(fields(head)).toEqual(fields(first));
      expect(head.body.length).toBe(0);
    }
  });

  it('keeps what the document depends on apart: Accept, proxy headers, coding, query', async () => {
    const atom = await raw(server.url, '/feed', { Accept: 'application/atom+xml' });
    const json = await raw(server.url, '/feed', { Accept: 'application/feed+json' });
    expect(header(atom, 'content-type')).toMatch(/atom/);
    expect(header(json, 'content-type')).toMatch(/json/);
    expect((await raw(server.url, '/feed', { Accept: 'application/atom+xml' })).body).toEqual(atom.body);
    expect((await raw(server.url, '/feed', { Accept: 'application/feed+json' })).body).toEqual(json.body);

    const plain = await raw(server.url, '/feed.atom');
    const proxied = await raw(server.url, '/feed.atom', { 'X-Forwarded-Host': 'news.example', 'X-Forwarded-Proto': 'https' });
    expect(proxied.body.toString()).toContain('https://news.example/feed.atom');
    expect((await raw(server.url, '/feed.atom')).body).toEqual(plain.body);
    expect((await raw(server.url, '/feed.atom', { 'X-Forwarded-Host': 'news.example', 'X-Forwarded-Proto': 'https' })).body).toEqual(proxied.body);

    const gzip = await raw(server.url, '/feed.atom', { 'Accept-Encoding': 'gzip' });
    expect(header(gzip, 'content-encoding')).toBe('gzip');
    expect(header(gzip, 'etag')).not.toBe(header(plain, 'etag'));
    expect(header(await raw(server.url, '/feed.atom'), 'content-encoding')).toBeUndefined();

    const two = await raw(server.url, '/feed.atom?limit=2');
    expect(two.body).not.toEqual(plain.body);
    expect((await raw(server.url, '/feed.atom?limit=2')).body).toEqual(two.body);
  });

  it('answers conditional requests as RFC 9110 says, with the same headers as the app', async () => {
    const path = '/regions/kazakhstan.json';
    const ok = await raw(server.url, path);
    const etag = header(ok, 'etag')!;
    const lastModified = header(ok, 'last-modified')!;
    // Twice each: the first may be the app's answer, the second is the cached one.
    for (let i = 0; i < 2; i++) {
      const byTag = await raw(server.url, path, { 'If-None-Match': etag });
      expect(byTag.status).toBe(304);
      expect(byTag.body.length).toBe(0);
      expect(byTag.headers).toEqual(ok.headers.filter((h) => !/^(content-type|content-length):/i.test(h)));
      expect((await raw(server.url, path, { 'If-None-Match': `"other", W/${etag}` })).status).toBe(304);
      expect((await raw(server.url, path, { 'If-None-Match': '*' })).status).toBe(304);
      expect((await raw(server.url, path, { 'If-None-Match': '"other"', 'If-Modified-Since': lastModified })).status).toBe(200);
      expect((await raw(server.url, path, { 'If-Modified-Since': lastModified })).status).toBe(304);
      expect((await raw(server.url, path, { 'If-Modified-Since': 'Thu, 01 Jan 1970 00:00:00 GMT' })).status).toBe(200);
      expect((await raw(server.url, path, { 'If-Modified-Since': 'not a date' })).status).toBe(200);
    }
  });

  it('renders afresh after a store write, and still refuses what the app refuses', async () => {
    const before = await raw(server.url, '/feed.atom?limit=50');
    await raw(server.url, '/feed.atom?limit=50');
    writePages(feeds, 2, 0, 6);
    const run = await fetch(`${server.url}/admin/ingest`, { method: 'POST', headers: { Authorization: `Bearer ${admin}` } });
    expect(run.status).toBe(200);
    const after = await raw(server.url, '/feed.atom?limit=50');
    expect(after.body.toString()).toContain('Report 7:');
    expect(before.body.toString()).not.toContain('Report 7:');
    expect(header(after, 'etag')).not.toBe(header(before, 'etag'));
    expect((await raw(server.url, '/feed.atom?limit=50')).body).toEqual(after.body);

    expect((await raw(server.url, '/regions/atlantis.atom')).status).toBe(404);
    expect((await raw(server.url, '/regions/atlantis.atom')).status).toBe(404);
    expect((await raw(server.url, '/feed.atom', {}, 'POST')).status).toBe(404);
  });

  it('counts every answer in /metrics, cached or not', async () => {
    const ok0 = await metric('family="feed",status="200"');
    const nm0 = await metric('family="feed",status="304"');
    const first = await raw(server.url, '/topics/aviation.atom');
    for (let i = 0; i < 4; i++) await raw(server.url, '/topics/aviation.atom');
    for (let i = 0; i < 3; i++) await raw(server.url, '/topics/aviation.atom', { 'If-None-Match': header(first, 'etag')! });
    expect((await metric('family="feed",status="200"')) - ok0).toBe(5);
    expect((await metric('family="feed",status="304"')) - nm0).toBe(3);
  });
});
