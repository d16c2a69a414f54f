import type { FeedDef } from '../catalog/feedCatalog.js';
import type { Item } from '../item.js';

/** Everything a renderer needs; all URLs absolute. */
export interface FeedContext {
  feed: FeedDef;
  items: Item[];
  /** The exact URL this document is served at. */
  selfUrl: string;
  /** The site root (`https://caravan.example`), for alternate links and item links. */
  baseUrl: string;
  /** Feed-level updated time: the newest item change, or a fixed epoch for an empty feed. */
  updated: Date;
  hub: string | null;
}

/** Where an item can be read: its own URL, else its entry in Caravan's JSON API. */
export function itemLink(item: Item, baseUrl: string): string {
  return item.url ?? `${baseUrl}/items/${item.id}`;
}

/** Stable entry id: the item's URL when it has one, else a urn:uuid made from its stable id. */
export function itemGuid(item: Item): { value: string; isPermaLink: boolean } {
  if (item.url) return { value: item.url, isPermaLink: true };
  const hex = item.id.padEnd(32, '0').slice(0, 32);
  return {
    value: `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`,
    isPermaLink: false,
  };
}

/** The scheme URL of a category (topics and regions are two vocabularies). */
export function categoryScheme(baseUrl: string, kind: 'topics' | 'regions'): string {
  return `${baseUrl}/${kind}`;
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

export function escapeHtml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
}

/** Plain-text paragraphs as HTML paragraphs, for readers that show content as HTML. */
export function textToHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('\n');
}
