import { execFileSync } from 'node:child_process';
import { gunzipSync, inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWithFeedparser, readers } from '../helpers/readers.js';
import { etagOf, rawRequest } from '../helpers/readersHttp.js';
import { startServerWithHostilePages } from '../helpers/readersServer.js';
import type { RunningServer } from '../helpers/startServer.js';
import { all, one, parseXml } from '../render/xmlTree.js';

interface CatalogEntry {
  title: string;
  urls: Record<'rss' | 'atom' | 'json', string>;
}

const contentTypes = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
} as const;
const formats = ['rss', 'atom', 'json'] as const;

/** Self links a document states, in any of the three formats. */
function selfLinks(body: string, format: 'rss' | 'atom' | 'json'): string[] {
  if (format === 'json') return [JSON.parse(body).feed_url];
  const root = parseXml(body);
  const links = format === 'atom' ? all(root, 'link') : all(one(root, 'channel'), 'atom:link');
  return links.filter((l) => l.attrs.rel === 'self').map((l) => l.attrs.href!);
}

function hubLinks(body: string, format: 'rss' | 'atom' | 'json'): string[] {
  if (format === 'json') return (JSON.parse(body).hubs ?? []).map((h: { url: string }) => h.url);
  const root = parseXml(body);
  const links = format === 'atom' ? all(root, 'link') : all(one(root, 'channel'), 'atom:link');
  return links.filter((l) => l.attrs.rel === 'hub').map((l) => l.attrs.href!);
}

describe('feed HTTP: formats, HEAD, negotiation, caching, compression, CORS, proxies, WebSub', () => {
  let server: RunningServer;
  let catalog: CatalogEntry[];
  beforeAll(async () => {
    server = await startServerWithHostilePages({ CACHE_MAX_AGE: '300' });
    catalog = ((await (await fetch(`${server.url}/feeds`)).json()) as { feeds: CatalogEntry[] }).feeds;
  });
  afterAll(async () => {
    expect(await server?.stop()).toBe(0);
  });

  it('serves every feed with its media type, and HEAD with the same headers and no body', async () => {
    for (const feed of catalog) {
      for (const format of formats) {
        for (const encoding of ['identity', 'gzip']) {
          const get = await rawRequest(feed.urls[format], { 'Accept-Encoding': encoding });
          const head = await rawRequest(feed.urls[format], { 'Accept-Encoding': encoding }, 'HEAD');
          expect(get.status, feed.urls[format]).toBe(200);
          expect(get.headers['content-type']).toBe(contentTypes[format]);
          expect(head.status).toBe(200);
          expect(head.body.length).toBe(0);
          for (const name of ['content-type', 'content-length', 'content-encoding', 'etag', 'last-modified', 'cache-control', 'vary']) {
            expect(head.headers[name], `${name} ${feed.urls[format]}`).toBe(get.headers[name]);
          }
          expect(Number(get.headers['content-length'])).toBe(get.body.length);
        }
      }
    }
  });

  it('negotiates extensionless feed URLs from Accept, with Vary: Accept', async () => {
    const cases: Array<[string | undefined, string]> = [
      [undefined, contentTypes.atom],
      ['application/rss+xml', contentTypes.rss],
      ['application/feed+json', contentTypes.json],
      ['application/json;q=0.5, application/atom+xml;q=0.4', contentTypes.json],
      ['text/html', contentTypes.atom],
    ];
    for (const [accept, type] of cases) {
      const response = await rawRequest(`${server.url}/topics/aviation`, accept ? { Accept: accept } : {});
      expect(response.headers['content-type'], accept).toBe(type);
      expect(response.headers.vary).toBe('Accept, Accept-Encoding');
    }
    expect((await rawRequest(`${server.url}/topics/aviation.rss`)).headers.vary).toBe('Accept-Encoding');
  });

  it('gives each representation a strong ETag that is the hash of its exact bytes', async () => {
    const url = `${server.url}/regions/kazakhstan.atom`;
    const identity = await rawRequest(url);
    const gzip = await rawRequest(url, { 'Accept-Encoding': 'gzip, deflate, br' });
    const deflate = await rawRequest(url, { 'Accept-Encoding': 'deflate' });
    const brotli = await rawRequest(url, { 'Accept-Encoding': 'br' });
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(deflate.headers['content-encoding']).toBe('deflate');
    // Brotli is not in the Web-standard CompressionStream on Node 20: identity it is.
    expect(brotli.headers['content-encoding']).toBeUndefined();
    expect(gunzipSync(gzip.body)).toEqual(identity.body);
    expect(inflateSync(deflate.body)).toEqual(identity.body);
    expect(gzip.body.length).toBeLessThan(identity.body.length / 3);
    for (const response of [identity, gzip, deflate]) expect(response.headers.etag).toBe(etagOf(response.body));
    expect(new Set([identity, gzip, deflate].map((r) => r.headers.etag)).size).toBe(3);
    // Same bytes, same ETag; other bytes (another limit), another ETag.
    expect((await rawRequest(url)).headers.etag).toBe(identity.headers.etag);
    const fewer = await rawRequest(`${url}?limit=1`);
    expect(fewer.body).not.toEqual(identity.body);
    expect(fewer.headers.etag).not.toBe(identity.headers.etag);
  });

  it('answers conditional requests: If-None-Match wins, 304 has no body and keeps the validators', async () => {
    const url = `${server.url}/topics/aviation.rss`;
    const first = await rawRequest(url, { 'Accept-Encoding': 'gzip' });
    const { etag } = first.headers;
    const lastModified = first.headers['last-modified']!;
    expect(first.headers['cache-control']).toBe('public, max-age=300, stale-while-revalidate=600');
    expect(Date.parse(lastModified)).toBeGreaterThan(0);

    const notModified = await rawRequest(url, { 'Accept-Encoding': 'gzip', 'If-None-Match': etag! });
    expect(notModified.status).toBe(304);
    expect(notModified.body.length).toBe(0);
    for (const name of ['etag', 'last-modified', 'cache-control', 'vary']) expect(notModified.headers[name], name).toBe(first.headers[name]);
    expect(notModified.headers['access-control-allow-origin']).toBe('*');

    // Weak comparison, lists, and another representation's tag.
    expect((await rawRequest(url, { 'Accept-Encoding': 'gzip', 'If-None-Match': `"x", W/${etag}` })).status).toBe(304);
    expect((await rawRequest(url, { 'If-None-Match': etag! })).status).toBe(200);
    // If-None-Match wins over If-Modified-Since, either way round.
    const future = 'Fri, 01 Jan 2100 00:00:00 GMT';
    expect((await rawRequest(url, { 'If-None-Match': '"other"', 'If-Modified-Since': future })).status).toBe(200);
    expect((await rawRequest(url, { 'Accept-Encoding': 'gzip', 'If-None-Match': etag!, 'If-Modified-Since': 'Thu, 01 Jan 1970 00:00:00 GMT' })).status).toBe(304);
    // If-Modified-Since alone: Last-Modified is the newest item change.
    expect((await rawRequest(url, { 'If-Modified-Since': lastModified })).status).toBe(304);
    expect((await rawRequest(url, { 'If-Modified-Since': new Date(Date.parse(lastModified) - 1000).toUTCString() })).status).toBe(200);
  });

  it.skipIf(!readers.feedparser)(`lets feedparser revalidate with the ETag it was given${readers.feedparser ? '' : ' (skipped: python3-feedparser not installed)'}`, async () => {
    const url = `${server.url}/regions/central-asia.atom`;
    const first = (await parseWithFeedparser([url]))[url]!;
    expect(first.status).toBe(200);
    expect(first.etag).toMatch(/^"[0-9a-f]{32}"$/);
    const script = `import feedparser; d = feedparser.parse(${JSON.stringify(url)}, etag=${JSON.stringify(first.etag)}); print(d.status, len(d.entries))`;
    expect(execFileSync('/usr/bin/python3', ['-c', script], { encoding: 'utf8' }).trim()).toBe('304 0');
  });

  it('allows any origin on feeds, the catalog and the JSON API, and answers CORS preflights', async () => {
    for (const path of ['/feed.json', '/feed.atom', '/feeds', '/items', '/feeds.opml', '/']) {
      const response = await rawRequest(`${server.url}${path}`, { Origin: 'https://reader.example' });
      expect(response.headers['access-control-allow-origin'], path).toBe('*');
    }
    const preflight = await rawRequest(`${server.url}/feed.json`, {
      Origin: 'https://reader.example', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'If-None-Match',
    }, 'OPTIONS');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    expect(preflight.headers['access-control-allow-methods']).toContain('GET');
    const exposed = (await rawRequest(`${server.url}/feed.json`, { Origin: 'https://reader.example' })).headers['access-control-expose-headers'];
    expect(exposed).toMatch(/ETag/i);
  });

  it('compresses the JSON API and the OPML when asked', async () => {
    for (const path of ['/items?limit=50', '/feeds', '/feeds.opml']) {
      const response = await rawRequest(`${server.url}${path}`, { 'Accept-Encoding': 'gzip' });
      expect(response.headers['content-encoding'], path).toBe('gzip');
      expect(gunzipSync(response.body).length).toBeGreaterThan(response.body.length);
    }
  });

  it('serves an empty feed (no item matches) as a valid feed in every format', async () => {
    const urls = formats.map((f) => `${server.url}/feed.${f}?q=zzzz`);
    const bodies = await Promise.all(urls.map(async (url) => (await rawRequest(url)).body.toString('utf8')));
    expect(JSON.parse(bodies[2]!).items).toEqual([]);
    expect(all(parseXml(bodies[1]!), 'entry')).toHaveLength(0);
    expect(all(one(parseXml(bodies[0]!), 'channel'), 'item')).toHaveLength(0);
    if (readers.feedparser) {
      const parsed = await parseWithFeedparser(urls.slice(0, 2));
      for (const url of urls.slice(0, 2)) {
        expect(parsed[url]!.bozo, `${url}: ${parsed[url]!.bozoException}`).toBe(0);
        expect(parsed[url]!.entries).toEqual([]);
      }
    }
  });

  it('states the public URL behind a proxy (X-Forwarded-Proto and -Host) as the self link in every format', async () => {
    for (const format of formats) {
      const response = await rawRequest(`${server.url}/regions/kz.${format}?limit=5&q=Aktau`, {
        'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'feeds.example.org',
      });
      expect(response.status).toBe(200);
      expect(selfLinks(response.body.toString('utf8'), format)).toEqual([`https://feeds.example.org/regions/kz.${format}?limit=5&q=Aktau`]);
    }
  });

  it('refuses unknown formats and feeds with JSON errors', async () => {
    expect((await rawRequest(`${server.url}/feed.xml`)).status).toBe(400);
    expect((await rawRequest(`${server.url}/topics/nope.rss`)).status).toBe(404);
  });
});

describe('WebSub: with WEBSUB_HUB set, every format advertises the hub', () => {
  let server: RunningServer;
  const hub = 'https://hub.example.org/';
  beforeAll(async () => {
    server = await startServerWithHostilePages({ WEBSUB_HUB: hub });
  });
  afterAll(async () => {
    expect(await server?.stop()).toBe(0);
  });

  it('in the document and in Link headers', async () => {
    for (const format of formats) {
      const url = `${server.url}/topics/aviation.${format}`;
      const response = await rawRequest(url);
      expect(hubLinks(response.body.toString('utf8'), format), format).toEqual([hub]);
      expect(response.headers.link).toBe(`<${hub}>; rel="hub", <${url}>; rel="self"`);
    }
    if (readers.feedparser) {
      const urls = ['rss', 'atom'].map((f) => `${server.url}/topics/aviation.${f}`);
      const parsed = await parseWithFeedparser(urls);
      for (const url of urls) expect(parsed[url]!.hubLinks).toEqual([hub]);
    }
  });
});
