import { describe, expect, it } from 'vitest';
import { FeedFragments, renderFromFragments } from '../../src/render/feedFragments.js';
import { renderAtomFeed } from '../../src/render/atomFeed.js';
import { renderJsonFeed } from '../../src/render/jsonFeed.js';
import { renderRssFeed } from '../../src/render/rssFeed.js';
import type { FeedFormat } from '../../src/render/formats.js';
import { renderFeed, renderFeedBytes } from '../../src/render/renderFeed.js';
import { makeItem } from '../helpers/makeItem.js';
import { hostileTitles, sampleContext, sampleDef, sampleItems } from './sampleFeed.js';

const formats: FeedFormat[] = ['atom', 'rss', 'json'];
const hostile = hostileTitles.map((title, n) =>
  makeItem({
    id: `${n}`.padStart(32, 'a'), title, summary: `${title}\r\nsecond line`, contentText: `${title}\r\n\r\n]]> ${title}`,
    authors: n % 2 ? [title] : [], source: n % 3 ? null : title, published: n % 4 ? null : '2025-02-01T00:00:00Z',
  }),
);

describe('feeds joined from cached fragments', () => {
  it('are byte for byte the documents the renderers write, for every format, feed and item mix', () => {
    const fragments = new FeedFragments();
    const contexts = [
      sampleContext(),
      sampleContext({ items: [] }),
      sampleContext({ items: hostile }),
      sampleContext({ items: [...hostile.slice(2), ...sampleItems()], hub: 'https://hub.example/', q: 'caravan & <b>' }),
      sampleContext({ items: sampleItems().slice(1), selfUrl: 'https://caravan.example/topics/aviation.atom?limit=2', updated: new Date('2025-03-01T00:00:00Z') }),
      sampleContext({ items: sampleItems(), feed: { ...sampleDef, path: '/regions/kazakhstan', title: 'Kazakhstan' }, baseUrl: 'http://other.example' }),
    ];
    // Twice: the second pass is made of cached parts only.
    for (const pass of [1, 2]) {
      for (const ctx of contexts) {
        for (const format of formats) expect(renderFeed(format, ctx, fragments), `${format}, pass ${pass}`).toBe(renderFeed(format, ctx));
      }
    }
    expect(fragments.size).toBeGreaterThan(0);
  });

  it('as bytes are the UTF-8 encoding of the whole document, for every format and item mix', () => {
    const fragments = new FeedFragments();
    const utf8 = (text: string) => new TextEncoder().encode(text);
    const contexts = [
      sampleContext(),
      sampleContext({ items: [] }),
      sampleContext({ items: hostile }),
      sampleContext({ items: [...hostile.slice(3), ...sampleItems()], q: 'caravan & <b>' }),
      sampleContext({ items: [sampleItems()[0]!] }),
    ];
    for (const pass of [1, 2]) {
      for (const ctx of contexts) {
        for (const format of formats) expect(renderFeedBytes(format, ctx, fragments), `${format}, pass ${pass}`).toEqual(utf8(renderFeed(format, ctx)));
      }
    }
    // Without fragments: the plain encoding.
    expect(renderFeedBytes('atom', sampleContext())).toEqual(utf8(renderFeed('atom', sampleContext())));
  });

  it('need no rendering at all for a feed whose items are cached, and one per new item', () => {
    for (const [format, renderer] of [['atom', renderAtomFeed], ['rss', renderRssFeed], ['json', renderJsonFeed]] as const) {
      const fragments = new FeedFragments();
      let renders = 0;
      const counting = (ctx: Parameters<typeof renderer>[0]) => {
        renders++;
        return renderer(ctx);
      };
      const items = [...hostile, ...sampleItems()];
      renderFromFragments(format, sampleContext({ items }), counting, fragments);
      expect(renders, format).toBe(items.length + 1);
      renders = 0;
      const again = renderFromFragments(format, sampleContext({ items: items.slice(1) }), counting, fragments);
      expect(renders, format).toBe(0);
      expect(again).toBe(renderer(sampleContext({ items: items.slice(1) })));
    }
  });

  it('render an entry again when its item changes', () => {
    const fragments = new FeedFragments();
    const [first, ...rest] = sampleItems();
    const before = renderFeed('atom', sampleContext({ items: [first!, ...rest] }), fragments);
    const changed = { ...first!, title: 'A new title', changed: first!.changed };
    const after = renderFeed('atom', sampleContext({ items: [changed, ...rest] }), fragments);
    expect(after).toBe(renderFeed('atom', sampleContext({ items: [changed, ...rest] })));
    expect(after).not.toBe(before);
  });

  it('keep at most their capacity', () => {
    const fragments = new FeedFragments(3);
    renderFeed('json', sampleContext({ items: hostile }), fragments);
    expect(fragments.size).toBe(3);
  });
});

describe('sameData', () => {
  it('compares as data, dates by their time', async () => {
    const { sameData } = await import('../../src/render/feedFragments.js');
    expect(sameData({ a: [1, 'x', null, { b: true }], d: new Date(5) }, { a: [1, 'x', null, { b: true }], d: new Date(5) })).toBe(true);
    expect(sameData({ d: new Date(5) }, { d: new Date(6) })).toBe(false);
    expect(sameData({ a: [1] }, { a: [1, 2] })).toBe(false);
    expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameData([], {})).toBe(false);
  });
});
