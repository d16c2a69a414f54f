import type { Item } from '../item.js';
import type { SqlValue } from './connector.js';

/** The `items` row as stored; JSON columns are arrays serialized once. */
export interface ItemRow {
  id: string;
  url: string | null;
  title: string;
  title_key: string;
  content_text: string;
  content_html: string | null;
  summary: string;
  authors: string;
  source: string | null;
  published: string | null;
  updated: string | null;
  first_seen: string;
  changed: string;
  sort_key: string;
  topics: string;
  regions: string;
  origins: string;
  partial: number;
  language: string | null;
}

export const itemColumns =
  'id, url, title, title_key, content_text, content_html, summary, authors, source, published, updated, ' +
  'first_seen, changed, sort_key, topics, regions, origins, partial, language';

/**
 * Dated items sort by publication (or, for feeds that only say when an entry was updated, by
 * that), undated ones after them by when they were first seen.
 */
export function sortKey(item: Pick<Item, 'published' | 'updated' | 'firstSeen'>): string {
  const date = item.published ?? item.updated;
  return date ? `1${date}` : `0${item.firstSeen}`;
}

export function toRow(item: Item, titleKey: string): ItemRow {
  return {
    id: item.id,
    url: item.url,
    title: item.title,
    title_key: titleKey,
    content_text: item.contentText,
    content_html: item.contentHtml,
    summary: item.summary,
    authors: JSON.stringify(item.authors),
    source: item.source,
    published: item.published,
    updated: item.updated,
    first_seen: item.firstSeen,
    changed: item.changed,
    sort_key: sortKey(item),
    topics: JSON.stringify(item.topics),
    regions: JSON.stringify(item.regions),
    origins: JSON.stringify(item.origins),
    partial: item.partial ? 1 : 0,
    language: item.language,
  };
}

/** `itemColumns` as a list, in order. */
export const itemColumnList = itemColumns.split(', ') as (keyof ItemRow)[];

export function rowValues(row: ItemRow): SqlValue[] {
  return itemColumnList.map((column) => row[column]);
}

export function fromRow(row: ItemRow): Item {
  return {
    id: row.id,
    url: row.url,
    title: row.title,
    contentText: row.content_text,
    contentHtml: row.content_html,
    summary: row.summary,
    authors: JSON.parse(row.authors),
    source: row.source,
    published: row.published,
    updated: row.updated,
    firstSeen: row.first_seen,
    changed: row.changed,
    topics: JSON.parse(row.topics),
    regions: JSON.parse(row.regions),
    origins: JSON.parse(row.origins),
    partial: row.partial === 1,
    language: row.language,
  };
}

/** Every tag an item is filed under: `all`, `topic:<slug>`, `region:<slug>`. */
export function itemTags(item: Item): string[] {
  return ['all', ...item.topics.map((t) => `topic:${t}`), ...item.regions.map((r) => `region:${r}`)];
}
