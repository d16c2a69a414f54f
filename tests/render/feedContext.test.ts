import { describe, expect, it } from 'vitest';
import { asciiUrl, entryIds, itemGuid, itemModified } from '../../src/render/feedContext.js';
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
  it('are the URL (a permalink) when there is one, else a valid urn:uuid', () => {
    expect(itemGuid(makeItem({ id: 'ab', url: 'https://example.com/x' }))).toEqual({ value: 'https://example.com/x', isPermaLink: true });
    const { value, isPermaLink } = itemGuid(makeItem({ id: 'f'.repeat(32) }));
    expect(isPermaLink).toBe(false);
    expect(value).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(itemGuid(makeItem({ id: 'f'.repeat(32), title: 'other' })).value).toBe(value);
  });

  it('never repeat within a document', () => {
    const items = [
      makeItem({ id: 'a1', url: 'https://example.com/same' }),
      makeItem({ id: 'b2', url: 'https://example.com/same' }),
    ];
    const ids = entryIds(items).map((g) => g.value);
    expect(ids[0]).toBe('https://example.com/same');
    expect(ids[1]).toMatch(/^urn:uuid:b2000000-/);
  });
});

describe('itemModified', () => {
  it('is the stated update, else the stored change, never before publication', () => {
    expect(itemModified(makeItem({ id: 'a', updated: '2025-02-01T00:00:00Z', changed: '2025-03-01T00:00:00Z' })).toISOString()).toBe('2025-02-01T00:00:00.000Z');
    expect(itemModified(makeItem({ id: 'a', changed: '2025-03-01T00:00:00Z' })).toISOString()).toBe('2025-03-01T00:00:00.000Z');
    expect(itemModified(makeItem({ id: 'a', published: '2025-04-01T00:00:00Z', changed: '2025-03-01T00:00:00Z' })).toISOString()).toBe('2025-04-01T00:00:00.000Z');
    expect(itemModified(makeItem({ id: 'a', updated: 'garbage', changed: '2025-03-01T00:00:00Z' })).toISOString()).toBe('2025-03-01T00:00:00.000Z');
  });
});
