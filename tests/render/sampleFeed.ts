import type { FeedDef } from '../../src/catalog/feedCatalog.js';
import type { Item } from '../../src/item.js';
import type { FeedContext } from '../../src/render/feedContext.js';
import { makeItem } from '../helpers/makeItem.js';

/** Titles that break naive feeds: markup, CDATA ends, double escapes, entities, emoji, RTL text. */
export const hostileTitles = [
  `Tom & Jerry <script>alert("x")</script>`,
  'Ends a CDATA section ]]> and goes on',
  'Already escaped &amp;amp; &lt;b&gt; stays as typed',
  'AT&T © &copy; &#169; &nbsp; entities',
  '<b>bold</b> and <p onclick="x">para</p>',
  `Quotes "double" and 'single' and 1 < 2 > 0`,
  'Camel caravans 🐪🐫 cross the steppe',
  'RTL: مرحبا بالعالم and עברית mixed',
];

export const sampleDef: FeedDef = {
  kind: 'topic', path: '/topics/aviation', title: 'Caravan: Aviation & <Air> "Travel"',
  description: 'Airlines, airports & crashes.', countTag: 'topic:aviation', filter: { topics: ['aviation'] },
};

/** Fixed items: one with everything, one with a URL, one with nothing optional. */
export function sampleItems(): Item[] {
  return [
    makeItem({
      id: '4f1c2a9e8b7d6c5e4f3a2b1c0d9e8f7a',
      title: hostileTitles[0]!,
      contentText: 'First <paragraph> & more.\n\nSecond paragraph ]]> ends.',
      summary: 'First <paragraph> & more.',
      authors: ['Aigerim Toleukhanova', 'Bruce Pannier'],
      source: 'Eurasianet',
      published: '2025-01-22T10:00:00+05:00',
      updated: '2025-01-23T08:30:00Z',
      firstSeen: '2025-01-22T06:00:00.000Z',
      changed: '2025-01-23T09:00:00.000Z',
      topics: ['aviation', 'security'],
      regions: ['kazakhstan', 'central-asia'],
    }),
    makeItem({
      id: '9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d',
      url: 'https://example.com/news/aktau?utm=1&id=2',
      title: 'Plain title',
      contentText: 'Upstream text.',
      contentHtml: '<p>Upstream <em>HTML</em> &amp; text.</p>',
      summary: 'Upstream text.',
      published: '2025-01-21T12:00:00Z',
      firstSeen: '2025-01-21T13:00:00.000Z',
      changed: '2025-01-21T13:00:00.000Z',
      topics: ['aviation'],
      regions: ['azerbaijan'],
      source: 'Example News (Reuters)',
      origins: [{ kind: 'upstream', ref: 'https://example.com/feed.xml' }],
      language: 'en',
    }),
    makeItem({ id: '00112233445566778899aabbccddeeff', title: 'Bare item', language: null }),
  ];
}

export function sampleContext(overrides: Partial<FeedContext> = {}): FeedContext {
  return {
    feed: sampleDef,
    items: sampleItems(),
    selfUrl: 'https://caravan.example/topics/aviation.atom?limit=3&q=crash',
    baseUrl: 'https://caravan.example',
    updated: new Date('2025-01-23T09:00:00Z'),
    hub: null,
    ...overrides,
  };
}
