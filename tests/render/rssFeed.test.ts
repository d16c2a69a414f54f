import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stripInvalidXml } from '../../src/ingest/cleanText.js';
import { renderRssFeed } from '../../src/render/rssFeed.js';
import { makeItem } from '../helpers/makeItem.js';
import { hostileTitles, sampleContext, sampleDef } from './sampleFeed.js';
import { all, one, parseXml, type XmlNode } from './xmlTree.js';

/** RSS 2.0 channel and item elements, plus the module elements Caravan declares. */
const channelElements = new Set([
  'title', 'link', 'description', 'language', 'copyright', 'managingEditor', 'webMaster', 'pubDate',
  'lastBuildDate', 'category', 'generator', 'docs', 'cloud', 'ttl', 'image', 'rating', 'textInput',
  'skipHours', 'skipDays', 'item', 'atom:link',
]);
const itemElements = new Set([
  'title', 'link', 'description', 'author', 'category', 'comments', 'enclosure', 'guid', 'pubDate', 'source',
  'content:encoded', 'dc:creator',
]);
const rfc822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const selfUrl = 'https://caravan.example/topics/aviation.rss?limit=3&q=crash';

function channel(overrides = {}): XmlNode {
  const rss = parseXml(renderRssFeed(sampleContext({ selfUrl, ...overrides })));
  expect(rss.name).toBe('rss');
  expect(rss.attrs.version).toBe('2.0');
  return one(rss, 'channel');
}

describe('RSS 2.0', () => {
  it('declares every namespace it uses and no element the spec does not allow', () => {
    const xml = renderRssFeed(sampleContext({ selfUrl, hub: 'https://hub.example/' }));
    const rss = parseXml(xml);
    expect(rss.attrs['xmlns:atom']).toBe('http://www.w3.org/2005/Atom');
    expect(rss.attrs['xmlns:content']).toBe('http://purl.org/rss/1.0/modules/content/');
    expect(rss.attrs['xmlns:dc']).toBe('http://purl.org/dc/elements/1.1/');
    const ch = one(rss, 'channel');
    for (const child of ch.children) expect(channelElements, child.name).toContain(child.name);
    for (const item of all(ch, 'item')) for (const child of item.children) expect(itemElements, child.name).toContain(child.name);
    // <author> must hold an e-mail address: names go in dc:creator.
    expect(xml).not.toContain('<author>');
  });

  it('has the required channel elements and the exact self link', () => {
    const ch = channel();
    expect(one(ch, 'title').text).toBe('Caravan: Aviation & <Air> "Travel"');
    expect(one(ch, 'link').text).toBe('https://caravan.example/');
    expect(one(ch, 'description').text).toBe('Airlines, airports & crashes.');
    expect(one(ch, 'lastBuildDate').text).toBe('Thu, 23 Jan 2025 09:00:00 GMT');
    const self = all(ch, 'atom:link').filter((l) => l.attrs.rel === 'self');
    expect(self.map((l) => [l.attrs.href, l.attrs.type])).toEqual([[selfUrl, 'application/rss+xml']]);
    const image = one(ch, 'image');
    expect([one(image, 'url').text, one(image, 'title').text, one(image, 'link').text]).toEqual([
      'https://caravan.example/icon.png', 'Caravan: Aviation & <Air> "Travel"', 'https://caravan.example/',
    ]);
  });

  it('gives items a plain-text title, a per-feed guid, an RFC 822 pubDate only when stated, dc:creator, source and categories', () => {
    const [full, linked, bare] = all(channel(), 'item') as [XmlNode, XmlNode, XmlNode];
    expect(one(full, 'title').text).toBe(hostileTitles[0]);
    expect(one(full, 'guid').attrs.isPermaLink).toBe('false');
    expect(one(full, 'guid').text).toBe('tag:caravan,2025:items/4f1c2a9e8b7d6c5e4f3a2b1c0d9e8f7a/in/topics/aviation');
    expect(one(full, 'link').text).toBe('https://caravan.example/items/4f1c2a9e8b7d6c5e4f3a2b1c0d9e8f7a');
    expect(one(full, 'pubDate').text).toBe('Wed, 22 Jan 2025 05:00:00 GMT');
    expect(all(full, 'dc:creator').map((c) => c.text)).toEqual(['Aigerim Toleukhanova', 'Bruce Pannier']);
    expect(all(full, 'category').map((c) => [c.text, c.attrs.domain])).toEqual([
      ['aviation', 'https://caravan.example/topics'],
      ['security', 'https://caravan.example/topics'],
      ['kazakhstan', 'https://caravan.example/regions'],
      ['central-asia', 'https://caravan.example/regions'],
    ]);
    // description is HTML by convention: the plain-text summary arrives as escaped HTML.
    expect(one(full, 'description').text).toBe('First &lt;paragraph&gt; &amp; more.');
    expect(one(full, 'content:encoded').text).toContain('<p>First &lt;paragraph&gt; &amp; more.</p>');
    // The article's URL is its link; its id is still the feed's own.
    expect(one(linked, 'guid').attrs.isPermaLink).toBe('false');
    expect(one(linked, 'guid').text).toBe('tag:caravan,2025:items/9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d/in/topics/aviation');
    expect(one(linked, 'link').text).toBe('https://example.com/news/aktau?utm=1&id=2');
    // The outlet, and the feed it came through: its upstream feed, else Caravan's everything feed.
    expect([one(full, 'source').text, one(full, 'source').attrs.url]).toEqual(['Eurasianet', 'https://caravan.example/feed.rss']);
    expect([one(linked, 'source').text, one(linked, 'source').attrs.url]).toEqual(['Example News (Reuters)', 'https://example.com/feed.xml']);
    expect(all(bare, 'source')).toHaveLength(0);
    // No stated date: no pubDate (RSS makes it optional), never Caravan's own clock.
    expect(all(bare, 'pubDate')).toHaveLength(0);
    for (const item of [full, linked]) expect(one(item, 'pubDate').text).toMatch(rfc822);
  });

  it('is a valid feed when no item matches', () => {
    const ch = channel({ items: [], updated: new Date(0) });
    expect(all(ch, 'item')).toHaveLength(0);
    expect(one(ch, 'lastBuildDate').text).toBe('Thu, 01 Jan 1970 00:00:00 GMT');
  });

  it('advertises the WebSub hub when one is configured', () => {
    const hubs = all(channel({ hub: 'https://hub.example/' }), 'atom:link').filter((l) => l.attrs.rel === 'hub');
    expect(hubs.map((l) => l.attrs.href)).toEqual(['https://hub.example/']);
  });

  it('escapes titles once, as XML, and nothing more', () => {
    const items = hostileTitles.map((title, i) => makeItem({ id: `e${i}`, title }));
    expect(all(channel({ items }), 'item').map((item) => one(item, 'title').text)).toEqual(hostileTitles);
  });

  it('carries text that looks escaped, repeated CDATA ends and carriage returns exactly', () => {
    const tricky = 'Bob &amp; Al &lt;b&gt;\r\nnext\rline';
    const html = '<p>one ]]> two ]]> three &amp; four</p>\n<item><title><![CDATA[not a title]]></title></item>';
    const item = makeItem({ id: 'ef', title: tricky, summary: tricky, authors: [tricky], contentHtml: html });
    const xml = renderRssFeed(sampleContext({ selfUrl, feed: { ...sampleDef, title: tricky, description: tricky }, items: [item] }));
    // A carriage return must be a character reference, or parsers read a line feed.
    expect(xml).not.toContain('\r');
    const ch = one(parseXml(xml), 'channel');
    expect(one(ch, 'title').text).toBe(tricky);
    expect(one(ch, 'description').text).toBe(tricky);
    const rssItem = one(ch, 'item');
    expect(one(rssItem, 'title').text).toBe(tricky);
    expect(one(rssItem, 'dc:creator').text).toBe(tricky);
    // description and content:encoded are HTML: `]]&gt;` is `]]>`, a carriage return a line feed.
    expect(one(rssItem, 'description').text).toBe('Bob &amp;amp; Al &amp;lt;b&amp;gt;\nnext\nline');
    expect(one(rssItem, 'content:encoded').text).toBe(html.replaceAll(']]>', ']]&gt;'));
  });

  it('declares its namespaces whatever the items hold, and no items at all', () => {
    for (const items of [[], [makeItem({ id: 'ab', authors: ['A'], contentText: '' })]]) {
      const rss = parseXml(renderRssFeed(sampleContext({ selfUrl, items })));
      expect([rss.attrs['xmlns:atom'], rss.attrs['xmlns:content'], rss.attrs['xmlns:dc']]).toEqual([
        'http://www.w3.org/2005/Atom', 'http://purl.org/rss/1.0/modules/content/', 'http://purl.org/dc/elements/1.1/',
      ]);
    }
  });

  it('stays well-formed and carries any title exactly (control characters dropped)', () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 80 }), fc.string({ unit: "grapheme", maxLength: 40 }), (a, b) => {
        const text = `${a} ${b}`;
        const item = makeItem({ id: 'cd', title: text, authors: [text], summary: text });
        const rssItem = one(channel({ items: [item] }), 'item');
        expect(one(rssItem, 'title').text).toBe(stripInvalidXml(text));
        expect(one(rssItem, 'dc:creator').text).toBe(stripInvalidXml(text));
      }),
      { numRuns: 200 },
    );
  });
});
