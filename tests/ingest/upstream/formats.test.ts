import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../../src/item.js';
import { startFixtureServer, type FixtureServer } from '../../fixtures/upstream/server.js';
import { minutesAfter, now, run, source, userAgent } from './helpers.js';

let server: FixtureServer;
let articles: Map<string, Article[]>;
let results: Awaited<ReturnType<typeof run>>;

const paths = ['rss2.xml', 'rss1.rdf', 'rss091.xml', 'atom1.xml', 'atom03.xml', 'feed.json', 'feed10.json', 'cp1251.xml', 'koi8.xml', 'utf16.xml', 'utf16be.xml', 'bom.xml'];

beforeAll(async () => {
  server = await startFixtureServer();
  const sources = paths.map((p) =>
    source(`${server.origin}/${p}`, p === 'rss2.xml' ? { name: 'Steppe Wire (config)', topics: ['transport'], regions: ['kazakhstan'] } : {}),
  );
  results = await run(sources, { port: server.port });
  articles = new Map(results.results.map((r) => [r.source.url.slice(server.origin.length + 1), r.articles]));
});
afterAll(() => server.close());

describe('good feeds of every format', () => {
  it('all succeed, with outcomes, state and no warnings', () => {
    for (const r of results.results) {
      expect(r.outcome, r.source.url).toEqual({ source: r.source.url, status: 'ok', entries: r.articles.length, items: r.articles.length, skipped: {}, inserted: 0, updated: 0, unchanged: 0, error: null });
      expect(r.state.lastError).toBeNull();
      expect(r.state.consecutiveFailures).toBe(0);
      expect(r.state.lastSuccess).toBe(now.toISOString());
    }
    expect(results.log.filter((l) => l.includes(' WARN '))).toEqual([]);
    expect(server.requests.every((r) => r.headers['user-agent'] === userAgent)).toBe(true);
  });

  it('RSS 2.0: exact fields, utm stripped, relative links resolved, config hints, ttl', () => {
    const [first, second] = articles.get('rss2.xml')!;
    expect(first).toEqual({
      title: 'Almaty & Astana sign rail deal',
      paragraphs: ['The rail deal was signed.', 'See the map.'],
      contentHtml: '<p>The <b>rail</b> deal was signed.</p><p>See <a href="https://steppe.example/maps/line.html" rel="noopener noreferrer">the map</a>.</p>',
      authors: ['Aigerim Sadykova'],
      source: 'Steppe Wire (config)',
      published: '2024-03-05T04:20:30.000Z',
      updated: '2024-03-06T08:00:00.000Z',
      url: 'https://steppe.example/news/rail-deal?id=42',
      guid: 'steppe-42',
      partial: false,
      language: 'en-US',
      origin: { kind: 'upstream', ref: `${server.origin}/rss2.xml` },
    });
    expect(second.title).toBe('Second item');
    expect(second.url).toBe('https://steppe.example/news/second');
    expect(second.guid).toBe('https://steppe.example/news/second');
    expect(second.published).toBe('2024-03-06T14:15:00.000Z');
    expect(second.authors).toEqual(['Dana Ospanova']);
    expect(second.paragraphs).toEqual(['Escaped HTML description']);
    expect(second.contentHtml).toBe('<p>Escaped <em>HTML</em> description</p>');
    const state = results.byUrl.get(`${server.origin}/rss2.xml`)!.state;
    expect(state).toMatchObject({ etag: '"v1"', lastModified: 'Tue, 05 Mar 2024 12:00:00 GMT', itemCount: 2, nextAttempt: minutesAfter(now, 60) });
  });

  it('RSS 1.0 (RDF): rdf:about as guid, dc fields, sy:updatePeriod', () => {
    expect(articles.get('rss1.rdf')).toEqual([
      expect.objectContaining({
        title: 'RDF item', guid: 'https://rdf.example/a', url: 'https://rdf.example/a', paragraphs: ['Plain description'],
        authors: ['Ivan Petrov'], published: '2024-03-05T07:20:30.000Z', updated: null, language: 'ru', source: 'RDF Digest',
      }),
    ]);
    expect(results.byUrl.get(`${server.origin}/rss1.rdf`)!.state.nextAttempt).toBe(minutesAfter(now, 720));
  });

  it('RSS 0.91 in ISO-8859-1 (declared only in the XML declaration)', () => {
    expect(articles.get('rss091.xml')).toEqual([
      expect.objectContaining({ title: 'Ninety-one café', url: 'http://old.example/91', guid: null, paragraphs: ['Old & simple'], published: null, language: 'en', source: 'Old School' }),
    ]);
  });

  it('Atom 1.0: xml:base, html titles, text titles, several authors, xhtml content, bad date', () => {
    const [first, second] = articles.get('atom1.xml')!;
    expect(first).toMatchObject({
      title: 'Atom entry & more', url: 'https://atom.example/blog/posts/1', guid: 'tag:atom.example,2024:1',
      authors: ['Asel', 'Bolat'], published: '2024-03-05T10:20:30.000Z', updated: '2024-03-07T10:00:00.000Z',
      contentHtml: '<p>Atom <img src="https://atom.example/blog/img/x.png" alt="x" /> body</p>', paragraphs: ['Atom body'],
      language: 'kk', source: 'Atom Steppe',
    });
    expect(second).toMatchObject({
      title: 'Plain <tag> text title', url: 'https://other.example/root/rel/2', published: null, updated: '2024-03-06T00:00:00.000Z',
      authors: ['Feed Author'], paragraphs: ['XHTML content'],
    });
  });

  it('Atom 0.3: issued / modified, escaped content', () => {
    expect(articles.get('atom03.xml')).toEqual([
      expect.objectContaining({
        title: 'Legacy entry', url: 'https://legacy.example/e1', guid: 'tag:legacy.example,2004:1', authors: ['Old Timer'],
        published: '2024-03-05T07:00:00.000Z', updated: '2024-03-05T12:00:00.000Z', paragraphs: ['Escaped legacy body'], source: 'Legacy Atom',
      }),
    ]);
  });

  it('JSON Feed 1.1 and 1.0 (detected from content, not Content-Type)', () => {
    const [first, second] = articles.get('feed.json')!;
    expect(first).toMatchObject({
      title: 'JSON & friends', url: 'https://json.example/1?page=2', guid: '1', contentHtml: '<p>Hello world</p>', paragraphs: ['Hello world'],
      published: '2024-03-05T05:20:30.000Z', updated: '2024-03-05T06:00:00.000Z', authors: ['Zhanna'], language: 'kk', source: 'JSON Steppe',
    });
    expect(second).toMatchObject({
      title: 'First para.', url: 'https://json.example/2', guid: '2', contentHtml: null, paragraphs: ['First para.', 'Second para.'],
      published: null, authors: ['Desk'], language: 'en',
    });
    expect(articles.get('feed10.json')).toEqual([
      expect.objectContaining({ title: 'One point oh', guid: 'a', url: 'https://json1.example/a', paragraphs: ['Text only'], authors: ['Solo'], published: '2024-03-05T10:20:30.000Z' }),
    ]);
  });

  it('decodes windows-1251, KOI8-R, UTF-16 LE/BE with BOM and UTF-8 with BOM and leading whitespace', () => {
    const pick = (p: string) => articles.get(p)!.map((a) => [a.source, a.title, a.paragraphs]);
    expect(pick('cp1251.xml')).toEqual([['Новости Казахстана', 'Экономика: рост на 5%', ['Курс тенге укрепился.']]]);
    expect(pick('koi8.xml')).toEqual([['Погода в Алматы', 'Снег и мороз', ['Ночью до -20°C? Нет, до минус двадцати.']]]);
    expect(pick('utf16.xml')).toEqual([['Ұлттық жаңалықтар', 'Рождество 🎄 және Қазақ тілі', ['Мәтін']]]);
    expect(pick('utf16be.xml')).toEqual(pick('utf16.xml'));
    expect(pick('bom.xml')).toEqual([['BOM feed', 'Café naïve – ok', ['Body']]]);
    expect(articles.get('cp1251.xml')![0].published).toBe('2024-03-05T10:20:30.000Z');
  });
});
