import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/ingest/html/extractArticle.js';
import { parseHtmlPage } from '../../../src/ingest/html/parseHtmlPage.js';
import { fixture, fixtureText } from './fixtures.js';

const now = new Date('2024-06-01T00:00:00Z');
const page = (name: string) => parseHtmlPage(fixture(name), { kind: 'page', ref: name }, now);

describe('an HTML news article with JSON-LD', () => {
  const { articles, notes } = page('news-jsonld.html');
  const [a] = articles;
  it('is one article with the metadata the page states', () => {
    expect(notes).toEqual([]);
    expect(articles).toHaveLength(1);
    expect(a.title).toBe('Caspian ferry line adds night crossings');
    expect(a.authors).toEqual(['Aigerim Sadykova', 'Tom Whitfield']);
    expect(a.source).toBe('Steppe Courier');
    expect(a.published).toBe('2024-03-05T03:30:00.000Z');
    expect(a.updated).toBe('2024-03-05T05:00:00.000Z');
    expect(a.language).toBe('en-GB');
  });
  it('takes the canonical URL (tracking parameters removed) as its link', () => {
    expect(a.url).toBe('https://steppe-courier.example/business/2024/03/caspian-ferry-night-crossings?id=77');
  });
  it('keeps the article and none of the chrome, links and images resolved against the canonical URL', () => {
    expect(a.paragraphs.join(' ')).toContain('two extra crossings every night');
    expect(a.paragraphs.join(' ')).toContain('longer hours are the only way');
    for (const chrome of ['Most read', 'Wheat prices climb', 'All rights reserved', 'Sign in']) expect(a.paragraphs.join(' ')).not.toContain(chrome);
    expect(a.contentHtml).toContain('href="https://steppe-courier.example/business/2024/02/aktau-port-expansion"');
    expect(a.contentHtml).toContain('href="https://other.example/report.pdf"');
    expect(a.contentHtml).toContain('src="https://steppe-courier.example/images/ferry-night.jpg"');
  });
});

describe('an HTML article with only Open Graph tags', () => {
  const [a] = page('og-only.html').articles;
  it('takes title, site, link, date, author and locale from them', () => {
    expect(a.title).toBe('Mountain observatory reopens after the winter');
    expect(a.source).toBe('Highland Notes');
    expect(a.url).toBe('https://highland-notes.example/2024/observatory-reopens');
    expect(a.published).toBe('2024-04-12T06:00:00.000Z');
    expect(a.authors).toEqual(['Lena Hartmann']);
    expect(a.language).toBe('de-DE');
    expect(a.paragraphs[0]).toMatch(/^The small observatory on the ridge/);
  });
});

describe('a windows-1251 page', () => {
  it('is decoded by its declared charset', () => {
    const [a] = page('cp1251.html').articles;
    expect(a.title).toBe('Тенге укрепился к концу недели');
    expect(a.source).toBe('Степной вестник');
    expect(a.language).toBe('ru');
    expect(a.paragraphs.join(' ')).toContain('Национальная валюта Казахстана укрепилась');
    expect(a.url).toBe('https://vestnik.example/ekonomika/tenge-ukrepilsya');
  });
});

describe('pages that are not an article', () => {
  it.each([
    ['home-page.html', /not an article: too little connected prose/],
    ['not-found.html', /not an article: looks like an error page \("Page not found/],
    ['login-wall.html', /not an article: looks like a login wall/],
  ])('%s gives no item and says why', (name, reason) => {
    const { articles, notes } = page(name);
    expect(articles).toEqual([]);
    expect(notes.join('; ')).toMatch(reason);
  });
  it('an empty or binary file is not an article either, and nothing throws', () => {
    expect(page('news-jsonld.html').articles).toHaveLength(1);
    const empty = parseHtmlPage(new Uint8Array(0), { kind: 'page', ref: 'empty.html' }, now);
    expect(empty.articles).toEqual([]);
    expect(empty.notes[0]).toMatch(/^not an article: /);
    const junk = parseHtmlPage(Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256), { kind: 'page', ref: 'junk.html' }, now);
    expect(junk.articles).toEqual([]);
  });
});

describe('hostile markup', () => {
  const [a] = page('hostile.html').articles;
  it('keeps the article text', () => {
    expect(a.paragraphs.join(' ')).toContain('approved the new pedestrian bridge');
    expect(a.paragraphs.join(' ')).toContain('quotes the code <script>alert(8)</script> as an example');
  });
  it('lets nothing executable through', () => {
    const html = a.contentHtml!;
    expect(html).not.toMatch(/<(?:script|style|iframe|object|embed|form|input|button|svg|math|meta|base)\b/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/javascript:|data:|style=/i);
    expect(html).not.toContain('injected by script');
    expect(html).not.toContain("inline script in the article");
  });
  it('resolves links and images against <base href>', () => {
    expect(a.contentHtml).toContain('href="https://river-gazette.example/news/budget.html"');
    expect(a.contentHtml).toContain('src="https://river-gazette.example/news/photos/bridge.jpg"');
  });
  it('the page URL (fullText) is the base when the page has no <base>', () => {
    const result = extractArticle(fixtureText('og-only.html').replace('<p>Volunteers', '<p><a href="../archive/2023">Last year</a> volunteers'), {
      url: 'https://highland-notes.example/2024/observatory-reopens',
    });
    expect(result.ok && result.article.contentHtml).toContain('href="https://highland-notes.example/archive/2023"');
  });
});

describe('articles without long paragraphs', () => {
  it('a page of short paragraphs is one article, its headline without the site name, its date from its <time>', () => {
    const { articles, notes } = page('short-paragraphs.html');
    expect(notes).toEqual([]);
    expect(articles).toHaveLength(1);
    expect(articles[0]!.title).toBe('Five things to pack for a night ferry');
    expect(articles[0]!.published).toBe('2024-02-03T18:00:00.000Z');
    expect(articles[0]!.paragraphs.join('\n')).toContain('Fifth, some patience at the port.');
  });

  it('a CJK article, which has no long paragraphs, is one article too, titled by its heading', () => {
    const { articles } = page('cjk-short-paragraphs.html');
    expect(articles).toHaveLength(1);
    expect(articles[0]!.title).toBe('湖区渡轮恢复夜班航线');
    expect(articles[0]!.published).toBe('2024-03-08T01:30:00.000Z');
    expect(articles[0]!.paragraphs.join('\n')).toContain('自行车免费上船');
  });
});
