/**
 * Each article's storing work done where it is read (`readFeed`'s `prepare`, as the Node door's
 * feed reader thread does): the same items, tags and counts as doing it all in the ingesting
 * thread, whether dedupe leaves an item as its article made it or merges it (then the tags are
 * found again from the merged text); hints add to the prepared tags as classify adds them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runIngestion, type IngestDeps } from '../../src/ingest/run.js';
import { prepareArticle } from '../../src/ingest/prepareArticle.js';
import { readFeed } from '../../src/ingest/upstream/readFeed.js';
import { memoryLog } from '../../src/log.js';
import { feedReaderPool } from '../../src/node/feedReaderPool.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { ItemStore } from '../../src/store/store.js';
import { addHints, classify } from '../../src/taxonomy/classify.js';
import { realConfigData } from '../helpers/configData.js';
import { now, source } from './upstream/helpers.js';

const data = realConfigData();
const configFile = (name: string) => JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'config', name), 'utf8'));
const taxonomyFiles = { topics: configFile('topics.json'), regions: configFile('regions.json') };
const pool = feedReaderPool(1, undefined, taxonomyFiles);
afterAll(() => pool.close());

const body = (words: string) => `<p>${words}</p><p>Officials in Almaty said the new metro line would open in the spring, with six stations, while the central bank kept its rate at 14 per cent and oil exports to China grew.</p>`;

interface Entry {
  guid: string;
  link: string;
  title: string;
  html: string;
}

function rss(entries: Entry[]): string {
  const items = entries.map((e) => `<item><guid isPermaLink="false">${e.guid}</guid><link>${e.link}</link><title>${e.title}</title>
<pubDate>Sat, 01 Jun 2024 10:00:00 GMT</pubDate><content:encoded><![CDATA[${e.html}]]></content:encoded></item>`);
  return `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>News</title><link>https://news.example/</link>${items.join('')}</channel></rss>`;
}

/** Feeds whose entries meet across sources (the same link twice, the same story under two links) and sources with hints. */
const feeds: Entry[][] = [
  [
    { guid: 'a', link: 'https://one.example/a', title: 'Metro line opens in Almaty', html: body('First.') },
    { guid: 'b', link: 'https://one.example/b', title: 'Bus fares rise in Astana', html: body('Second, on <b>transport</b>.') },
  ],
  [
    { guid: 'a2', link: 'https://one.example/a', title: 'Metro line opens in Almaty', html: body('First, with more words from the opening day in Kyrgyzstan.') },
    { guid: 'c', link: 'https://two.example/c', title: 'Airport reopens in Aktau after repairs', html: body('Third.') },
  ],
  [{ guid: 'c3', link: 'https://three.example/c', title: 'Airport reopens in Aktau after repairs', html: body('Third.') }],
  [{ guid: 'd', link: 'https://four.example/d', title: 'Wheat harvest in Ukraine', html: body('Fourth, on farming in Ukraine and grain prices.') }],
];
const urls = feeds.map((_, i) => `https://feed${i}.example/rss.xml`);
const hints = [{}, { topics: ['economy'] }, { regions: ['kz'] }, { topics: ['energy'], regions: ['central-asia'] }];

const upstreamFetch = (async (input: string) => {
  const n = urls.indexOf(String(input));
  return new Response(rss(feeds[n]), { headers: { 'content-type': 'application/rss+xml', etag: `"v${n}"` } });
}) as unknown as typeof fetch;

function deps(store: ItemStore, extra: Partial<IngestDeps> = {}): IngestDeps {
  return {
    store, taxonomy: data.taxonomy, sources: { ...data.sources, pages: { enabled: false }, upstream: urls.map((u, i) => source(u, { allowPrivate: false, ...hints[i] })) },
    pages: null, fetch: upstreamFetch, now: () => now, log: memoryLog(), userAgent: 'test', ...extra,
  };
}

const contents = async (store: ItemStore) => (await store.queryItems({ limit: 100 })).items;
const counts = (run: Awaited<ReturnType<typeof runIngestion>>) => run!.sources;

describe('articles prepared where they are read', () => {
  it('store the same items with the same tags and counts as articles prepared while storing', async () => {
    const here = await openSqliteStore(':memory:');
    const there = await openSqliteStore(':memory:');
    const inThread = await runIngestion(deps(here));
    const prepared = await runIngestion(deps(there, { readFeed: (input) => readFeed(input, { taxonomy: data.taxonomy }), writeBatchItems: 100 }));
    expect(inThread!.status).toBe('ok');
    expect(counts(prepared)).toEqual(counts(inThread));
    const items = await contents(there);
    expect(items).toEqual(await contents(here));
    // A merge happened (its tags come from the merged text and both sources' hints), and hints show.
    expect(inThread!.sources.map((s) => [s.inserted, s.updated])).toEqual([[2, 0], [1, 1], [0, 1], [1, 0]]);
    const metro = items.find((i) => i.url === 'https://one.example/a')!;
    expect(metro.origins).toHaveLength(2);
    expect(metro.topics).toContain('economy');
    expect(items.find((i) => i.url === 'https://four.example/d')!.topics).toContain('energy');
  });

  it('are prepared in the feed reader thread as in this one, and store the same', async () => {
    const input = { body: new TextEncoder().encode(rss(feeds[0])) as Uint8Array<ArrayBuffer>, contentType: 'application/rss+xml', source: source(urls[0]), feedUrl: urls[0], now: now.toISOString() };
    const inWorker = await pool({ ...input, body: input.body.slice() });
    const inThread = await readFeed({ ...input, body: input.body.slice() }, { taxonomy: data.taxonomy });
    expect(inWorker).toEqual(inThread);
    const plain = await readFeed({ ...input, body: input.body.slice() });
    for (const [i, article] of inWorker.articles.entries()) {
      expect(article.prepared).toEqual(await prepareArticle(plain.articles[i], now.toISOString(), { taxonomy: data.taxonomy }));
      expect(article.prepared!.textTags!.regions.length).toBeGreaterThan(0);
    }
    const here = await openSqliteStore(':memory:');
    const there = await openSqliteStore(':memory:');
    await runIngestion(deps(here));
    await runIngestion(deps(there, { readFeed: pool }));
    expect(await contents(there)).toEqual(await contents(here));
  });

  it('hints add to the tags of the text as classify adds them', () => {
    const texts = [
      { title: 'Metro line opens in Almaty', lead: 'Officials in Almaty said the line opens in spring.', text: 'Officials in Almaty said the line opens in spring.\n\nOil exports to China grew.' },
      { title: 'Untitled image post', lead: '', text: '' },
      { title: 'Wheat harvest in Ukraine', lead: 'Grain prices rose.', text: 'Grain prices rose.\n\nFarmers in Ukraine and Kazakhstan sold more wheat.' },
    ];
    const hintSets = [{}, { topics: ['economy'] }, { regions: ['kz', 'UA'] }, { topics: ['energy', 'nonsense'], regions: ['central-asia', 'nowhere'] }];
    for (const input of texts) {
      const ofText = classify(input, data.taxonomy);
      for (const h of hintSets) expect(addHints(ofText, data.taxonomy, h)).toEqual(classify(input, data.taxonomy, h));
    }
  });
});
