/**
 * HTTP fuzzing. Through `app.request`: random paths, query strings, headers and methods on every
 * route give no 5xx, and every error is JSON with a clear message. Over real HTTP: hand-made raw
 * requests (NUL bytes, overlong UTF-8, huge headers, broken request lines) never take the
 * process down.
 */
import net from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { memoryPages } from '../../src/ingest/pageReader.js';
import { runIngestion } from '../../src/ingest/run.js';
import { memoryLog } from '../../src/log.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { realConfigData, seedPages } from '../helpers/configData.js';
import { startServer, type RunningServer } from '../helpers/startServer.js';

const data = realConfigData();
const log = memoryLog();
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  const store = await openSqliteStore(':memory:');
  await runIngestion({
    store, taxonomy: data.taxonomy, sources: data.sources, pages: memoryPages(seedPages()),
    fetch: globalThis.fetch, now: () => new Date('2025-03-01T00:00:00Z'), log: memoryLog(), userAgent: 'test',
  });
  app = createApp({
    store, taxonomy: data.taxonomy, curated: data.curated, log, now: () => new Date(),
    config: { baseUrl: null, cacheMaxAge: 300, websubHub: null, adminToken: 'fuzz-token-0123456789' },
    ingest: async () => null,
  });
});

// Pieces a hostile client would try.
const nasty = [
  '..', '%2e%2e', '%2E%2E%2F', '..%2F..%2Fetc%2Fpasswd', '%ZZ', '%', '%0', '%00', 'a%00.json', '%C0%AE%C0%AE', '%E0%80%AF', '%C0%80',
  '%FF%FE', '%ED%A0%80', '%F4%90%80%80', 'kazakhstan', 'kz', 'aviation', 'central-asia', 'feed', 'x.json', 'x.atom', 'x.rss', '.json',
  'kazakhstan.json', 'kazakhstan.atom', 'aviation.rss', 'kazakhstan.xyz', 'kazakhstan.', '.', '', 'a'.repeat(3000), '%20', '+', ';', '%3B',
  '%2F', '\\', '%5C', '<script>', '%3Cscript%3E', '\u0000', 'é', '%C3%A9', '\u{1F600}', '%F0%9F%98%80', 'CON', 'index.html', '*', '?',
];
const prefixes = [
  '/', '/feed', '/feed.', '/topics/', '/regions/', '/regions/kazakhstan/topics/', '/regions/%ZZ/topics/', '/feeds/', '/feeds', '/feeds.opml',
  '/items', '/items/', '/healthz', '/topics', '/regions', '/admin/', '/admin/ingest', '/admin/sources', '//', '/.well-known/',
];
const paramNames = ['limit', 'since', 'q', 'cursor', 'topic', 'region', 'format', 'LIMIT', 'q[]', '', '%00', 'limit%00'];
const paramValues = [
  '1e309', '-1', '0', '1', '100', '101', '99999999999999999999', 'NaN', 'Infinity', '0x10', ' 5', '5 ', '1.5', '', '%ZZ', '%00',
  '0000-00-00', '2025-02-30', '2025-01-22', '2025-01-22T10:00:00Z', '9999-12-31T23:59:59Z', '+275760-09-13', '1969-12-31', '2025-13-01',
  '"', '*', 'NEAR(a b)', 'a OR b', 'title:x', '^a', '{a b}', 'a AND NOT b', '(((', '"unterminated', "'; DROP TABLE items; --",
  'kazakhstan', 'kazakh*', 'x'.repeat(250), 'a'.repeat(64) + 'b', 'eyJ4Ijp9', 'WyJhIiwiYiJd', '!!!', '%C0%AE',
];
const headerValues: Record<string, string[]> = {
  'If-None-Match': ['*', '"x"', 'W/"x"', '"'.repeat(3000), `"${'a'.repeat(60_000)}"`, 'garbage, , ,', '\u00ff'],
  'If-Modified-Since': ['yesterday', 'Thu, 01 Jan 1970 00:00:00 GMT', 'Sat, 31 Dec 9999 23:59:59 GMT', '0', '-1', 'Mon, 32 Foo 2025'],
  Accept: ['', ';;;', '*/*;q=abc', 'application/atom+xml;q=1e309', 'application/feed+json;q=-1', 'text/*, */*;q=0', 'a/b'.repeat(2000), '\u00ff'],
  'Accept-Encoding': ['gzip;q=NaN', 'br, *;q=0', 'identity;q=0', 'deflate;q=1e309, gzip', '*', ',,,', 'x'.repeat(5000)],
  'X-Forwarded-Host': ['evil.example', 'evil.example/<script>', 'a b', '[::1]:80', 'x'.repeat(500), '\u00ff'],
  'X-Forwarded-Proto': ['javascript', 'https', 'ftp', 'http, https', ''],
  Authorization: ['Bearer fuzz-token-0123456789', 'Bearer wrong', 'Bearer', 'Basic x', 'x'.repeat(5000)],
  'Content-Type': ['application/json', 'multipart/form-data; boundary=x', 'x'],
  Origin: ['null', 'https://evil.example'],
};

const segment = fc.oneof(fc.constantFrom(...nasty), fc.string({ maxLength: 20 }).map(encodeURIComponent), fc.string({ unit: 'binary', maxLength: 8 }));
const path = fc.tuple(fc.constantFrom(...prefixes), fc.array(segment, { maxLength: 3 }), fc.constantFrom('', '.json', '.atom', '.rss', '.opml', '/'))
  .map(([prefix, segments, suffix]) => prefix + segments.join('/') + suffix);
const query = fc.array(
  fc.tuple(fc.constantFrom(...paramNames), fc.oneof(fc.constantFrom(...paramValues), fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 10 }))),
  { maxLength: 5 },
).map((pairs) => pairs.map(([k, v]) => `${k}=${/%|^\+/.test(v) ? v : encodeURIComponent(v)}`).join('&'));
const headers = fc.dictionary(fc.constantFrom(...Object.keys(headerValues)), fc.string({ maxLength: 40 }), { maxKeys: 4 }).chain((picked) =>
  fc.tuple(...Object.keys(picked).map((name) => fc.constantFrom(...headerValues[name]).map((value) => [name, value] as const))),
);
const method = fc.constantFrom('GET', 'GET', 'GET', 'HEAD', 'POST', 'OPTIONS', 'PUT', 'DELETE', 'PATCH');

/** A header value a Headers object accepts (the fetch API refuses some; a real server would see them). */
const safeHeaders = (pairs: readonly (readonly [string, string])[]): [string, string][] =>
  pairs.filter(([, v]) => !/[\0\r\n]/.test(v) && [...v].every((ch) => ch.charCodeAt(0) <= 0xff)).map(([k, v]) => [k, v]);

/** The body as a client reads it: decoded from gzip / deflate / br when the server compressed it. */
async function bodyText(response: Response): Promise<string> {
  const coding = response.headers.get('content-encoding');
  if (!coding || !response.body) return response.text();
  if (coding === 'br') {
    const { brotliDecompressSync } = await import('node:zlib');
    return brotliDecompressSync(Buffer.from(await response.arrayBuffer())).toString('utf8');
  }
  return new Response(response.body.pipeThrough(new DecompressionStream(coding as CompressionFormat))).text();
}

describe('every route through app.request, fuzzed', () => {
  it('never answers 5xx; every error is JSON with a clear message', async () => {
    await fc.assert(
      fc.asyncProperty(method, path, query, headers, async (verb, p, q, h) => {
        let url: string;
        try {
          url = new URL(`http://caravan.test${p}${q ? `?${q}` : ''}`).href;
        } catch {
          return; // not a URL any client could send
        }
        const response = await app.request(url, { method: verb, headers: safeHeaders(h) });
        const label = `${verb} ${url.slice(0, 300)} ${JSON.stringify(h).slice(0, 200)}`;
        expect(response.status, label).toBeLessThan(500);
        if (response.status >= 400 && verb !== 'HEAD') {
          expect(response.headers.get('content-type'), label).toMatch(/^application\/json/);
          const body = JSON.parse(await bodyText(response));
          expect(typeof body.error, label).toBe('string');
          expect(body.error.length, label).toBeGreaterThan(5);
          // It may quote the input (some 404s quote the whole slug), but nothing unbounded beyond that.
          expect(body.error.length, label).toBeLessThan(url.length + 2000);
        } else if (verb !== 'HEAD') {
          await bodyText(response);
        }
      }),
      { numRuns: 600 },
    );
    expect(log.lines.filter((l) => l.includes('http: unhandled error'))).toEqual([]);
  }, 60_000);

  it('answers the classic hostile requests with a 4xx JSON', async () => {
    const cases: [string, number, RegExp][] = [
      ['/feed.json?limit=1e309', 400, /limit must be a whole number from 1 to 100/],
      ['/items?limit=1e309', 400, /limit must be/],
      ['/feed.json?since=0000-00-00', 400, /since must be an ISO 8601 date/],
      ['/feed.json?limit=5&limit=6', 400, /limit is given more than once/],
      ['/regions/%ZZ.json', 400, /malformed percent-encoding/],
      ['/regions/%2e%2e%2f%2e%2e%2fetc%2fpasswd.json', 404, /unknown region/],
      ['/topics/%00.json', 404, /unknown topic/],
      ['/topics/%C0%AE%C0%AE.json', 400, /malformed percent-encoding/],
      ['/items/..%2F..%2Fetc%2Fpasswd', 404, /no item with id/],
      ['/items?q=%22%29%20OR%201%3D1%20--', 200, /./],
      ['/feed.xyz', 400, /unknown feed format/],
      ['/nowhere/%00', 404, /no such endpoint/],
    ];
    for (const [url, status, message] of cases) {
      const response = await app.request(`http://caravan.test${url}`);
      expect(response.status, url).toBe(status);
      const body = await response.json();
      if (status >= 400) expect(body.error, url).toMatch(message);
    }
  });
});

/** One raw HTTP/1.1 exchange over a socket: the status code, or null when the server just closed. */
function raw(url: string, request: Buffer | string): Promise<number | null> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname);
    let reply = '';
    socket.setTimeout(5_000, () => socket.destroy());
    socket.on('data', (chunk) => (reply += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(reply);
      resolve(match ? Number(match[1]) : null);
    });
    socket.write(request); // no half-close: the server answers and closes (Connection: close or an error)
  });
}

describe('the real server over HTTP', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ ADMIN_TOKEN: 'raw-token-0123456789' });
  });
  afterAll(async () => {
    expect(await server.stop()).toBe(0);
  });

  it('stays up through malformed raw requests, answering each with a 4xx or closing', async () => {
    const host = new URL(server.url).host;
    const line = (target: string | Buffer, extra = '') =>
      Buffer.concat([Buffer.from('GET '), Buffer.isBuffer(target) ? target : Buffer.from(target, 'latin1'), Buffer.from(` HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n${extra}\r\n`)]);
    const requests: Buffer[] = [
      line('/feed.json?limit=1e309'),
      line('/items?since=0000-00-00&q=%00'),
      line('/regions/%ZZ.json'),
      line(Buffer.from([0x2f, 0xc0, 0xae, 0xc0, 0xae, 0x2f, 0x65, 0x74, 0x63])), // overlong UTF-8 "/../etc"
      line(Buffer.from([0x2f, 0x74, 0x6f, 0x70, 0x69, 0x63, 0x73, 0x2f, 0xff, 0xfe, 0x2e, 0x6a, 0x73, 0x6f, 0x6e])), // raw invalid bytes
      line('/feed\0.json'),
      line('/../../etc/passwd'),
      line('/feed.atom', `If-None-Match: "${'a'.repeat(20_000)}"\r\n`), // past Node's 16 KB header limit: 431
      line('/feed.atom', `Accept: ${'a/b,'.repeat(3000)}\r\n`),
      line('/feed.atom', 'X-Bad: \x01\x02\r\n'),
      line('/feed.atom', 'Content-Length: -1\r\n'),
      line('/feed.atom', 'Transfer-Encoding: chunked\r\nContent-Length: 5\r\n'),
      line('/admin/ingest', 'Authorization: Bearer \xff\xfe\r\n'),
      Buffer.from(`POST /admin/ingest HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 100000\r\nAuthorization: Bearer raw-token-0123456789\r\nConnection: close\r\n\r\n${'x'.repeat(100_000)}`),
      Buffer.from('GARBAGE\r\n\r\n'),
      Buffer.from(`GET /feed.json HTTP/9.9\r\nHost: ${host}\r\n\r\n`),
      Buffer.from(`GET ${'/a'.repeat(20_000)} HTTP/1.1\r\nHost: ${host}\r\n\r\n`),
    ];
    const statuses: (number | null)[] = [];
    for (const request of requests) {
      const status = await raw(server.url, request);
      const label = request.toString('latin1').slice(0, 80);
      statuses.push(status);
      // A 200 only for the valid requests among them (a long Accept is still a valid Accept).
      if (status !== null && status !== 200) {
        expect(status, label).toBeGreaterThanOrEqual(400);
        expect(status, label).toBeLessThan(500);
      }
    }
    expect(statuses).toEqual([400, 400, 400, 400, 400, 400, 404, 431, 200, 400, 400, 400, 401, 413, 400, 400, 431]);
    // Still up, still serving, nothing unhandled in the log.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${server.url}/feed.json?limit=1`)).status).toBe(200);
    expect(server.process.exitCode).toBeNull();
    expect(server.output()).not.toMatch(/http: unhandled error|Unhandled|uncaught/i);
  }, 30_000);
});
