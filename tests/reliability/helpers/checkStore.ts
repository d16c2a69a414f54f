/**
 * Consistency of a Caravan SQLite file as another process left it (killed or not): every item is
 * whole (its row, its item_tags rows and its full-text row agree), nothing is duplicated, and the
 * file itself is sound.
 */
import Database from 'better-sqlite3';

export interface StoreSnapshot {
  count: number;
  /** id → { title, firstSeen, contentText } */
  items: Map<string, { title: string; firstSeen: string; contentText: string }>;
  lease: { owner: string; expires: string } | null;
}

export interface ItemRow {
  id: string; title: string; url: string | null; topics: string; regions: string; sort_key: string; first_seen: string; content_text: string;
}
export interface TagRow { tag: string; sort_key: string; item_id: string }

/** The checks every store shares: each item's tag rows match its topics and regions, no orphan
 * tag rows, no two items with one title or one URL. Throws with a precise message. */
export function checkItemRows(rows: ItemRow[], tagRows: TagRow[]): void {
  const tags = new Map<string, string[]>();
  for (const t of tagRows) {
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
  const seen = (values: (string | null)[]) => {
    const counts = new Map<string, number>();
    for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
    return [...counts].find(([, n]) => n > 1);
  };
  const dupTitle = seen(rows.map((r) => r.title));
  if (dupTitle) throw new Error(`duplicate title ${dupTitle[0]} x${dupTitle[1]}`);
  const dupUrl = seen(rows.map((r) => r.url));
  if (dupUrl) throw new Error(`duplicate url ${dupUrl[0]}`);
}

/** Throws with a precise message when the file is inconsistent; returns what it holds. */
export function checkStore(path: string): StoreSnapshot {
  const db = new Database(path);
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`integrity_check: ${String(integrity)}`);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')").all() as { name: string }[]).map((r) => r.name);
    const applied = tables.includes('d1_migrations') ? (db.prepare('SELECT name FROM d1_migrations').all() as { name: string }[]).map((r) => r.name) : [];
    if (!tables.includes('items')) {
      // Killed before the first migration committed: an empty file (or no schema at all) is fine,
      // a half-made schema is not.
      if (applied.length > 0 || tables.some((t) => t !== 'd1_migrations' && t !== 'sqlite_sequence')) {
        throw new Error(`half-made schema: tables ${tables.join(', ')}, migrations ${applied.join(', ')}`);
      }
      return { count: 0, items: new Map(), lease: null };
    }
    if (!applied.includes('0001_init.sql')) throw new Error('schema present but its migration is not recorded');
    // The full-text index against its content table (rank 1: compare with the items rows too).
    db.prepare("INSERT INTO items_fts (items_fts, rank) VALUES ('integrity-check', 1)").run();

    const rows = db.prepare('SELECT id, title, url, topics, regions, sort_key, first_seen, content_text FROM items').all() as ItemRow[];
    checkItemRows(rows, db.prepare('SELECT tag, sort_key, item_id FROM item_tags').all() as TagRow[]);
    // Every item is found by a search for its own title (the FTS row is there and current).
    const search = db.prepare('SELECT COUNT(*) AS n FROM items_fts WHERE items_fts MATCH ? AND rowid = (SELECT rowid FROM items WHERE id = ?)');
    for (const r of rows) {
      const words = r.title.match(/[\p{L}\p{N}]+/gu) ?? [];
      if (words.length === 0) continue;
      const match = words.slice(0, 8).map((w) => `"${w}"`).join(' ');
      if ((search.get(match, r.id) as { n: number }).n !== 1) throw new Error(`item ${r.id} (${r.title}) is not in the full-text index`);
    }
    const lease = (db.prepare("SELECT owner, expires FROM leases WHERE name = 'ingest'").get() as { owner: string; expires: string } | undefined) ?? null;
    return {
      count: rows.length,
      items: new Map(rows.map((r) => [r.id, { title: r.title, firstSeen: r.first_seen, contentText: r.content_text }])),
      lease,
    };
  } finally {
    db.close();
  }
}
