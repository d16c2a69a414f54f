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

/** Who publishes every Caravan feed (Atom requires a feed author when an entry has none). */
export const publisher = 'Caravan';

/**
 * A URL with every character outside the URI character set percent-encoded (UTF-8) after the
 * authority: feed validators reject IRIs and characters such as `|`, `^` or a space in links and
 * ids, and it is the same resource.
 */
export function asciiUrl(url: string): string {
  const match = /^([a-z][a-z0-9+.-]*:(?:\/\/[^/?#]*)?)(.*)$/is.exec(url);
  if (!match) return url;
  return match[1] + match[2]!.replace(/[^0-9A-Za-z;/?:@&=+$.\-_!~*'()%,#]/gu, (c) => {
    try {
      return encodeURIComponent(c);
    } catch {
      return '';
    }
  });
}

/** Where an item can be read: its own URL, else its entry in Caravan's JSON API. */
export function itemLink(item: Item, baseUrl: string): string {
  return item.url ? asciiUrl(item.url) : `${baseUrl}/items/${item.id}`;
}

/**
 * Stable entry id, the same in every format and on every host: the item's URL when it has one
 * (a permalink), else a `urn:uuid` (RFC 9562 version 8, i.e. custom) made from the item's stable id.
 */
export function itemGuid(item: Item): { value: string; isPermaLink: boolean } {
  if (item.url) return { value: asciiUrl(item.url), isPermaLink: true };
  return itemUuid(item);
}

/**
 * Entry ids for one document, in item order: `itemGuid`, except that an item whose URL an earlier
 * item already used as its id gets its `urn:uuid` (ids must be unique within a feed; ingestion
 * merges items by URL, so this is only a guard).
 */
export function entryIds(items: Item[]): Array<{ value: string; isPermaLink: boolean }> {
  const seen = new Set<string>();
  return items.map((item) => {
    let guid = itemGuid(item);
    if (seen.has(guid.value)) guid = itemUuid(item);
    seen.add(guid.value);
    return guid;
  });
}

function itemUuid(item: Item): { value: string; isPermaLink: false } {
  const hex = item.id.toLowerCase().replace(/[^0-9a-f]/g, '').padEnd(32, '0').slice(0, 32).split('');
  hex[12] = '8';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return {
    value: `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`,
    isPermaLink: false,
  };
}

/** A date-time string as a Date, or null when absent or unparseable. */
export function parseDate(value: string | null): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * When the item last changed: its source's stated update, else when Caravan last changed it;
 * never before its publication.
 */
export function itemModified(item: Item): Date {
  const modified = parseDate(item.updated) ?? parseDate(item.changed) ?? new Date(0);
  const published = parseDate(item.published);
  return published && published > modified ? published : modified;
}

/** When the item was published: as stated, else when Caravan first saw it (for RSS pubDate). */
export function itemPublishedOrSeen(item: Item): Date {
  return parseDate(item.published) ?? parseDate(item.firstSeen) ?? itemModified(item);
}

/** RFC 3339 without milliseconds: `2025-01-22T10:00:00Z`. */
export function rfc3339(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface Category {
  term: string;
  scheme: string;
}

/** One category per topic and per region, each with its vocabulary's URL as scheme (RSS `domain`). */
export function itemCategories(item: Item, baseUrl: string): Category[] {
  return [
    ...item.topics.map((term) => ({ term, scheme: `${baseUrl}/topics` })),
    ...item.regions.map((term) => ({ term, scheme: `${baseUrl}/regions` })),
  ];
}

/** Feed id shared by the three formats of one feed: the self URL without the format extension. */
export function feedId(selfUrl: string): string {
  return selfUrl.replace(/\.(rss|atom|json)(\?|$)/, '$2');
}
