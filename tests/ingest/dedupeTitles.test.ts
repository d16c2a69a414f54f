import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/item.js';
import { dedupe } from '../../src/ingest/dedupe.js';
import { normalize } from '../../src/ingest/normalize.js';

/** A shared headline alone, or a headline that names a page part, never makes two pages' articles one. */
const page = (ref: string, title: string, text: string): Article => ({
  title, paragraphs: [text], contentHtml: null, authors: [], source: null, published: null, updated: null, url: null, guid: null,
  partial: false, language: 'en', origin: { kind: 'page', ref },
});
const prose = (topic: string) => Array.from({ length: 40 }, (_, i) => `${topic} detail${i}`).join(' ');
const now = '2026-01-01T00:00:00.000Z';

describe('dedupe of page articles by headline', () => {
  it('keeps two different articles apart when both pages gave them the same chrome headline', async () => {
    const a = await normalize(page('a.txt', 'Print this article', prose('harvest')), now);
    const b = await normalize(page('b.txt', 'Print this article', prose('election')), now);
    const out = dedupe([a, b], [], now);
    expect(out).toHaveLength(2);
    expect(new Set(out.map((e) => e.item.id)).size).toBe(2);
    expect(out.map((e) => e.item.origins.length)).toEqual([1, 1]);
    // The second keeps its own id on the next run too: derived from headline and text.
    const again = dedupe([await normalize(page('b.txt', 'Print this article', prose('election')), now)], out, now);
    expect(again[0]!.item.id).toBe(out[1]!.item.id);
  });

  it('never merges a one- or two-word headline across pages, even over the same text', async () => {
    const a = await normalize(page('a.txt', 'Navigation', prose('menu')), now);
    const b = await normalize(page('b.txt', 'Navigation', prose('menu')), now);
    expect(dedupe([a, b], [], now)).toHaveLength(2);
  });

  it('still makes the same article on two pages one item', async () => {
    const a = await normalize(page('a.txt', 'Grain exports rise for a third year', prose('grain')), now);
    const b = await normalize(page('b.txt', 'Grain exports rise for a third year', prose('grain')), now);
    const out = dedupe([a, b], [], now);
    expect(out).toHaveLength(1);
    expect(out[0]!.item.origins.map((o) => o.ref)).toEqual(['a.txt', 'b.txt']);
  });

  it('keeps a block two pages carry word for word (site furniture, not their main article) each page\'s own, on every run', async () => {
    const box = (ref: string) => ({ ...page(ref, 'What our reader badges mean', prose('badge')), secondary: true });
    const a = await normalize(box('a.txt'), now);
    const b = await normalize(box('b.txt'), now);
    const c = await normalize(box('c.txt'), now);
    const out = dedupe([a, b, c], [], now);
    expect(out).toHaveLength(3);
    expect(out.map((e) => e.item.origins.length)).toEqual([1, 1, 1]);
    const again = dedupe([await normalize(box('b.txt'), now), await normalize(box('c.txt'), now)], out, now);
    expect(again.map((e) => e.item.id)).toEqual([out[1]!.item.id, out[2]!.item.id]);
  });

  it('still joins a page\'s teaser (cut short) to the full article on another page', async () => {
    const teaser = await normalize({ ...page('listing.txt', 'Grain exports rise for a third year', 'grain detail0 grain detail1 grain…'), partial: true, secondary: true }, now);
    const full = await normalize(page('article.txt', 'Grain exports rise for a third year', prose('grain')), now);
    const out = dedupe([teaser, full], [], now);
    expect(out).toHaveLength(1);
    expect(out[0]!.item.origins.map((o) => o.ref)).toEqual(['listing.txt', 'article.txt']);
  });

  it('never joins two pages\' teasers to each other: only a teaser to a full text', async () => {
    const teaser = (ref: string) => ({ ...page(ref, 'View more trending stories', 'Loading…'), partial: true, secondary: true });
    const out = dedupe([await normalize(teaser('a.txt'), now), await normalize(teaser('b.txt'), now)], [], now);
    expect(out).toHaveLength(2);
    expect(out.map((e) => e.item.origins.length)).toEqual([1, 1]);
  });
});
