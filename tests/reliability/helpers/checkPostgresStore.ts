/**
 * The consistency checks of checkStore.ts, on a Caravan PostgreSQL database as other processes
 * left it (killed or not): every item whole (its row and its item_tags rows agree, its full-text
 * document finds it by its own title), no orphans, no duplicates, migrations recorded.
 */
import pg from 'pg';
import { numberPlaceholders } from '../../../src/store/pgConnector.js';
import { tsvectorSearch } from '../../../src/store/postgres.js';
import type { StoreSnapshot } from './checkStore.js';

export async function checkPostgresStore(url: string): Promise<StoreSnapshot> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const applied = (await db.query<{ name: string }>('SELECT name FROM caravan_migrations')).rows.map((r) => r.name);
    if (!applied.includes('0001_init.sql')) throw new Error(`0001_init.sql is not recorded (applied: ${applied.join(', ')})`);
    const rows = (await db.query<{
      id: string; title: string; url: string | null; topics: string; regions: string; sort_key: string; first_seen: string; content_text: string;
    }>('SELECT id, title, url, topics, regions, sort_key, first_seen, content_text FROM items')).rows;
    const tags = new Map<string, string[]>();
    for (const t of (await db.query<{ tag: string; sort_key: string; item_id: string }>('SELECT tag, sort_key, item_id FROM item_tags')).rows) {
      const list = tags.get(t.item_id) ?? [];
      list.push(`${t.tag}@${t.sort_key}`);
      tags.set(t.item_id, list);
    }
    const ids = new Set(rows.map((r) => r.id));
    const orphans = [...tags.keys()].filter((id) => !ids.has(id));
    if (orphans.length > 0) throw new Error(`item_tags rows for missing items: ${orphans.slice(0, 3).join(', ')}`);
    for (const r of rows) {
      const expected = ['all', ...(JSON.parse(r.topics) as string[]).map((t) => `topic:${t}`), ...(JSON.parse(r.regions) as string[]).map((g) => `region:${g}`)]
        .map((t) => `${t}@${r.sort_key}`).sort();
      const actual = (tags.get(r.id) ?? []).sort();
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        throw new Error(`item ${r.id} (${r.title}) has tags ${actual.join(' ')}, expected ${expected.join(' ')}`);
      }
    }
    const dupTitle = (await db.query<{ title: string; n: number }>('SELECT title, COUNT(*)::int AS n FROM items GROUP BY title HAVING COUNT(*) > 1')).rows[0];
    if (dupTitle) throw new Error(`duplicate title ${dupTitle.title} x${dupTitle.n}`);
    const dupUrl = (await db.query<{ url: string }>('SELECT url FROM items WHERE url IS NOT NULL GROUP BY url HAVING COUNT(*) > 1')).rows[0];
    if (dupUrl) throw new Error(`duplicate url ${dupUrl.url}`);
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
