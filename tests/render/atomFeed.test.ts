import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stripInvalidXml } from '../../src/ingest/cleanText.js';
import { renderAtomFeed } from '../../src/render/atomFeed.js';
import { renderJsonFeed } from '../../src/render/jsonFeed.js';
import { renderRssFeed } from '../../src/render/rssFeed.js';
import { makeItem } from '../helpers/makeItem.js';
import { hostileTitles, sampleContext, sampleDef } from './sampleFeed.js';
import { all, one, parseXml, type XmlNode } from './xmlTree.js';

const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const tagUri = /^tag:caravan,2025:items\/[0-9a-f]{32}\/in\/topics\/aviation$/;

function atom(overrides = {}): XmlNode {
  return parseXml(renderAtomFeed(sampleContext(overrides)));
}

describe('Atom 1.0 (RFC 4287)', () => {
  it('has the feed metadata RFC 4287 requires, with the exact self URL', () => {
    const feed = atom();
    expect(feed.name).toBe('feed');
    expect(feed.attrs.xmlns).toBe('http://www.w3.org/2005/Atom');
    expect(one(feed, 'id').text).toBe('https://caravan.example/topics/aviation?limit=3&q=crash');
    expect(one(feed, 'title').attrs.type).toBe('text');
    expect(one(feed, 'title').text).toBe('Caravan: Aviation & <Air> "Travel"');
    expect(one(feed, 'updated').text).toBe('2025-01-23T09:00:00.000Z');
    const links = all(feed, 'link');
    expect(links.filter((l) => l.attrs.rel === 'self').map((l) => l.attrs.href)).toEqual([
      'https://caravan.example/topics/aviation.atom?limit=3&q=crash',
    ]);
    expect(links.filter((l) => l.attrs.rel === 'alternate').map((l) => l.attrs.href)).toEqual(['https://caravan.example/']);
    expect(links.some((l) => l.attrs.rel === 'hub')).toBe(false);
    // Not every entry has an author, so the feed must have one (section 4.1.1).
    expect(one(one(feed, 'author'), 'name').text).toBe('Caravan');
    expect(one(feed, 'icon').text).toBe('https://caravan.example/icon.png');
  });

  it('gives every entry a stable id, a plain-text title, dates, authors, categories, summary and content', () => {
    const entries = all(atom(), 'entry');
    expect(entries).toHaveLength(3);
    const [full, linked, bare] = entries as [XmlNode, XmlNode, XmlNode];
    for (const entry of entries) {
      expect(one(entry, 'id').text).toMatch(tagUri);
      expect(one(entry, 'title').attrs.type).toBe('text');
      expect(one(entry, 'updated').text).toMatch(rfc3339);
      expect(one(entry, 'summary').attrs.type).toBe('text');
      expect(one(entry, 'content').attrs.type).toBe('html');
      expect(all(entry, 'link').filter((l) => (l.attrs.rel ?? 'alternate') === 'alternate')).toHaveLength(1);
    }
    expect(new Set(entries.map((e) => one(e, 'id').text)).size).toBe(3);
    expect(one(full, 'id').text).toBe('tag:caravan,2025:items/4f1c2a9e8b7d6c5e4f3a2b1c0d9e8f7a/in/topics/aviation');
    expect(one(full, 'title').text).toBe(hostileTitles[0]);
    expect(one(full, 'published').text).toBe('2025-01-22T05:00:00.000Z');
    expect(one(full, 'updated').text).toBe('2025-01-23T08:30:00.000Z');
    expect(all(full, 'author').map((a) => one(a, 'name').text)).toEqual(['Aigerim Toleukhanova', 'Bruce Pannier']);
    expect(all(full, 'category').map((c) => [c.attrs.term, c.attrs.scheme])).toEqual([
      ['aviation', 'https://caravan.example/topics'],
      ['security', 'https://caravan.example/topics'],
      ['kazakhstan', 'https://caravan.example/regions'],
      ['central-asia', 'https://caravan.example/regions'],
    ]);
    expect(one(full, 'summary').text).toBe('First <paragraph> & more.');
    expect(one(full, 'content').text).toBe('<p>First &lt;paragraph&gt; &amp; more.</p>\n<p>Second paragraph ]]&gt; ends.</p>');
    expect(one(linked, 'id').text).toBe('tag:caravan,2025:items/9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d/in/topics/aviation');
    expect(one(linked, 'link').attrs.href).toBe('https://example.com/news/aktau?utm=1&id=2');
    // Stated publication, no stated update: updated is the publication, not when Caravan stored it.
    expect(one(linked, 'updated').text).toBe('2025-01-21T12:00:00.000Z');
    // The outlet: the entry's source (with the upstream feed), and its author when it has no byline.
    const source = one(linked, 'source');
    expect([one(source, 'title').text, one(source, 'id').text, one(source, 'link').attrs.href]).toEqual(['Example News (Reuters)', 'https://example.com/feed.xml', 'https://example.com/feed.xml']);
    expect(all(linked, 'author').map((a) => one(a, 'name').text)).toEqual(['Example News (Reuters)']);
    expect(one(one(full, 'source'), 'title').text).toBe('Eurasianet');
    expect(all(one(full, 'source'), 'id')).toHaveLength(0);
    expect(one(linked, 'content').text).toBe('<p>Upstream <em>HTML</em> &amp; text.</p>');
    // No stated date: no published, and updated says only when Caravan first saw it.
    expect(all(bare, 'published')).toHaveLength(0);
    expect(one(bare, 'updated').text).toBe('2025-01-01T00:00:00.000Z');
    expect(all(bare, 'author')).toHaveLength(0);
    expect(all(bare, 'source')).toHaveLength(0);
    expect(one(bare, 'link').attrs.href).toBe('https://caravan.example/items/00112233445566778899aabbccddeeff');
  });

  it('never dates an update before the publication', () => {
    const item = makeItem({ id: 'ab', published: '2025-03-01T00:00:00Z', changed: '2025-02-01T00:00:00.000Z' });
    const entry = one(atom({ items: [item] }), 'entry');
    expect(one(entry, 'updated').text).toBe('2025-03-01T00:00:00.000Z');
  });

  it('is a valid feed when no item matches', () => {
    const feed = atom({ items: [], updated: new Date(0) });
    expect(all(feed, 'entry')).toHaveLength(0);
    expect(one(feed, 'updated').text).toBe('1970-01-01T00:00:00.000Z');
    expect(all(feed, 'author')).toHaveLength(1);
  });

  it('advertises the WebSub hub when one is configured', () => {
    const hubs = all(atom({ hub: 'https://hub.example/' }), 'link').filter((l) => l.attrs.rel === 'hub');
    expect(hubs.map((l) => l.attrs.href)).toEqual(['https://hub.example/']);
  });

  it('carries text that looks escaped, repeated CDATA ends and carriage returns exactly', () => {
    const tricky = 'Bob &amp; Al &lt;b&gt;\r\nnext\rline';
    const html = '<p>one ]]> two ]]> three &amp; four</p>\n<entry><title type="html"><![CDATA[not a title]]></title></entry>';
    const item = makeItem({ id: 'ef', title: tricky, summary: tricky, authors: [tricky], contentHtml: html });
    const xml = renderAtomFeed(sampleContext({ feed: { ...sampleDef, title: tricky, description: tricky }, items: [item] }));
    // A carriage return must be a character reference, or parsers read a line feed.
    expect(xml).not.toContain('\r');
    const feed = parseXml(xml);
    expect(one(feed, 'title').text).toBe(tricky);
    expect(one(feed, 'subtitle').text).toBe(tricky);
    const entry = one(feed, 'entry');
    expect(one(entry, 'title').text).toBe(tricky);
    expect(one(entry, 'summary').text).toBe(tricky);
    expect(one(one(entry, 'author'), 'name').text).toBe(tricky);
    // In HTML `]]&gt;` is `]]>`; markup inside the content is content, never touched.
    expect(one(entry, 'content').text).toBe(html.replaceAll(']]>', ']]&gt;'));
  });

  it('gives every entry the same id as RSS and JSON Feed', () => {
    const items = [
      makeItem({ id: 'a1', url: 'https://kaz.example/новости/a b|c?q=x y&z=1#f' }),
      makeItem({ id: 'b2', url: new URL("https://example.com/it's/a?b='c'").href }),
      makeItem({ id: 'c3' }),
    ];
    const atomIds = all(atom({ items }), 'entry').map((e) => one(e, 'id').text);
    const rss = one(parseXml(renderRssFeed(sampleContext({ items }))), 'channel');
    const json = JSON.parse(renderJsonFeed(sampleContext({ items }))) as { items: { id: string }[] };
    expect(atomIds).toEqual(all(rss, 'item').map((i) => one(i, 'guid').text));
    expect(atomIds).toEqual(json.items.map((i) => i.id));
  });

  it('stays well-formed and carries any title, summary and author exactly (control characters dropped)', () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 80 }), fc.string({ unit: "grapheme", maxLength: 40 }), (a, b) => {
        const text = `${a} ${b}`;
        const item = makeItem({ id: 'cd', title: text, summary: text, contentText: text, authors: [text] });
        const entry = one(atom({ items: [item] }), 'entry');
        const expected = stripInvalidXml(text);
        expect(one(entry, 'title').text).toBe(expected);
        expect(one(entry, 'summary').text).toBe(expected);
        expect(one(one(entry, 'author'), 'name').text).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });
});
