import type { Statement } from './connector.js';

/**
 * The first and last statements of a write that indexes its new items itself (`indexWrites`): while
 * `store_indexes` is 1 the insert trigger leaves them to it (migration 0005). Both inside the write's
 * transaction, so the mark is never seen set outside it, nor left set by a write that failed.
 */
export const storeIndexes = {
  on: { sql: "UPDATE meta SET value = 1 WHERE key = 'store_indexes'", params: [] } as Statement,
  off: { sql: "UPDATE meta SET value = 0 WHERE key = 'store_indexes'", params: [] } as Statement,
};

/** Ids as one bound JSON list (D1 allows 100 bound parameters a statement). */
const idList = 'SELECT value FROM json_each(?)';

/**
 * The statements that index the items a write inserted (SQLite and D1, migrations 0004 and 0005), run after
 * their rows in the same transaction, between `storeIndexes.on` and `.off`: their full-text rows (`items_fts`, in rowid order, so FTS5
 * keeps them as one segment) and, for `scratchIds` (text whose terms only SQLite's tokenizer can
 * tell, src/store/searchTerms.ts), their text into `search_scratch`, whose terms the version bump
 * moves into `search_terms`. Each reads the rows as they are now: an item must not be updated
 * between its insert and these (the store writes them before any update of the write, sqlStore.ts).
 */
export function indexWrites(newIds: readonly string[], scratchIds: readonly string[]): Statement[] {
  const statements: Statement[] = [];
  if (newIds.length > 0) {
    statements.push({
      sql: `INSERT INTO items_fts (rowid, title, content_text) SELECT rowid, title, content_text FROM items WHERE id IN (${idList}) ORDER BY rowid`,
      params: [JSON.stringify(newIds)],
    });
  }
  if (scratchIds.length > 0) {
    statements.push({
      sql: `INSERT INTO search_scratch (title, content_text) SELECT title, content_text FROM items WHERE id IN (${idList})`,
      params: [JSON.stringify(scratchIds)],
    });
  }
  return statements;
}
