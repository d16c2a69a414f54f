import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../src/ingest/upstream/parseFeed.js';
import { toArticle } from '../../../src/ingest/upstream/toArticle.js';
import type { FeedEntry, ParsedFeed } from '../../../src/ingest/upstream/feedTypes.js';
import { source } from './helpers.js';

const now = new Date('2024-06-01T12:00:00.000Z');

describe('parseFeed: detection and errors', () => {
  it.each([
    ['', 'parse: empty document'],
    ['  \n\t ', 'parse: empty document'],
    ['\uFEFF', 'parse: empty document'],
    ['<!DOCTYPE html><html><body>x</body></html>', 'parse: not a feed (looks like HTML)'],
    ['<!-- c --><html lang="en"><head></head></html>', 'parse: not a feed (looks like HTML)'],
    ['<HTML><BODY>x</BODY></HTML>', 'parse: not a feed (looks like HTML)'],
    ['Hello, plain text', 'parse: not a feed (neither XML nor JSON)'],
    ['<?xml version="1.0"?><opml version="2.0"><body/></opml>', 'parse: not a feed (root element <opml>)'],
    ['<?xml version="1.0"?>', 'parse: malformed XML (no root element)'],
    ['<rss version="2.0"><channel><title>x</title>', 'parse: malformed XML (Unclosed root tag at line 1, column 44)'],
    ['<rss version="2.0"><channel><title>a &bogus; b</title></channel></rss>', 'parse: malformed XML (Invalid character entity at line 1, column 44)'],
    ['{"version": "https://jsonfeed.org/version/1.1", "items": [', 'parse: malformed JSON (Unexpected end of JSON input)'],
    ['{"version": "https://jsonfeed.org/version/1.1"}', 'parse: JSON Feed without an "items" array'],
    ['{"items": []}', 'parse: not a feed (JSON without a jsonfeed.org version)'],
    ['[1, 2]', 'parse: not a feed (a JSON array)'],
    ['{"version": "https://jsonfeed.org/version/1", "items": [42]}', 'parse: JSON Feed items[0] is not an object'],
  ])('%j → %s', async (text, message) => {
    await expect(parseFeed(text)).rejects.toMatchObject({ name: 'UpstreamError', message: message });
  });

  it('does not expand entities declared in a DOCTYPE (billion laughs)', async () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><rss version="2.0"><channel><title>&b;</title></channel></rss>`;
    await expect(parseFeed(bomb)).rejects.toThrow(/^parse: malformed XML \(Invalid character entity/);
  });

  it('reads HTML named entities outside CDATA, an RSS without version, and entries without fields', async () => {
    const feed = await parseFeed('<rss><channel><title>A&nbsp;&mdash;&nbsp;B</title><item></item><item><title>x</title></item></channel></rss>');
    expect(feed).toMatchObject({ format: 'rss', version: 'rss-2.0', title: 'A\u00a0—\u00a0B', ttlMinutes: null });
    expect(feed.entries).toHaveLength(2);
    expect(feed.entries[0]).toEqual({
      guid: null, guidIsLink: true, link: null, title: null, titleKind: 'guess', html: null, text: null, authors: [], published: null, updated: null, language: null, base: null,
    });
  });

  it('Atom: text content stays text, summary is used without content, sy and ttl are RSS only', async () => {
    const feed = await parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom"><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">X <b>T</b></div></title>
      <entry><title>e</title><summary type="text">a &lt; b</summary></entry>
      <entry><title>f</title><summary type="html">&lt;p&gt;s&lt;/p&gt;</summary><content type="text">c &lt;x&gt;</content></entry></feed>`);
    expect(feed.title).toBe('X T');
    expect(feed.entries.map((e) => [e.html, e.text])).toEqual([[null, 'a < b'], [null, 'c <x>']]);
  });
});

describe('toArticle', () => {
  const feed: ParsedFeed = { format: 'rss', version: 'rss-2.0', title: 'Feed &amp; Co', link: null, base: null, language: 'EN_gb', authors: [], ttlMinutes: null, entries: [] };
  const entry = (extra: Partial<FeedEntry>): FeedEntry => ({
    guid: null, guidIsLink: true, link: null, title: null, titleKind: 'guess', html: null, text: null, authors: [], published: null, updated: null, language: null, base: null, ...extra,
  });
  const article = (e: FeedEntry, f: ParsedFeed = feed) => toArticle(e, { source: source('https://feed.example/rss'), feed: f, feedUrl: 'https://feed.example/rss', now });

  it('uses a permalink guid as the url, but not one marked isPermaLink="false" or a relative one', () => {
    expect(article(entry({ guid: 'https://a.example/1?utm_source=x' })).url).toBe('https://a.example/1');
    expect(article(entry({ guid: 'https://a.example/1', guidIsLink: false })).url).toBeNull();
    expect(article(entry({ guid: '/relative/1' })).url).toBeNull();
    expect(article(entry({ guid: 'https://a.example/1', link: 'https://a.example/canonical' })).url).toBe('https://a.example/canonical');
  });

  it('resolves against the feed URL when the feed has no link or base', () => {
    expect(article(entry({ link: '../x' })).url).toBe('https://feed.example/x');
    expect(article(entry({ link: 'y', base: '/sub/' })).url).toBe('https://feed.example/sub/y');
  });

  it('titles an untitled entry from its first paragraph, cut at a word', () => {
    const long = 'Word '.repeat(40).trim();
    expect(article(entry({ text: `${long}\n\nSecond` })).title).toBe(`${'Word '.repeat(19)}Word…`);
    expect(article(entry({ html: '<p>Short one</p>' })).title).toBe('Short one');
    expect(article(entry({})).title).toBe('');
  });

  it('cleans every text field, normalizes language and source, dedupes authors', () => {
    const a = article(entry({ title: 'T\uD800\u0001', guid: ' g\u0000 ', authors: ['Ann', ' Ann ', '', 'B\uFFFF'], html: '<p>x\uDC00</p>' }));
    expect([a.title, a.guid, a.authors, a.contentHtml, a.paragraphs, a.language, a.source]).toEqual(['T', 'g', ['Ann', 'B'], '<p>x</p>', ['x'], 'en-GB', 'Feed & Co']);
    expect(article(entry({ language: 'not a language!' })).language).toBeNull();
    expect(article(entry({ language: 'RU' })).language).toBe('ru');
  });
});
