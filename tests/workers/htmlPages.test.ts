/**
 * The HTML path inside workerd: Readability on linkedom, the Worker's bundled-page reader (HTML
 * as bytes), D1, and fullText entries completed from their pages through the Workers `fetch`.
 */
import { reset } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../build/worker-data/migrations.js';
import { memoryPages } from '../../src/ingest/pageReader.js';
import { runIngestion } from '../../src/ingest/run.js';
import type { SourcesConfig } from '../../src/ingest/upstream/types.js';
import { memoryLog } from '../../src/log.js';
import { openD1Store } from '../../src/store/d1.js';
import { loadTaxonomy } from '../../src/taxonomy/loadTaxonomy.js';
import topicsJson from '../../config/topics.json';
import regionsJson from '../../config/regions.json';
import newsJsonLd from '../fixtures/html/news-jsonld.html?raw';
import ogOnly from '../fixtures/html/og-only.html?raw';
import hostile from '../fixtures/html/hostile.html?raw';
import homePage from '../fixtures/html/home-page.html?raw';
import { encodeSingleByte } from '../fixtures/upstream/encode.js';

beforeEach(async () => {
  await reset();
});

const taxonomy = loadTaxonomy(topicsJson, regionsJson);
const utf8 = (text: string) => new TextEncoder().encode(text);
const cp1251Page = encodeSingleByte(
  '<html lang="ru"><head><meta charset="windows-1251"><title>Курс тенге</title></head><body><article><h1>Курс тенге</h1>' +
    '<p>Национальная валюта укрепилась к доллару по итогам торгов в пятницу, сообщили на бирже после закрытия основной сессии; ' +
    'объём сделок вырос почти на треть по сравнению с прошлой неделей, а курс почти не менялся в течение дня.</p>' +
    '<p>Аналитики связывают рост с ценами на нефть и с продажей валютной выручки экспортёрами перед налоговым периодом; ' +
    'по их словам, давление на валюту ослабло, а спрос на доллары со стороны импортёров остаётся умеренным.</p>' +
    '</article></body></html>',
  'windows-1251',
);

describe('HTML pages in the Worker', () => {
  it('reads HTML pages (bytes, any charset) into items and reports a non-article page', async () => {
    const store = await openD1Store(env.DB, migrations);
    await store.migrate();
    const pages = memoryPages({
      'html/news.html': utf8(newsJsonLd),
      'html/og.html': utf8(ogOnly),
      'html/cp1251.html': cp1251Page,
      'html/hostile.html': utf8(hostile),
      'html/home.html': utf8(homePage),
    }, { keepOrder: true });
    const sources: SourcesConfig = { pages: { enabled: true }, upstream: [], defaults: { intervalMinutes: 15 } };
    const run = await runIngestion({
      store, taxonomy, sources, pages, log: memoryLog(), userAgent: 'test', now: () => new Date('2024-06-01T00:00:00Z'),
      fetch: (async () => {
        throw new Error('no network');
      }) as typeof fetch,
    });
    expect(run!.sources.map((s) => [s.source, s.status, s.error])).toEqual([
      ['page:html/news.html', 'ok', null], ['page:html/og.html', 'ok', null], ['page:html/cp1251.html', 'ok', null],
      ['page:html/hostile.html', 'ok', null], ['page:html/home.html', 'empty', expect.stringMatching(/not an article/)],
    ]);
    expect(run).toMatchObject({ status: 'ok', pagesRead: 5, inserted: 4 });
    expect(run!.sources.find((s) => s.source === 'page:html/home.html')).toMatchObject({ status: 'empty', error: expect.stringMatching(/not an article/) });
    const items = (await store.queryItems({ limit: 10 })).items;
    const ferry = items.find((i) => i.title === 'Caspian ferry line adds night crossings')!;
    expect(ferry).toMatchObject({ authors: ['Aigerim Sadykova', 'Tom Whitfield'], source: 'Steppe Courier', published: '2024-03-05T03:30:00.000Z' });
    expect(items.map((i) => i.title)).toContain('Курс тенге');
    const bridge = items.find((i) => i.title.startsWith('Council approves the river bridge'))!;
    expect(bridge.contentHtml).not.toMatch(/<script|onerror|javascript:|<iframe/i);
  });
});

describe('fullText in the Worker', () => {
  it('completes a summary-only entry from its page through the Workers fetch', async () => {
    const store = await openD1Store(env.DB, migrations);
    await store.migrate();
    const feed = '<?xml version="1.0"?><rss version="2.0"><channel><title>Steppe Courier</title><link>https://news.example/</link>' +
      '<item><title>Caspian ferry line adds night crossings</title><link>https://news.example/ferry</link><guid>urn:ferry</guid>' +
      '<description>Two extra crossings a night.</description></item>' +
      '<item><title>Observatory</title><link>https://news.example/observatory</link><guid>urn:obs</guid><description>Open again.</description></item>' +
      '</channel></rss>';
    const asked: string[] = [];
    const fetchStub = (async (input: RequestInfo | URL) => {
      const url = String(input);
      asked.push(url);
      if (url.endsWith('.xml')) return new Response(feed, { headers: { 'Content-Type': 'application/rss+xml' } });
      if (url.endsWith('/ferry')) return new Response(newsJsonLd, { headers: { 'Content-Type': 'text/html' } });
      return new Response('gone', { status: 404 });
    }) as typeof fetch;
    const sources: SourcesConfig = {
      pages: { enabled: false }, defaults: { intervalMinutes: 15 },
      upstream: [{ url: 'https://news.example/feed.xml', name: null, topics: [], regions: [], intervalMinutes: 15, allowPrivate: false, fullText: true }],
    };
    const run = await runIngestion({
      store, taxonomy, sources, pages: null, log: memoryLog(), userAgent: 'test', now: () => new Date('2024-06-01T00:00:00Z'),
      fetch: fetchStub, limits: { fullTextPerRun: 10 },
    });
    expect(asked).toEqual(['https://news.example/feed.xml', 'https://news.example/ferry', 'https://news.example/observatory']);
    expect(run!.sources[0].error).toBe('fullText: 1 of 2 pages failed: https://news.example/observatory (fetch: HTTP 404)');
    const ferry = (await store.queryItems({ limit: 10, q: 'forwarders' })).items[0];
    expect(ferry.summary).toBe('Two extra crossings a night.');
    expect(ferry.contentText).toContain('Freight forwarders welcomed the plan');
    const [state] = await store.sourceStates();
    expect(Object.keys(state.fullText ?? {})).toEqual(['urn:ferry', 'urn:obs']);
  });
});

describe('the Worker bundle leaves out the CSS parser', () => {
  it('is in effect in this suite too: reading .sheet says so', async () => {
    const { parseHTML } = await import('linkedom');
    const { document } = parseHTML('<html><head><style>p { color: red }</style></head><body><p>x</p></body></html>');
    const style = document.querySelector('style') as HTMLStyleElement;
    expect(() => style.sheet).toThrow(/not parsed in the Worker/);
  });
});
