import { BadCursorError, type ItemQuery } from './store.js';
import type { SqlValue, Statement } from './connector.js';
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
 * `params`; null when the search has no word (nothing matches). The database's own full-text
 * machinery: FTS5 on SQLite and D1 (`fts5Search`), tsvector on PostgreSQL (store/postgres.ts).
 */
export type SearchClause = (q: string, params: SqlValue[]) => string | null;

export const fts5Search: SearchClause = (q, params) => {
  const match = ftsQuery(q);
  if (match === null) return null;
  params.push(match);
  return 'i.rowid IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?)';
};

/**
 * One statement per feed query. The first tag filter drives the scan through the
 * (tag, sort_key, item_id) primary key, so a feed reads `limit` index entries, newest first.
 */
export function itemQuerySql(query: ItemQuery, search: SearchClause = fts5Search): Statement {
  const params: SqlValue[] = [];
  const tagSets = [
    query.topics?.length ? query.topics.map((t) => `topic:${t}`) : null,
    query.regions?.length ? query.regions.map((r) => `region:${r}`) : null,
  ].filter((set): set is string[] => set !== null);
  const [driving, ...others] = tagSets.length > 0 ? tagSets : [['all']];

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
  if (query.q !== undefined) {
    const clause = search(query.q, params);
    if (clause === null) return { sql: 'SELECT ' + itemColumns + ' FROM items WHERE 1 = 0', params: [] };
    where.push(clause);
  }
  if (query.cursor) {
    const [sortKey, id] = decodeCursor(query.cursor);
    where.push('(t0.sort_key, t0.item_id) < (?, ?)');
    params.push(sortKey, id);
  }
  params.push(query.limit + 1);
  const columns = itemColumns.split(', ').map((c) => `i.${c}`).join(', ');
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
