import { describe, expect, it } from 'vitest';
import { fetchFeed, parseRetryAfter } from '../../../src/ingest/upstream/fetchFeed.js';
import { runLimited } from '../../../src/ingest/upstream/runLimited.js';

const now = new Date('2024-06-01T12:00:00.000Z');
const limits = { timeoutMs: 1000, maxBytes: 100, maxRedirects: 5 };
const request = { url: 'https://feed.example/rss', etag: null, lastModified: null, allowPrivate: false };

function fakeFetch(responses: Record<string, () => Response>, seen: string[] = []): typeof fetch {
  return async (input) => {
    const url = String(input);
    seen.push(url);
    const make = responses[url];
    if (!make) throw new TypeError('fetch failed', { cause: { code: 'ENOTFOUND' } });
    return make();
  };
}

const options = (fetchFn: typeof fetch) => ({ fetch: fetchFn, userAgent: 'Caravan/test', now: () => now, limits });

describe('fetchFeed', () => {
  it('parses Retry-After seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', now)?.toISOString()).toBe('2024-06-01T12:02:00.000Z');
    expect(parseRetryAfter(' Sat, 01 Jun 2024 15:00:00 GMT ', now)?.toISOString()).toBe('2024-06-01T15:00:00.000Z');
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });

  it('follows relative redirects and reports the final URL', async () => {
    const seen: string[] = [];
    const fetch = fakeFetch({
      'https://feed.example/rss': () => new Response(null, { status: 301, headers: { location: '/v2/rss' } }),
      'https://feed.example/v2/rss': () => new Response('<rss/>', { headers: { 'content-type': 'text/xml', etag: '"e"' } }),
    }, seen);
    const result = await fetchFeed(request, options(fetch));
    expect(result).toMatchObject({ status: 'ok', url: 'https://feed.example/v2/rss', etag: '"e"', lastModified: null, contentType: 'text/xml' });
    expect(seen).toEqual(['https://feed.example/rss', 'https://feed.example/v2/rss']);
  });

  it.each([
    [() => new Response(null, { status: 302, headers: { location: 'javascript:alert(1)' } }), 'fetch: refusing javascript: URL (only http and https)'],
    [() => new Response(null, { status: 302, headers: { location: 'http://169.254.169.254/latest/meta-data' } }), 'fetch: refusing private address 169.254.169.254'],
    [() => new Response(null, { status: 302, headers: { location: 'http://[::1]/' } }), 'fetch: refusing private address [::1]'],
    [() => new Response(null, { status: 300 }), 'fetch: HTTP 300'],
    [() => new Response('x'.repeat(101)), 'fetch: response larger than 100 bytes'],
    [() => new Response('<rss/>', { headers: { 'content-length': '5000000' } }), 'fetch: response larger than 100 bytes'],
    [() => new Response(null, { status: 410 }), 'fetch: HTTP 410'],
  ])('refuses %#', async (make, message) => {
    await expect(fetchFeed(request, options(fakeFetch({ 'https://feed.example/rss': make })))).rejects.toMatchObject({ name: 'UpstreamError', message: message });
  });

  it('reports network errors and refuses bad source URLs', async () => {
    await expect(fetchFeed({ ...request, url: 'https://nowhere.example/' }, options(fakeFetch({})))).rejects.toMatchObject({ name: 'UpstreamError', message: 'fetch: network error (ENOTFOUND)' });
    await expect(fetchFeed({ ...request, url: 'ftp://feed.example/' }, options(fakeFetch({})))).rejects.toMatchObject({ name: 'UpstreamError', message: 'fetch: refusing ftp: URL (only http and https)' });
    await expect(fetchFeed({ ...request, url: 'http://localhost/' }, options(fakeFetch({})))).rejects.toMatchObject({ name: 'UpstreamError', message: 'fetch: refusing private address localhost' });
  });

  it('sends validators and returns unchanged on 304, keeping validators the 304 does not repeat', async () => {
    let headers: Headers | undefined;
    const fakeNotModified: typeof fetch = async (_input, init) => {
      headers = new Headers(init?.headers);
      return new Response(null, { status: 304, headers: { etag: '"new"' } });
    };
    const result = await fetchFeed({ ...request, etag: '"old"', lastModified: 'Tue, 05 Mar 2024 12:00:00 GMT' }, options(fakeNotModified));
    expect(result).toEqual({ status: 'unchanged', etag: '"new"', lastModified: 'Tue, 05 Mar 2024 12:00:00 GMT' });
    expect([headers?.get('if-none-match'), headers?.get('if-modified-since'), headers?.get('user-agent')]).toEqual(['"old"', 'Tue, 05 Mar 2024 12:00:00 GMT', 'Caravan/test']);
  });
});

describe('runLimited', () => {
  it('keeps input order and respects both limits', async () => {
    let active = 0;
    let maxActive = 0;
    const perKey = new Map<string, number>();
    let maxPerKey = 0;
    const tasks = Array.from({ length: 30 }, (_, i) => ({
      key: `k${i % 3}`,
      run: async () => {
        active++;
        perKey.set(`k${i % 3}`, (perKey.get(`k${i % 3}`) ?? 0) + 1);
        maxActive = Math.max(maxActive, active);
        maxPerKey = Math.max(maxPerKey, ...perKey.values());
        await new Promise((r) => setTimeout(r, 2 + (i % 4)));
        active--;
        perKey.set(`k${i % 3}`, perKey.get(`k${i % 3}`)! - 1);
        return i;
      },
    }));
    expect(await runLimited(tasks, 5, 2)).toEqual(Array.from({ length: 30 }, (_, i) => i));
    expect([maxActive, maxPerKey]).toEqual([5, 2]);
    expect(await runLimited([], 5, 2)).toEqual([]);
  });
});
