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
  /** The reader's own search (`?q=`): it makes a feed of its own, with its own entry ids (entryScope). */
  q?: string | null;
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

/** Where an item can be read: its own URL, else its page on Caravan (HTML for browsers, JSON for scripts). */
export function itemLink(item: Item, baseUrl: string): string {
  return item.url ? asciiUrl(item.url) : `${baseUrl}/items/${item.id}`;
}

/**
 * What makes one feed's entry ids its own: the feed's canonical path (aliases such as
 * `/regions/kz` give `/regions/kazakhstan`) and the reader's search, if any. `limit` and `since`
 * only window a feed, so they leave its ids alone.
 */
export function entryScope(feed: FeedDef, q: string | null | undefined): string {
  return q ? `${feed.path}?q=${encodeURIComponent(q)}` : feed.path;
}

/**
 * An entry's id: the article in this feed, `tag:caravan,2025:items/{item id}/in{scope}` (RFC 4151),
 * the same in all three formats of a feed and on every host, never reused. Per feed, not per
 * article: readers such as newsboat keep one entry per id across all subscriptions, so an article
 * in five feeds must have five ids or four of those feeds lose it. The article's URL stays its link.
 */
export function entryId(scope: string, item: Item): string {
  return `tag:caravan,2025:items/${item.id}/in${scope}`;
}

/** A date-time string as a Date, or null when absent or unparseable. */
export function parseDate(value: string | null): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The update time its source stated, never before its stated publication; null when none was stated. */
export function statedUpdate(item: Item): Date | null {
  const updated = parseDate(item.updated);
  if (!updated) return null;
  const published = parseDate(item.published);
  return published && published > updated ? published : updated;
}

/**
 * Atom's required `updated`, saying only what Caravan knows: the update its source stated, else
 * its stated publication, else when Caravan first saw it (never a publication date: an undated
 * item has no `published`). Caravan's own later merges (a fuller text from another page) are not
 * counted as updates, so a reader's date for an article never moves.
 */
export function entryUpdated(item: Item): Date {
  return statedUpdate(item) ?? parseDate(item.published) ?? parseDate(item.firstSeen) ?? parseDate(item.changed) ?? new Date(0);
}

/** The feed icon (`/favicon.ico`, 32×32) and image (`/icon.png`, 144×144) every format names. */
export function feedIcons(baseUrl: string): { favicon: string; image: string } {
  return { favicon: `${baseUrl}/favicon.ico`, image: `${baseUrl}/icon.png` };
}

/**
 * Where an item came from, for RSS `<source>` and Atom `<source>`: the outlet (with its wire
 * agency, "Japan Today (Reuters)") and the feed it came through: its upstream feed when it came
 * from one, else Caravan's own everything feed in the same format.
 */
export function itemSource(item: Item): { title: string; upstreamFeed: string | null } | null {
  if (!item.source) return null;
  const upstream = item.origins.find((o) => o.kind === 'upstream');
  return { title: item.source, upstreamFeed: upstream ? asciiUrl(upstream.ref) : null };
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
