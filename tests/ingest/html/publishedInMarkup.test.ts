import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { publishedInMarkup } from '../../../src/ingest/html/publishedInMarkup.js';

const doc = (body: string) => parseHTML(`<!DOCTYPE html><html><body>${body}</body></html>`).document;

describe('publishedInMarkup', () => {
  it('reads itemprop="datePublished" and <time pubdate>', () => {
    expect(publishedInMarkup(doc('<span itemprop="datePublished" content="2024-02-03T18:00:00Z">3 Feb</span>'))).toBe('2024-02-03T18:00:00Z');
    expect(publishedInMarkup(doc('<time pubdate datetime="2024-02-04">4 Feb</time>'))).toBe('2024-02-04');
  });

  it("takes the <time> in the headline's header, not a sidebar's earlier in the page", () => {
    const page = doc(`<aside><time datetime="2024-05-30">30 May</time> Latest</aside>
      <div class="story"><div class="head"><h1>Ferry line adds night crossings</h1><p>By Ines Varga <time datetime="2024-02-03T18:00:00Z">3 Feb</time></p></div><p>Text.</p></div>`);
    expect(publishedInMarkup(page)).toBe('2024-02-03T18:00:00Z');
  });

  it("takes the <article>'s <time> when the headline's header has none", () => {
    expect(publishedInMarkup(doc('<h1>Site</h1><article><p>Text.</p><footer><time datetime="2024-01-09">9 Jan</time></footer></article>'))).toBe('2024-01-09');
  });

  it('states nothing for a partial date, or when nothing is marked up', () => {
    expect(publishedInMarkup(doc('<article><h1>Headline</h1><time datetime="2024">2024</time></article>'))).toBeNull();
    expect(publishedInMarkup(doc('<h1>Headline</h1><p>3 February 2024</p>'))).toBeNull();
  });
});
