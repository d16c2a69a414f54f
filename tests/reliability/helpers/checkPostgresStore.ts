/**
 * The consistency checks of checkStore.ts, on a Caravan PostgreSQL database as other processes
 * left it (killed or not): every item whole (its row and its item_tags rows agree, its full-text
 * document finds it by its own title), no orphans, no duplicates, migrations recorded.
 */
import pg from 'pg';
import { numberPlaceholders } from '../../../src/store/pgConnector.js';
import { tsvectorSearch } from '../../../src/store/postgres.js';
import { checkItemRows, type ItemRow, type StoreSnapshot, type TagRow } from './checkStore.js';

export async function checkPostgresStore(url: string): Promise<StoreSnapshot> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const applied = (await db.query<{ name: string }>('SELECT name FROM caravan_migrations')).rows.map((r) => r.name);
    if (!applied.includes('0001_init.sql')) throw new Error(`0001_init.sql is not recorded (applied: ${applied.join(', ')})`);
    const rows = (await db.query<ItemRow>('SELECT id, title, url, topics, regions, sort_key, first_seen, content_text FROM items')).rows;
    checkItemRows(rows, (await db.query<TagRow>('SELECT tag, sort_key, item_id FROM item_tags')).rows);
    const [{ documents }] = (await db.query<{ documents: number }>('SELECT COUNT(*)::int AS documents FROM item_search')).rows;
    if (documents !== rows.length) throw new Error(`${documents} full-text documents for ${rows.length} items`);
    // Every item is found by a search for its own title, through the store's own search clause.
    for (const r of rows) {
      const params: (string | number | null)[] = [];
      const clause = tsvectorSearch(r.title, params);
      if (clause === null) continue;
      const sql = numberPlaceholders(`SELECT COUNT(*)::int AS found FROM items i WHERE i.id = ? AND ${clause}`);
      const [{ found }] = (await db.query<{ found: number }>(sql, [r.id, ...params])).rows;
      if (found !== 1) throw new Error(`item ${r.id} (${r.title}) is not found by its title`);
    }
    const lease = (await db.query<{ owner: string; expires: string }>("SELECT owner, expires FROM leases WHERE name = 'ingest'")).rows[0] ?? null;
    return {
      count: rows.length,
      items: new Map(rows.map((r) => [r.id, { title: r.title, firstSeen: r.first_seen, contentText: r.content_text }])),
      lease,
    };
  } finally {
    await db.end();
  }
}

/** The store version as committed now. */
export async function postgresVersion(url: string): Promise<number> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    return Number((await db.query<{ value: string }>("SELECT value FROM meta WHERE key = 'version'")).rows[0]?.value ?? 0);
  } finally {
    await db.end();
  }
}
