import { describe, expect, it } from 'vitest';
import { renderJsonFeed } from '../../src/render/jsonFeed.js';
import { makeItem } from '../helpers/makeItem.js';
import { hostileTitles, sampleContext } from './sampleFeed.js';

const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const selfUrl = 'https://caravan.example/topics/aviation.json?limit=3&q=crash';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const render = (overrides = {}): any => JSON.parse(renderJsonFeed(sampleContext({ selfUrl, ...overrides })));

describe('JSON Feed 1.1', () => {
  it('has the top-level fields of version 1.1', () => {
    const feed = render({ hub: 'https://hub.example/' });
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.title).toBe('Caravan: Aviation & <Air> "Travel"');
    expect(feed.home_page_url).toBe('https://caravan.example/');
    expect(feed.feed_url).toBe(selfUrl);
    expect(feed.authors).toEqual([{ name: 'Caravan', url: 'https://caravan.example/' }]);
    expect(feed.language).toBe('en');
    expect(feed.hubs).toEqual([{ type: 'WebSub', url: 'https://hub.example/' }]);
    expect(feed.author).toBeUndefined();
    expect([feed.icon, feed.favicon]).toEqual(['https://caravan.example/icon.png', 'https://caravan.example/favicon.ico']);
  });

  it('gives every item id, url, title, content, summary, dates, authors, tags and language', () => {
    const [full, linked, bare] = render().items;
    expect(full).toMatchObject({
      id: 'tag:caravan,2025:items/4f1c2a9e8b7d6c5e4f3a2b1c0d9e8f7a/in/topics/aviation',
      url: 'https://caravan.example/items/4f1c2a9e8b7d6c5e4f3a2b1c0d9e8f7a',
      title: hostileTitles[0],
      content_text: 'First <paragraph> & more.\n\nSecond paragraph ]]> ends.',
      content_html: '<p>First &lt;paragraph&gt; &amp; more.</p>\n<p>Second paragraph ]]&gt; ends.</p>',
      summary: 'First <paragraph> & more.',
      date_published: '2025-01-22T05:00:00Z',
      date_modified: '2025-01-23T08:30:00Z',
      authors: [{ name: 'Aigerim Toleukhanova' }, { name: 'Bruce Pannier' }],
      tags: ['aviation', 'security', 'kazakhstan', 'central-asia'],
      language: 'en',
    });
    expect(linked).toMatchObject({ id: 'tag:caravan,2025:items/9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d/in/topics/aviation', url: 'https://example.com/news/aktau?utm=1&id=2' });
    // Both dates are optional in JSON Feed: only what a source stated.
    expect(linked.date_modified).toBeUndefined();
    expect(bare.date_modified).toBeUndefined();
    expect(linked.content_html).toBe('<p>Upstream <em>HTML</em> &amp; text.</p>');
    expect(bare.date_published).toBeUndefined();
    expect(bare.authors).toBeUndefined();
    expect(bare.language).toBeUndefined();
    for (const item of [full, linked, bare]) {
      expect(typeof item.id).toBe('string');
      if (item.date_modified !== undefined) expect(item.date_modified).toMatch(rfc3339);
      for (const key of Object.keys(item)) {
        expect(['id', 'url', 'title', 'content_html', 'content_text', 'summary', 'date_published', 'date_modified', 'authors', 'tags', 'language'].includes(key) || key.startsWith('_')).toBe(true);
      }
    }
  });

  it('carries the same text as the XML formats: control characters dropped, everything else exact', () => {
    const item = makeItem({ id: 'ab', title: 'A\u0000B\u0007C\uFFFE 🐪 \uD800', summary: 'x\u001Fy' });
    const [rendered] = render({ items: [item] }).items;
    expect(rendered.title).toBe('ABC 🐪 ');
    expect(rendered.summary).toBe('xy');
  });

  it('is a valid feed when no item matches', () => {
    expect(render({ items: [] }).items).toEqual([]);
  });
});
