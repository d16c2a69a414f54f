/**
 * A bulk load of new items into an empty PostgreSQL store (the bench's synthetic stores): the
 * rows `upsertItems` would write for new items, as two multi-row INSERTs per batch (columns passed
 * as arrays and `unnest`ed) and one version bump, in one transaction. Not for ingestion: it
 * neither merges with stored items nor keeps their `firstSeen`.
 */
import type pg from 'pg';
import { itemColumns, itemTags, rowValues, toRow } from './itemRow.js';
import type { KeyedItem } from './store.js';

const columns = itemColumns.split(', ');
const arrayType = (column: string) => (column === 'partial' ? 'int[]' : 'text[]');
const insertItems =
  `INSERT INTO items (${itemColumns}) SELECT * FROM unnest(${columns.map((c, i) => `$${i + 1}::${arrayType(c)}`).join(', ')})`;
const insertTags = 'INSERT INTO item_tags (tag, sort_key, item_id) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])';

export async function bulkInsertPostgres(pool: pg.Pool, batch: KeyedItem[]): Promise<void> {
  const byColumn: unknown[][] = columns.map(() => []);
  const tags: string[][] = [[], [], []];
  for (const { item, titleKey } of batch) {
    const row = toRow(item, titleKey);
    rowValues(row).forEach((value, i) => byColumn[i].push(value));
    for (const tag of itemTags(item)) {
      tags[0].push(tag);
      tags[1].push(row.sort_key);
      tags[2].push(item.id);
    }
  }
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(insertItems, byColumn);
    await client.query(insertTags, tags);
    await client.query("UPDATE meta SET value = value + 1 WHERE key = 'version'");
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** After a load: the planner's statistics and the visibility map (index-only scans), as autovacuum would make them later. */
export async function analyzePostgres(pool: pg.Pool): Promise<void> {
  await pool.query('VACUUM (ANALYZE) items');
  await pool.query('VACUUM (ANALYZE) item_tags');
  await pool.query('VACUUM (ANALYZE) item_search');
}
