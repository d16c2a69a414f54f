import type { Item } from '../../src/item.js';

/** A complete item with sensible defaults, for store and render tests. */
export function makeItem(overrides: Partial<Item> & { id: string }): Item {
  return {
    url: null,
    title: `Title ${overrides.id}`,
    contentText: `Text of ${overrides.id}.`,
    contentHtml: null,
    summary: `Text of ${overrides.id}.`,
    authors: [],
    source: null,
    published: null,
    updated: null,
    firstSeen: '2025-01-01T00:00:00.000Z',
    changed: '2025-01-01T00:00:00.000Z',
    topics: [],
    regions: [],
    origins: [{ kind: 'page', ref: 'test/page.txt' }],
    partial: false,
    language: 'en',
    ...overrides,
  };
}
