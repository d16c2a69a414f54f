import { describe, expect, it } from 'vitest';
import { asciiUrl, entryId, entryScope, entryUpdated, statedUpdate } from '../../src/render/feedContext.js';
import { makeItem } from '../helpers/makeItem.js';

describe('asciiUrl', () => {
  it('percent-encodes what a URI may not hold, after the authority, and leaves the rest', () => {
    expect(asciiUrl('https://kaz.example/новости/a b|c^d?q=x y#f')).toBe(
      'https://kaz.example/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8/a%20b%7Cc%5Ed?q=x%20y#f',
    );
    expect(asciiUrl('https://example.com/a%20b?x=1&y=2')).toBe('https://example.com/a%20b?x=1&y=2');
    expect(asciiUrl('http://[::1]:8787/feed.atom')).toBe('http://[::1]:8787/feed.atom');
  });
});

describe('entry ids', () => {
  const aviation = { kind: 'topic', path: '/topics/aviation', title: 't', description: 'd', countTag: null, filter: {} } as const;
  const kazakhstan = { ...aviation, kind: 'region', path: '/regions/kazakhstan' } as const;

  it('are the article in this feed: one article has a different id in every feed, and a search is a feed of its own', () => {
    const item = makeItem({ id: 'f'.repeat(32), url: 'https://example.com/x' });
    const ids = [entryScope(aviation, null), entryScope(kazakhstan, undefined), entryScope(aviation, 'crash & burn')].map((s) => entryId(s, item));
    expect(ids).toEqual([
      `tag:caravan,2025:items/${'f'.repeat(32)}/in/topics/aviation`,
      `tag:caravan,2025:items/${'f'.repeat(32)}/in/regions/kazakhstan`,
      `tag:caravan,2025:items/${'f'.repeat(32)}/in/topics/aviation?q=crash%20%26%20burn`,
    ]);
    // RFC 4151 tag URI: no character outside its grammar.
    for (const id of ids) expect(id).toMatch(/^tag:[a-z0-9.-]+,\d{4}:[A-Za-z0-9\-._~%!$&'()*+,;=:@/?]*$/);
  });

  it('depend on the article and the feed only: never on its URL, text, dates or host', () => {
    const scope = entryScope(aviation, null);
    const a = makeItem({ id: 'ab12', url: 'https://example.com/x', title: 'one', changed: '2025-01-01T00:00:00Z' });
    const b = makeItem({ id: 'ab12', url: 'https://example.org/y', title: 'two', changed: '2026-01-01T00:00:00Z' });
    expect(entryId(scope, a)).toBe(entryId(scope, b));
  });
});

describe('dates', () => {
  it('statedUpdate is only what a source stated, never before publication', () => {
    expect(statedUpdate(makeItem({ id: 'a', updated: '2025-02-01T00:00:00Z', changed: '2025-03-01T00:00:00Z' }))?.toISOString()).toBe('2025-02-01T00:00:00.000Z');
    expect(statedUpdate(makeItem({ id: 'a', published: '2025-04-01T00:00:00Z', updated: '2025-02-01T00:00:00Z' }))?.toISOString()).toBe('2025-04-01T00:00:00.000Z');
    expect(statedUpdate(makeItem({ id: 'a', published: '2025-04-01T00:00:00Z', changed: '2025-05-01T00:00:00Z' }))).toBeNull();
    expect(statedUpdate(makeItem({ id: 'a', updated: 'garbage' }))).toBeNull();
  });

  it("entryUpdated is the stated update, else the stated publication, else when Caravan first saw it; never Caravan's later changes", () => {
    const seen = { firstSeen: '2025-03-01T00:00:00.000Z', changed: '2025-06-01T00:00:00.000Z' };
    expect(entryUpdated(makeItem({ id: 'a', updated: '2025-02-01T00:00:00Z', ...seen })).toISOString()).toBe('2025-02-01T00:00:00.000Z');
    expect(entryUpdated(makeItem({ id: 'a', published: '2025-01-01T00:00:00Z', ...seen })).toISOString()).toBe('2025-01-01T00:00:00.000Z');
    expect(entryUpdated(makeItem({ id: 'a', ...seen })).toISOString()).toBe('2025-03-01T00:00:00.000Z');
  });
});
