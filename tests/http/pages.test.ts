import { beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { titleKey } from '../../src/ingest/titleKey.js';
import { makeItem } from '../helpers/makeItem.js';
import { seededApp } from '../helpers/seededApp.js';

const html = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
const hostileTitle = `Tom & Jerry <script>alert("x")</script> it's 1 < 2 > 0 &amp;`;

/** Headings in document order, by level. */
const headingLevels = (page: string) => [...page.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
function expectWellFormedPage(page: string): void {
  expect(page.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
  // The charset is declared in the first 1024 bytes (HTML's rule for the encoding sniffer).
  expect(page.slice(0, 1024)).toContain('<meta charset="utf-8">');
  expect(page).not.toMatch(/<script/i);
  const levels = headingLevels(page);
  expect(levels[0]).toBe(1);
  expect(levels.filter((l) => l === 1)).toHaveLength(1);
  for (let i = 1; i < levels.length; i++) expect(levels[i]!).toBeLessThanOrEqual(levels[i - 1]! + 1);
}

describe('front page, article pages, icons', () => {
  let app: Hono;
  let get: (path: string, headers?: Record<string, string>) => Promise<Response>;
  const hostileId = 'abcdef0123456789abcdef0123456789';
  const russianId = 'fedcba9876543210fedcba9876543210';

  beforeAll(async () => {
    const seeded = await seededApp();
    app = seeded.app;
    get = async (path, headers = {}) => app.request(`http://caravan.test${path}`, { headers });
    await seeded.store.upsertItems([
      {
        item: makeItem({
          id: hostileId, title: hostileTitle, contentText: 'First <b>para</b> & "quotes".\n\nSecond \'para\'.', summary: 'First <b>para</b>',
          source: 'Outlet <&> "Wire"', authors: ['A <b>', 'B & C'], topics: ['aviation'], regions: ['kazakhstan', 'central-asia'], partial: true,
        }),
        titleKey: titleKey(hostileTitle),
      },
      {
        item: makeItem({ id: russianId, title: 'Новости', published: '2025-01-22T10:00:00Z', language: 'ru', url: 'https://example.com/ru?a=1&b=2' }),
        titleKey: titleKey('Новости'),
      },
    ]);
  });

  it('/ gives browsers the page, readers and curl the everything feed, scripts JSON; /index.json is always JSON', async () => {
    const page = await get('/', html);
    expect(page.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/i);
    expect(page.headers.get('vary')).toBe('Accept, Accept-Encoding');
    for (const accept of ['*/*', '']) {
      const feed = await get('/', accept ? { accept } : {});
      expect(feed.headers.get('content-type'), accept).toBe('application/atom+xml; charset=utf-8');
      expect(feed.headers.get('content-location')).toBe('/feed.atom');
      expect(feed.headers.get('vary')).toBe('Accept, Accept-Encoding');
      expect(await feed.text()).toBe(await (await get('/feed.atom')).text());
    }
    expect((await get('/', { accept: 'application/rss+xml' })).headers.get('content-location')).toBe('/feed.rss');
    expect((await get('/', { accept: 'application/feed+json' })).headers.get('content-location')).toBe('/feed.json');
    const json = await get('/', { accept: 'application/json' });
    expect(((await json.json()) as { name: string }).name).toBe('Caravan');
    const index = await get('/index.json', html);
    expect(index.headers.get('content-type')).toMatch(/^application\/json/);
    expect(((await index.json()) as { catalog: string }).catalog).toBe('http://caravan.test/feeds');
    const refused = await get('/', { accept: 'image/png' });
    expect(refused.status).toBe(406);
    expect(((await refused.json()) as { error: string }).error).toMatch(/text\/html/);
    // A feed error through / is the feed's error.
    expect((await get('/?limit=0', { accept: '*/*' })).status).toBe(400);
  });

  it('the front page lists every feed with its count and three formats, and autodiscovery for the everything feed', async () => {
    const page = await (await get('/', html)).text();
    expectWellFormedPage(page);
    const catalog = ((await (await get('/feeds')).json()) as { feeds: Array<{ urls: Record<string, string>; items: number | null; title: string }> }).feeds;
    for (const feed of catalog) for (const url of Object.values(feed.urls)) expect(page).toContain(`href="${url}"`);
    const topic = catalog.find((f) => f.urls.atom.endsWith('/topics/aviation.atom'))!;
    expect(page).toMatch(new RegExp(`href="${topic.urls.atom}">Aviation</a> <span class="count">${topic.items} articles?</span>`));
    expect([...page.matchAll(/<link rel="alternate" type="([^"]+)"[^>]*href="([^"]+)"/g)].map((m) => [m[1], m[2]])).toEqual([
      ['application/atom+xml', 'http://caravan.test/feed.atom'],
      ['application/rss+xml', 'http://caravan.test/feed.rss'],
      ['application/feed+json', 'http://caravan.test/feed.json'],
    ]);
    // Regions under their groups: Kazakhstan's line follows the Central Asia heading.
    expect(page.indexOf('/regions/kazakhstan.atom')).toBeGreaterThan(page.indexOf('<h3 id="region-central-asia">'));
  });

  it('an article page escapes everything it shows, says "date unknown" and "partial", and links its feeds', async () => {
    const response = await get(`/items/${hostileId}`, html);
    expect(response.headers.get('vary')).toBe('Accept, Accept-Encoding');
    const page = await response.text();
    expectWellFormedPage(page);
    expect(page).toContain('<h1>Tom &amp; Jerry &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; it&#39;s 1 &lt; 2 &gt; 0 &amp;amp;</h1>');
    expect(page).toContain('<title>Tom &amp; Jerry &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; it&#39;s 1 &lt; 2 &gt; 0 &amp;amp; (Caravan)</title>');
    expect(page).toContain('<p>First &lt;b&gt;para&lt;/b&gt; &amp; &quot;quotes&quot;.</p>');
    expect(page).toContain('<p>Second &#39;para&#39;.</p>');
    expect(page).toContain('<span class="outlet">Outlet &lt;&amp;&gt; &quot;Wire&quot;</span>');
    expect(page).toContain('by A &lt;b&gt; and B &amp; C');
    expect(page).toContain('date unknown');
    expect(page).toContain('partial: the page cut this article off');
    for (const path of ['/topics/aviation', '/regions/kazakhstan', '/regions/central-asia']) expect(page).toContain(`href="http://caravan.test${path}.atom"`);
    expect(page).toContain('>Aviation</a>');
    // Scripts still get the JSON, as before.
    for (const headers of [{}, { accept: '*/*' }, { accept: 'application/json' }] as Array<Record<string, string>>) {
      const json = (await (await get(`/items/${hostileId}`, headers)).json()) as { id: string; title: string };
      expect(json).toMatchObject({ id: hostileId, title: hostileTitle });
    }
  });

  it('an article in another language says so on the article, and shows its date and original link', async () => {
    const page = await (await get(`/items/${russianId}`, html)).text();
    expectWellFormedPage(page);
    expect(page).toContain('<article lang="ru">');
    expect(page).toContain('<time datetime="2025-01-22T10:00:00Z">22 January 2025, 10:00 UTC</time>');
    expect(page).not.toContain('date unknown');
    expect(page).not.toContain('partial:');
    expect(page).toContain('href="https://example.com/ru?a=1&amp;b=2"');
  });

  it('serves the icon every feed names: /favicon.ico (an ICO holding a PNG) and /icon.png', async () => {
    const ico = await get('/favicon.ico');
    expect(ico.headers.get('content-type')).toBe('image/x-icon');
    const icoBytes = new Uint8Array(await ico.arrayBuffer());
    expect([...icoBytes.subarray(0, 6)]).toEqual([0, 0, 1, 0, 1, 0]);
    expect([...icoBytes.subarray(22, 26)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const png = await get('/icon.png');
    expect(png.headers.get('content-type')).toBe('image/png');
    const pngBytes = new Uint8Array(await png.arrayBuffer());
    expect([...pngBytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    // 144×144 (IHDR width and height, big-endian).
    expect(new DataView(pngBytes.buffer).getUint32(16)).toBe(144);
    expect(new DataView(pngBytes.buffer).getUint32(20)).toBe(144);
    const atom = await (await get('/feed.atom')).text();
    expect(atom).toContain('<icon>http://caravan.test/icon.png</icon>');
  });
});
