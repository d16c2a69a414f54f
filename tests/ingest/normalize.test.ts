import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Article } from '../../src/item.js';
import { dedupe } from '../../src/ingest/dedupe.js';
import { firstWords, normalize } from '../../src/ingest/normalize.js';
import { summarize } from '../../src/ingest/summarize.js';
import { titleKey } from '../../src/ingest/titleKey.js';

const article = (over: Partial<Article>): Article => ({
  title: 'Kazakhstan’s High-Stakes Balancing Act', paragraphs: ['First paragraph.'], contentHtml: null, authors: [], source: null,
  published: null, updated: null, url: null, guid: null, partial: false, language: 'en',
  origin: { kind: 'page', ref: 'a.txt' }, ...over,
});
const longText = (seed: string) => Array.from({ length: 60 }, (_, i) => `${seed} word${i}`).join(' ');

describe('normalize', () => {
  it('gives the same article the same id on every run and page, and different articles different ids', async () => {
    const a = await normalize(article({ origin: { kind: 'page', ref: 'a.txt' } }), '2025-01-01T00:00:00Z');
    const b = await normalize(article({ title: "Kazakhstan's  high-stakes balancing act", origin: { kind: 'page', ref: 'b.txt' } }), '2026-01-01T00:00:00Z');
    const c = await normalize(article({ title: 'Another story' }), '2025-01-01T00:00:00Z');
    expect(a.item.id).toMatch(/^[0-9a-f]{32}$/);
    expect(b.item.id).toBe(a.item.id);
    expect(c.item.id).not.toBe(a.item.id);
    const byGuid = await normalize(article({ guid: 'tag:x,2025:1', url: 'https://x/1' }), '2025-01-01T00:00:00Z');
    const sameGuid = await normalize(article({ guid: 'tag:x,2025:1', url: 'https://x/other', title: 'Edited' }), '2025-01-01T00:00:00Z');
    expect(sameGuid.item.id).toBe(byGuid.item.id);
  });

  it('cleans text: control characters gone, white space folded, paragraphs kept', async () => {
    const { item } = await normalize(article({ title: ' A\u0000 <b>&\u0007 ', paragraphs: ['One\u0001  two.', '', 'Three.'] }), 'now');
    expect(item.title).toBe('A <b>&');
    expect(item.contentText).toBe('One two.\n\nThree.');
    expect(item.summary).toBe('One two. Three.');
  });
});

describe('summarize', () => {
  it('cuts after a sentence within about 320 characters, else at a word with an ellipsis', () => {
    const sentences = 'This is the first sentence of a long article about Astana. '.repeat(10);
    const summary = summarize(sentences);
    expect(summary.length).toBeLessThanOrEqual(320);
    expect(summary.endsWith('Astana.')).toBe(true);
    const words = summarize('word '.repeat(200));
    expect(words.endsWith('word…')).toBe(true);
  });

  it('of a long text (only its head folded) is the summary of the whole text folded', () => {
    const whole = (text: string) => {
      const flat = text.replace(/\s+/g, ' ').trim();
      if (flat.length <= 320) return flat;
      let cut = -1;
      for (const m of flat.slice(0, 321).matchAll(/[.!?…][”"’')]?(?= )/g)) if (m.index + m[0].length >= 80) cut = m.index + m[0].length;
      if (cut > 0) return flat.slice(0, cut);
      const end = flat.lastIndexOf(' ', 320);
      return `${flat.slice(0, end > 0 ? end : 320)}…`;
    };
    // Runs of white space of every kind anywhere, most of all about the head's end (1,280).
    const piece = fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom('word', 'Astana', 'a', '.', '!', '”', ')', '…', 'x'.repeat(90)) },
      { weight: 3, arbitrary: fc.constantFrom(' ', '  ', '\n\n', '\t', '\u00a0', ' '.repeat(700)) },
    );
    const text = fc.array(piece, { maxLength: 400 }).map((parts) => parts.join(''));
    fc.assert(fc.property(text, (t) => {
      expect(summarize(t)).toBe(whole(t));
    }), { numRuns: 2000 });
    for (const t of ['a'.repeat(320) + ' '.repeat(1000), 'a'.repeat(319) + ' b' + ' '.repeat(1000), ' '.repeat(1279) + 'a b', 'a'.repeat(1279) + ' '.repeat(400) + 'b', ' '.repeat(1500) + 'word '.repeat(100), 'w '.repeat(640) + ' '.repeat(50)]) {
      expect(summarize(t)).toBe(whole(t));
    }
  });
});

describe('dedupe', () => {
  const now = '2025-02-01T00:00:00.000Z';
  it('collapses the same headline from two pages into one item with both origins, keeping the fuller text', async () => {
    const teaser = await normalize(article({ paragraphs: ['Short teaser...'], partial: true, origin: { kind: 'page', ref: 'listing.txt' } }), now);
    const full = await normalize(article({ paragraphs: [longText('full')], authors: ['A. Writer'], origin: { kind: 'page', ref: 'article.txt' } }), now);
    const [merged, ...rest] = dedupe([teaser, full], [], now);
    expect(rest).toHaveLength(0);
    expect(merged.item.partial).toBe(false);
    expect(merged.item.contentText).toContain('full word59');
    expect(merged.item.authors).toEqual(['A. Writer']);
    expect(merged.item.origins.map((o) => o.ref)).toEqual(['listing.txt', 'article.txt']);
  });

  it('merges into a stored item by URL and keeps its id and firstSeen', async () => {
    const stored = await normalize(article({ url: 'https://news.example/a', guid: 'feed-a-1' }), '2024-01-01T00:00:00.000Z');
    const incoming = await normalize(article({ url: 'https://news.example/a', guid: 'feed-b-9', origin: { kind: 'upstream', ref: 'https://b/feed' } }), now);
    const [merged] = dedupe([incoming], [stored], now);
    expect(merged.item.id).toBe(stored.item.id);
    expect(merged.item.firstSeen).toBe('2024-01-01T00:00:00.000Z');
    expect(merged.item.origins).toHaveLength(2);
  });

  it('keeps two different stories that share a generic headline apart', async () => {
    const a = await normalize(article({ title: 'Live updates', guid: 'a', paragraphs: [longText('alpha')] }), now);
    const b = await normalize(article({ title: 'Live updates', guid: 'b', paragraphs: [longText('beta')] }), now);
    expect(dedupe([a, b], [], now)).toHaveLength(2);
  });

  it('folds case, accents and quote styles in title keys', () => {
    expect(titleKey('Cyber Déjà Vu: Is Russia Spying on Kazakhstan’s Again?')).toBe(titleKey("cyber deja vu  is russia spying on kazakhstan's again"));
  });
});

describe('firstWords', () => {
  it('gives what splitting the whole text on white space and joining its first words gives', () => {
    const spaces = fc.constantFrom(' ', '  ', '\n\n', '\t', '\u00a0', '\u2003', ' \n ');
    const word = fc.string({ minLength: 1, maxLength: 6 }).map((w) => w.replace(/\s/g, 'x'));
    const text = fc.array(fc.tuple(word, spaces), { maxLength: 30 }).map((parts) => parts.map(([w, s]) => `${w}${s}`).join('').trim());
    fc.assert(fc.property(text, fc.integer({ min: 0, max: 35 }), (t, n) => firstWords(t, n) === t.split(/\s+/).slice(0, n).join(' ')), { numRuns: 2000 });
    expect(firstWords('', 400)).toBe('');
    expect(firstWords('one two\n\nthree', 2)).toBe('one two');
  });
});
