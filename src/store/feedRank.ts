import { itemColumns } from './itemRow.js';

/**
 * An item's rowid is its feed rank (migration 0002): `bucket << 23 | slot`, where the bucket,
 * `dated << 39 | second of the sort date`, only grows with `sort_key` (dated items above undated
 * ones, then by the second of the date as SQLite reads it; a date it cannot read counts as 0), and
 * the slot (1, 2, ...) only makes the rank unique within a bucket. So the full-text index, whose
 * rowid is the item's, lists matches in feed order up to the order within one second, which the
 * search settles by `sort_key, id` (sqlStore.ts). Written once here in SQL, and in the migration
 * that ranked the items already stored (a test checks both agree).
 */
export const rankSlotBits = 23;

/** The first rank of the bucket of the sort key `sortKey` (an SQL expression). */
export function feedRankBase(sortKey: string): string {
  return (
    `(((substr(${sortKey}, 1, 1) = '1') << 62) | ` +
    `(max(0, min(coalesce(CAST(julianday(substr(${sortKey}, 2)) * 86400 AS INTEGER), 0), 549755813887)) << ${rankSlotBits}))`
  );
}

const base = feedRankBase('?');

/**
 * Insert or update one item (its `itemColumns` values after copies of its sort key, `upsertItemParams`): a new
 * item takes the next free slot of its bucket; an updated one keeps its rank unless its date moved
 * it to another bucket. The triggers keep the full-text index on the same rowid.
 */
export const upsertItemSql =
  `INSERT INTO items (rowid, ${itemColumns}) VALUES (` +
  `(SELECT coalesce(max(rowid), ${base}) + 1 FROM items WHERE rowid BETWEEN ${base} AND ${base} + ${2 ** rankSlotBits - 1}), ` +
  `${itemColumns.split(', ').map(() => '?').join(', ')}) ON CONFLICT (id) DO UPDATE SET ` +
  itemColumns.split(', ').filter((c) => c !== 'id' && c !== 'first_seen').map((c) => `${c} = excluded.${c}`).join(', ') +
  `, rowid = CASE WHEN items.rowid >> ${rankSlotBits} = excluded.rowid >> ${rankSlotBits} THEN items.rowid ELSE excluded.rowid END`;

/** How many times the rank's subquery binds the sort key. */
const sortKeyParams = 3 * (base.match(/\?/g) ?? []).length;

/** The parameters of `upsertItemSql` for a row's values (`rowValues`) and its sort key. */
export const upsertItemParams = <T>(values: T[], sortKey: string): (T | string)[] => [...Array<string>(sortKeyParams).fill(sortKey), ...values];
