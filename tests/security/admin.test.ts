/**
 * The admin surface through `createApp(...).request`: off without a token, then body limit →
 * rate limit → bearer token (constant-time) → the two routes; every refusal a JSON body.
 */
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { matchesSecret, type AdminDeps } from '../../src/http/admin.js';
import type { AppDeps } from '../../src/http/appDeps.js';
import { memoryPages } from '../../src/ingest/pageReader.js';
import { runIngestion } from '../../src/ingest/run.js';
import { memoryLog } from '../../src/log.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { IngestRun } from '../../src/store/store.js';
import { realConfigData, seedPages } from '../helpers/configData.js';

const data = realConfigData();
const token = 'correct-horse-battery-staple-0123456789';

async function makeApp(options: { adminToken?: string | null; ingest?: AppDeps['ingest'] | null; clientKey?: AdminDeps['clientKey']; now?: () => Date } = {}) {
  const store = await openSqliteStore(':memory:');
  const ingestDeps = {
    store, taxonomy: data.taxonomy, sources: data.sources, pages: memoryPages(seedPages()),
    fetch: globalThis.fetch, now: () => new Date('2025-03-01T00:00:00Z'), log: memoryLog(), userAgent: 'test',
  };
  const log = memoryLog();
  const deps: AppDeps & AdminDeps = {
    store, taxonomy: data.taxonomy, curated: data.curated, log, now: options.now ?? (() => new Date()),
    config: { baseUrl: null, cacheMaxAge: 300, websubHub: null, adminToken: options.adminToken === undefined ? token : options.adminToken },
    ...(options.ingest === null ? {} : { ingest: options.ingest ?? (() => runIngestion(ingestDeps)) }),
    ...(options.clientKey ? { clientKey: options.clientKey } : {}),
  };
  const app = createApp(deps);
  const request = (path: string, init: RequestInit = {}) => app.request(`http://caravan.test${path}`, init);
  return { app, request, log, store };
}

const bearer = (value = token) => ({ Authorization: `Bearer ${value}` });

describe('admin routes without ADMIN_TOKEN', () => {
  it('do not exist: 404 JSON, whatever the headers', async () => {
    for (const adminToken of [null, '']) {
      const { request } = await makeApp({ adminToken });
      for (const [method, path] of [['POST', '/admin/ingest'], ['GET', '/admin/sources'], ['GET', '/admin'], ['GET', '/admin/']]) {
        const response = await request(path, { method, headers: bearer() });
        expect(response.status, `${method} ${path}`).toBe(404);
        expect((await response.json()).error).toMatch(/no such endpoint/);
      }
    }
  });
});

describe('admin authentication', () => {
  it('401 with WWW-Authenticate: Bearer for a missing or malformed header, JSON with a clear message', async () => {
    const { request } = await makeApp();
    const cases: [Record<string, string>, RegExp][] = [
      [{}, /^admin routes need an Authorization: Bearer <ADMIN_TOKEN> header$/],
      [{ Authorization: '' }, /need an Authorization/],
      [{ Authorization: `Basic ${btoa(`admin:${token}`)}` }, /must be "Bearer <ADMIN_TOKEN>"/],
      [{ Authorization: 'Bearer' }, /must be "Bearer/],
      [{ Authorization: 'Bearer   ' }, /must be "Bearer/],
      [{ Authorization: `Bearer ${token} extra` }, /must be "Bearer/],
      [{ Authorization: `Bearer ${'x'.repeat(5000)}` }, /must be "Bearer/],
      [{ Authorization: `Token ${token}` }, /must be "Bearer/],
    ];
    for (const [headers, message] of cases) {
      const response = await request('/admin/sources', { headers });
      expect(response.status, JSON.stringify(headers).slice(0, 80)).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer realm="caravan-admin"/);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect((await response.json()).error).toMatch(message);
    }
  });

  it('403 JSON for a wrong token, including prefixes, suffixes and case changes of the right one', async () => {
    const { request, log } = await makeApp({ clientKey: () => `client-${Math.random()}` });
    for (const wrong of ['nope', token.slice(0, -1), `${token}x`, token.toUpperCase(), token.slice(1)]) {
      const response = await request('/admin/sources', { headers: bearer(wrong) });
      expect(response.status, wrong).toBe(403);
      expect(await response.json()).toEqual({ error: 'the admin token is wrong' });
    }
    expect(log.lines.join('\n')).toMatch(/WARN admin: wrong token/);
    expect(log.lines.join('\n')).not.toContain(token);
  });

  it('accepts the scheme in any case, and GET /admin/sources gives every source state', async () => {
    const { request } = await makeApp();
    await request('/admin/ingest', { method: 'POST', headers: bearer() });
    const response = await request('/admin/sources', { headers: { Authorization: `bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await response.json();
    expect(body.count).toBe(5);
    expect(body.sources[0]).toMatchObject({ id: expect.stringMatching(/^page:seed\//), kind: 'page', lastError: null, consecutiveFailures: 0 });
  });

  it('compares secrets by digest: equal only when equal', async () => {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode('s3cret')));
    expect(await matchesSecret('s3cret', digest)).toBe(true);
    for (const other of ['', 's3cre', 's3cret ', 'S3cret', 's3cret\0']) expect(await matchesSecret(other, digest)).toBe(false);
  });
});

describe('POST /admin/ingest', () => {
  it('runs an ingestion and returns its summary', async () => {
    const { request, store } = await makeApp();
    const response = await request('/admin/ingest', { method: 'POST', headers: bearer() });
    expect(response.status).toBe(200);
    const run = await response.json();
    expect(run).toMatchObject({ status: 'ok', pagesRead: 5, inserted: 20, error: null });
    expect(run.sources).toHaveLength(5);
    expect(await store.lastRun()).toEqual(run);
  });

  it('409 JSON, saying so, when an ingestion is already running', async () => {
    let release!: (run: IngestRun | null) => void;
    let running = false;
    const ingest = () => {
      if (running) return Promise.resolve(null);
      running = true;
      return new Promise<IngestRun | null>((resolve) => (release = resolve));
    };
    const { request } = await makeApp({ ingest, clientKey: () => `c${Math.random()}` });
    const first = request('/admin/ingest', { method: 'POST', headers: bearer() });
    await new Promise((r) => setTimeout(r, 10));
    const second = await request('/admin/ingest', { method: 'POST', headers: bearer() });
    expect(second.status).toBe(409);
    expect(second.headers.get('retry-after')).toBe('30');
    expect((await second.json()).error).toBe(
      'an ingestion is already running; this request did not start another. Try again when it has finished (see lastRun on /healthz)',
    );
    release(null);
    expect((await first).status).toBe(409);
  });

  it('501 where the door cannot ingest on request; 405 with Allow for other methods', async () => {
    const { request } = await makeApp({ ingest: null });
    const response = await request('/admin/ingest', { method: 'POST', headers: bearer() });
    expect(response.status).toBe(501);
    expect((await response.json()).error).toMatch(/cannot run an ingestion on request/);
    const get = await request('/admin/ingest', { headers: bearer() });
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    const del = await request('/admin/sources', { method: 'DELETE', headers: bearer() });
    expect(del.status).toBe(405);
    expect((await del.json()).error).toBe('use GET /admin/sources');
  });

  it('unknown admin paths are refused before they are found: 401 without a token, 404 with it', async () => {
    const { request } = await makeApp();
    expect((await request('/admin/secret-thing')).status).toBe(401);
    expect((await request('/admin/secret-thing', { headers: bearer() })).status).toBe(404);
  });
});

describe('admin request limits', () => {
  it('413 JSON for a body over 16 KB, declared or streamed, before the token is even checked', async () => {
    const { request } = await makeApp();
    const big = 'x'.repeat(16 * 1024 + 1);
    const declared = await request('/admin/ingest', { method: 'POST', body: big, headers: { ...bearer(), 'Content-Length': String(big.length) } });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toEqual({ error: 'request body larger than 16 KB' });
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode('y'.repeat(1024)));
        controller.close();
      },
    });
    const streamed = await request('/admin/ingest', { method: 'POST', body: stream, headers: { 'Transfer-Encoding': 'chunked' }, duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
    const small = await request('/admin/ingest', { method: 'POST', body: 'ok', headers: bearer() });
    expect(small.status).toBe(200);
  });

  it('10 admin requests a minute per client, then 429 JSON with Retry-After; other clients unaffected', async () => {
    let now = Date.parse('2025-03-01T00:00:00Z');
    let client = 'a';
    const { request, log } = await makeApp({ now: () => new Date(now), clientKey: () => client });
    for (let i = 0; i < 10; i++) expect((await request('/admin/sources', { headers: bearer('wrong') })).status).toBe(403);
    const limited = await request('/admin/sources', { headers: bearer() });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
    expect((await limited.json()).error).toBe('too many admin requests from this client (at most 10 requests per 60 s); retry in 60 s');
    expect(log.lines.join('\n')).toMatch(/WARN admin: rate limited client=a/);
    now += 30_000;
    expect((await request('/admin/sources', { headers: bearer() })).headers.get('retry-after')).toBe('30');
    client = 'b';
    expect((await request('/admin/sources', { headers: bearer() })).status).toBe(200);
    client = 'a';
    now += 30_000;
    expect((await request('/admin/sources', { headers: bearer() })).status).toBe(200);
  });

  it('without a clientKey dep the key is CF-Connecting-IP (Workers), so each address has its own budget', async () => {
    const { request } = await makeApp();
    for (let i = 0; i < 10; i++) await request('/admin/sources', { headers: { ...bearer(), 'CF-Connecting-IP': '203.0.113.1' } });
    expect((await request('/admin/sources', { headers: { ...bearer(), 'CF-Connecting-IP': '203.0.113.1' } })).status).toBe(429);
    expect((await request('/admin/sources', { headers: { ...bearer(), 'CF-Connecting-IP': '203.0.113.2' } })).status).toBe(200);
  });

  it('leaves the public routes alone: no limit, no token', async () => {
    const { request } = await makeApp({ clientKey: () => 'same' });
    for (let i = 0; i < 15; i++) expect((await request('/healthz')).status).toBe(200);
  });
});

describe('ADMIN_TOKEN setting', () => {
  it('is off when unset or empty, and refuses a guessable or unusable token without repeating it', async () => {
    const { parseConfig } = await import('../../src/config.js');
    expect(parseConfig({}).adminToken).toBeNull();
    expect(parseConfig({ ADMIN_TOKEN: '  ' }).adminToken).toBeNull();
    expect(parseConfig({ ADMIN_TOKEN: ` ${token} ` }).adminToken).toBe(token);
    for (const bad of ['short', 'has a space in it ok', 'nön-ascii-töken-0123456789']) {
      expect(() => parseConfig({ ADMIN_TOKEN: bad })).toThrow(/^ADMIN_TOKEN must be at least 16 printable ASCII characters without spaces/);
      try {
        parseConfig({ ADMIN_TOKEN: bad });
      } catch (error) {
        expect((error as Error).message).not.toContain(bad);
      }
    }
  });
});
