import { BadCursorError, type ItemQuery } from './store.js';
import type { SqlValue, Statement } from './connector.js';
import { rankSlotBits } from './feedRank.js';
import { itemColumns } from './itemRow.js';

/** Cursor = the (sort_key, id) of the last item of the previous page. */
export function encodeCursor(sortKey: string, id: string): string {
  const bytes = new TextEncoder().encode(JSON.stringify([sortKey, id]));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodeCursor(cursor: string): [string, string] {
  try {
    const binary = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
    const parsed: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
    if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((p) => typeof p === 'string')) {
      return parsed as [string, string];
    }
  } catch {
    // fall through to the error below
  }
  throw new BadCursorError();
}

/**
 * Words of a search, each quoted (so no FTS5 operator or column filter can be injected) and
 * prefix-matched; all words are required. At most 16 words of at most 64 characters.
 */
export function ftsQuery(q: string): string | null {
  const terms = searchWords(q).map((w) => `"${w}"*`);
  return terms.length > 0 ? terms.join(' ') : null;
}

/** The words of a search (letters and digits only): at most 16, of at most 64 characters each. */
export function searchWords(q: string): string[] {
  return (q.match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 16).map((w) => w.slice(0, 64));
}

/**
 * The `q` filter of a feed query as a WHERE clause on the joined item `i`, its values pushed to
 * `params`; null when the search has no word (nothing matches). PostgreSQL's tsvector
 * (store/postgres.ts); SQLite and D1 search with `rankedSearchSql` instead.
 */
export type SearchClause = (q: string, params: SqlValue[]) => string | null;

/** A search word as its exact terms can be looked up: ASCII letters and digits, which FTS5 only lowercases. */
const asciiWord = /^[A-Za-z0-9]+$/;
/** A prefix with more terms than this is left to FTS5's own prefix query. */
export const maxPrefixTerms = 64;

/**
 * The FTS5 query of a search as an SQL expression: every word required, each by prefix. An
 * ASCII word becomes the OR of the exact terms it begins (from `search_terms`, migration 0002):
 * FTS5 reads such a query newest first and stops at the limit, where a prefix query first merges
 * every matching term's whole list. The same matches: search_terms holds every term the index
 * holds. A word with non-ASCII letters (FTS5 folds case and diacritics its own way) or a prefix
 * of more than `maxPrefixTerms` terms stays a prefix query (`ftsQuery`).
 */
function ftsMatchSql(words: string[], params: SqlValue[]): string {
  return words
    .map((word) => {
      const prefix = `"${word}"*`;
      if (!asciiWord.test(word)) {
        params.push(prefix);
        return '?';
      }
      const lower = word.toLowerCase();
      params.push(prefix, lower, `${lower}\u{10FFFF}`, maxPrefixTerms + 1);
      return (
        `(SELECT CASE WHEN count(*) BETWEEN 1 AND ${maxPrefixTerms} THEN '(' || group_concat('"' || term || '"', ' OR ') || ')' ELSE ? END ` +
        'FROM (SELECT term FROM search_terms WHERE term >= ? AND term < ? ORDER BY term LIMIT ?))'
      );
    })
    .join(" || ' AND ' || ");
}

/** Matches fetched at first beyond the page (and its one look-ahead item): enough to see past the last one's second. */
export const rankedSearchSlack = 16;

/**
 * A search on SQLite / D1: the matches in rank order (the full-text index's rowid, which is the
 * feed rank, store/feedRank.ts), walked newest first through `limit` of them, with the feed's
 * filters tested per item; each row's rank bucket (`bucket`) lets the store settle the order
 * within one second (sqlStore.ts). Null when the search has no word.
 */
export function rankedSearchSql(query: ItemQuery, fetch: number): Statement | null {
  const words = searchWords(query.q ?? '');
  if (words.length === 0) return null;
  const params: SqlValue[] = [];
  const where = [`items_fts MATCH ${ftsMatchSql(words, params)}`];
  for (const set of tagSets(query)) where.push(tagExists('i.id', set, params));
  if (query.since) {
    where.push("(i.sort_key >= ? OR (i.sort_key < '1' AND i.sort_key >= ?))");
    params.push(`1${query.since}`, `0${query.since}`);
  }
  if (query.cursor) {
    const [sortKey, id] = decodeCursor(query.cursor);
    where.push('(i.sort_key, i.id) < (?, ?)');
    params.push(sortKey, id);
  }
  params.push(fetch);
  return {
    // CROSS JOIN keeps the full-text index outside, read in rowid order (no sort).
    sql:
      `SELECT i.id AS id, f.rowid >> ${rankSlotBits} AS bucket FROM items_fts f CROSS JOIN items i ON i.rowid = f.rowid ` +
      `WHERE ${where.join(' AND ')} ORDER BY f.rowid DESC LIMIT ?`,
    params,
  };
}

function tagSets(query: ItemQuery): string[][] {
  return [
    query.topics?.length ? query.topics.map((t) => `topic:${t}`) : null,
    query.regions?.length ? query.regions.map((r) => `region:${r}`) : null,
  ].filter((set): set is string[] => set !== null);
}

/** What a feed query reads of each item: whole rows, or only what says which version of which item it is. */
export type QueryColumns = 'rows' | 'versions';

/** The columns of `versions`: enough to find a row again, know whether it changed, and make a cursor. */
export interface ItemVersion {
  id: string;
  changed: string;
  sort_key: string;
}

/**
 * One statement per feed query. The first tag filter drives the scan through the
 * (tag, sort_key, item_id) primary key, so a feed reads `limit` index entries, newest first.
 * A search without a `search` clause (SQLite, D1) is `rankedSearchSql` with the first fetch.
 * With `columns` 'versions' (not for that search) it reads only each item's `ItemVersion`.
 */
export function itemQuerySql(query: ItemQuery, search?: SearchClause, read: QueryColumns = 'rows'): Statement {
  if (query.q !== undefined && !search) {
    return rankedSearchSql(query, query.limit + 1 + rankedSearchSlack) ?? { sql: 'SELECT id, 0 AS bucket FROM items WHERE 1 = 0', params: [] };
  }
  const params: SqlValue[] = [];
  const sets = tagSets(query);
  const [driving, ...others] = sets.length > 0 ? sets : [['all']];

  const where: string[] = [];
  if (driving.length === 1) {
    where.push('t0.tag = ?');
    params.push(driving[0]);
  } else {
    // Several tags of one kind (curated feeds): an item may carry more than one, so test membership.
    where.push("t0.tag = 'all'", tagExists('t0.item_id', driving, params));
  }
  for (const set of others) where.push(tagExists('t0.item_id', set, params));

  if (query.since) {
    where.push("(t0.sort_key >= ? OR (t0.sort_key < '1' AND t0.sort_key >= ?))");
    params.push(`1${query.since}`, `0${query.since}`);
  }
  if (query.q !== undefined && search) {
    const clause = search(query.q, params);
    if (clause === null) return { sql: `SELECT ${read === 'rows' ? itemColumns : 'id, changed, sort_key'} FROM items WHERE 1 = 0`, params: [] };
    where.push(clause);
  }
  if (query.cursor) {
    const [sortKey, id] = decodeCursor(query.cursor);
    where.push('(t0.sort_key, t0.item_id) < (?, ?)');
    params.push(sortKey, id);
  }
  params.push(query.limit + 1);
  const columns = read === 'rows' ? itemColumns.split(', ').map((c) => `i.${c}`).join(', ') : 'i.id, i.changed, i.sort_key';
  return {
    sql:
      `SELECT ${columns} FROM item_tags t0 JOIN items i ON i.id = t0.item_id ` +
      `WHERE ${where.join(' AND ')} ORDER BY t0.sort_key DESC, t0.item_id DESC LIMIT ?`,
    params,
  };
}

function tagExists(itemId: string, tags: string[], params: SqlValue[]): string {
  params.push(...tags);
  return `EXISTS (SELECT 1 FROM item_tags tx WHERE tx.item_id = ${itemId} AND tx.tag IN (${tags.map(() => '?').join(', ')}))`;
}
