import type { Item } from '../item.js';
import { LRUCache } from 'lru-cache';
import type { Migration, SqlConnector, SqlValue, Statement } from './connector.js';
import { upsertItemParams, upsertItemSql } from './feedRank.js';
import { indexWrites, storeIndexes } from './indexWrites.js';
import { searchTermWriter } from './searchTerms.js';
import { encodeCursor, itemQuerySql, rankedSearchSlack, rankedSearchSql, type ItemVersion, type SearchClause } from './itemQuerySql.js';
import { fromRow, itemColumnList, itemColumns, itemTags, rowValues, toRow, type ItemRow } from './itemRow.js';
import type { IngestRun, ItemPage, ItemStore, KeyedItem, MatchKeys, SourceState, UpsertResult } from './store.js';

/** Items looked at (and removed at most) per retention batch. */
const retentionBatch = 500;
/** Tag rows per INSERT: 3 parameters each, under D1's limit of 100 per statement. */
const tagsPerInsert = 32;
/** The INSERT of n tag rows, by n (1 to `tagsPerInsert`). */
const tagInsertSql = Array.from({ length: tagsPerInsert + 1 }, (_, n) =>
  `INSERT INTO item_tags (tag, sort_key, item_id) VALUES ${Array.from({ length: n }, () => '(?, ?, ?)').join(', ')}`);
const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');
const bumpVersion: Statement = { sql: "UPDATE meta SET value = value + 1 WHERE key = 'version'", params: [] };
/**
 * How long a read store version is trusted. This store's own writes forget it at once; another
 * process's writes (a CLI ingest) show within a second, well inside any feed's max-age. It keeps
 * a database read off the hot path of every feed request (bench/RESULTS.md).
 */
const versionTtlMs = 1000;
/** Items kept as read (`ItemCache`): a few feeds' worth, about 1 KB of row each beyond the fragments. */
const itemCacheSize = 4000;

/**
 * Items as last read, by id, each with its `changed`: a feed query reads only ids and change
 * times (`ItemVersion`) and then the whole rows of the items not held here at that change time.
 * Ingest stamps `changed` on every new or changed item (src/ingest/normalize.ts, dedupe.ts), so
 * another process's rewrite shows by its change time; this store's own writes and removals also
 * drop their ids at once. The items handed out are frozen (shared by every
 * caller), the least recently used out first (lru-cache).
 */
class ItemCache {
  private readonly items = new LRUCache<string, Item>({ max: itemCacheSize });

  get(version: ItemVersion): Item | undefined {
    const item = this.items.get(version.id);
    return item === undefined || item.changed !== version.changed ? undefined : item;
  }

  put(item: Item): Item {
    for (const value of Object.values(item)) if (Array.isArray(value)) Object.freeze(value);
    Object.freeze(item);
    this.items.set(item.id, item);
    return item;
  }

  drop(ids: Iterable<string>): void {
    for (const id of ids) this.items.delete(id);
  }
}

/**
 * The ItemStore over any connector: the same SQL on better-sqlite3, D1 and PostgreSQL (whose
 * store brings its own search clause and migrations, see postgres.ts). Without a search clause
 * (SQLite, D1), items are stored with their feed rank (feedRank.ts) and search is FTS5 in that
 * order (`rankedSearch`).
 */
export function createSqlStore(db: SqlConnector, migrations: Migration[], search?: SearchClause): ItemStore {
  let versionSeen: { value: number; at: number } | null = null;
  const itemCache = new ItemCache();
  async function rowsByIds(ids: string[]): Promise<ItemRow[]> {
    if (ids.length === 0) return [];
    return db.all<ItemRow>(`SELECT ${itemColumns} FROM items WHERE id IN (${placeholders(ids.length)})`, ids);
  }

  // SQLite and D1: the words of what is written go to search_terms (searchTerms.ts).
  const termWriter = search ? null : searchTermWriter();

  /**
   * The statements of one write, in order: each item's row (and its search terms), and the tag rows
   * of several items in one INSERT of at most `tagsPerInsert` rows (D1 allows 100 bound parameters
   * a statement), so a new item costs one statement and a share of another rather than two or three.
   * The search terms written are pushed to `terms`.
   */
  function writeBatch(terms: string[]) {
    const statements: Statement[] = [];
    let tagRows: SqlValue[] = [];
    const flushTags = () => {
      if (tagRows.length === 0) return;
      statements.push({ sql: tagInsertSql[tagRows.length / 3], params: tagRows });
      tagRows = [];
    };
    // SQLite and D1: the index rows of the items inserted so far (and the scratch text of those
    // written so far whose terms SQLite must tell), written together after their rows (indexWrites.ts).
    let fresh: string[] = [];
    let scratch: string[] = [];
    const flushIndex = () => {
      statements.push(...indexWrites(fresh, scratch));
      [fresh, scratch] = [[], []];
    };
    return {
      statements,
      /** One item (`stored`: whether a row of it is stored already). */
      add(row: ItemRow, item: Item, stored: boolean) {
        // A stored item's tag rows are replaced: the rows still to be written (maybe its own, written
        // earlier in this batch) go first, then its old ones are deleted. Its index rows are
        // replaced by its update (items_fts_update): the items inserted before it are indexed
        // first (maybe itself, inserted earlier in this batch).
        if (stored) {
          flushTags();
          flushIndex();
        }
        const write = writeItem(row, item, stored, terms);
        statements.push(...write.statements);
        if (!search && !stored) fresh.push(item.id);
        if (write.scratch) scratch.push(item.id);
        for (const tag of itemTags(item)) {
          tagRows.push(tag, row.sort_key, item.id);
          if (tagRows.length === 3 * tagsPerInsert) flushTags();
        }
      },
      /** The statements, every tag row and index row included. */
      done(): Statement[] {
        flushTags();
        flushIndex();
        return statements;
      },
    };
  }

  /**
   * The statements that write one item's row and search terms, and delete its tag rows when it is
   * stored already (`stored`); its new tag rows are `writeBatch`'s. The search terms they write are
   * pushed to `terms`.
   */
  function writeItem(row: ItemRow, item: Item, stored: boolean, terms: string[]): { statements: Statement[]; scratch: boolean } {
    const values = rowValues(row);
    const termWrite = termWriter?.statement(row.title, row.content_text);
    if (termWrite) terms.push(...termWrite.terms);
    return { scratch: termWrite?.scratch === true, statements: [
      search
        ? {
          // PostgreSQL: no feed rank (its search walks the feed's tag index, postgres.ts).
          sql: plainUpsertSql,
          params: values,
        }
        : { sql: upsertItemSql, params: upsertItemParams(values, row.sort_key) },
      ...(termWrite?.statement ? [termWrite.statement] : []),
      // A new item has no tag rows (an item's tags go with it, deleteItems); a stored one's are replaced.
      ...(stored ? [{ sql: 'DELETE FROM item_tags WHERE item_id = ?', params: [item.id] }] : []),
    ] };
  }

  /**
   * A search on the FTS5 index in rank order: `limit` + 1 + slack matches newest first (ids and
   * rank buckets only), then the rows of those whose bucket is at least that of the page's last
   * look-ahead item, sorted by (sort_key, id): ranks order items by the second of their date, so
   * only within the last second can a later match come earlier. If the fetched matches end inside
   * that second, fetch more (4 times as many) until they do not.
   */
  async function rankedSearch(query: Parameters<ItemStore['queryItems']>[0]): Promise<ItemRow[]> {
    const wanted = query.limit + 1;
    for (let fetch = wanted + rankedSearchSlack; ; fetch *= 4) {
      const statement = rankedSearchSql(query, fetch);
      if (!statement) return [];
      const matches = await db.all<{ id: string; bucket: number }>(statement.sql, statement.params);
      const complete = matches.length < fetch;
      if (!complete && matches[wanted - 1].bucket === matches[matches.length - 1].bucket) continue;
      const cut = complete || matches.length < wanted ? -Infinity : matches[wanted - 1].bucket;
      const ids = matches.filter((m) => m.bucket >= cut).map((m) => m.id);
      if (ids.length === 0) return [];
      return db.all<ItemRow>(
        `SELECT ${itemColumns} FROM items WHERE id IN (${placeholders(ids.length)}) ORDER BY sort_key DESC, id DESC LIMIT ?`,
        [...ids, wanted],
      );
    }
  }

  async function deleteItems(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    itemCache.drop(ids);
    await db.batch([
      { sql: `DELETE FROM item_tags WHERE item_id IN (${placeholders(ids.length)})`, params: ids },
      { sql: `DELETE FROM items WHERE id IN (${placeholders(ids.length)})`, params: ids },
      bumpVersion,
    ]);
    versionSeen = null;
    itemCache.drop(ids);
  }

  /**
   * Groups of items (one per source) in one write: each group is compared with the store as the
   * groups before it left it (its counts are what writing the groups one by one would give), and
   * the statements of all of them go into one batch (one transaction).
   */
  async function upsertItemGroups(groups: KeyedItem[][]): Promise<UpsertResult[]> {
    const ids = [...new Set(groups.flatMap((items) => items.map((k) => k.item.id)))];
    const existing = new Map((await rowsByIds(ids)).map((row) => [row.id, row]));
    const terms: string[] = [];
    const batch = writeBatch(terms);
    const results = groups.map((items) => {
      const result: UpsertResult = { inserted: 0, updated: 0, unchanged: 0, changedIds: [] };
      for (const { item, titleKey } of items) {
        const before = existing.get(item.id);
        const kept = before ? { ...item, firstSeen: before.first_seen } : item;
        const row = toRow(kept, titleKey);
        if (before && sameContent(before, row)) {
          result.unchanged++;
          continue;
        }
        if (before) result.updated++;
        else result.inserted++;
        result.changedIds.push(item.id);
        existing.set(item.id, row);
        batch.add(row, kept, before !== undefined);
      }
      return result;
    });
    const statements = batch.done();
    if (statements.length > 0) {
      versionSeen = null;
      itemCache.drop(existing.keys());
      await db.batch(search ? [...statements, bumpVersion] : [storeIndexes.on, ...statements, storeIndexes.off, bumpVersion]);
      versionSeen = null;
      itemCache.drop(existing.keys());
      termWriter?.committed(terms);
    }
    return results;
  }

  return {
    /**
     * The one migration runner (SQLite and D1): pending migrations in name order, each applied
     * atomically with its `d1_migrations` record, so a process killed mid-migration leaves the
     * schema as it was, never half made and never made but unrecorded. Same table and names as
     * `wrangler d1 migrations apply`, so either finds what the other applied.
     */
    async migrate() {
      await db.exec(
        'CREATE TABLE IF NOT EXISTS d1_migrations (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT UNIQUE, ' +
          'applied_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP)',
      );
      const applied = new Set((await db.all<{ name: string }>('SELECT name FROM d1_migrations')).map((r) => r.name));
      for (const migration of [...migrations].sort((a, b) => a.name.localeCompare(b.name))) {
        if (applied.has(migration.name)) continue;
        await db.exec(migration.sql, [{ sql: 'INSERT INTO d1_migrations (name) VALUES (?)', params: [migration.name] }]);
      }
    },

    async ping() {
      await db.all('SELECT 1');
    },

    knownVersion() {
      return versionSeen && Date.now() - versionSeen.at < versionTtlMs ? versionSeen.value : undefined;
    },

    async version() {
      const now = Date.now();
      if (versionSeen && now - versionSeen.at < versionTtlMs) return versionSeen.value;
      const [row] = await db.all<{ value: number }>("SELECT value FROM meta WHERE key = 'version'");
      versionSeen = { value: row?.value ?? 0, at: now };
      return versionSeen.value;
    },

    async queryItems(query): Promise<ItemPage> {
      let rows: ItemVersion[];
      let items: Item[];
      if (query.q !== undefined && !search) {
        rows = await rankedSearch(query);
        items = rows.slice(0, query.limit).map((row) => fromRow(row as ItemRow));
      } else {
        // Ids and change times first; whole rows only for the items not already held as read.
        const { sql, params } = itemQuerySql(query, search, 'versions');
        rows = await db.all<ItemVersion>(sql, params);
        const page = rows.slice(0, query.limit);
        const missing = page.filter((row) => itemCache.get(row) === undefined).map((row) => row.id);
        for (const row of await rowsByIds(missing)) itemCache.put(fromRow(row));
        items = page.map((row) => itemCache.get(row) ?? null).filter((item): item is Item => item !== null);
        if (items.length < page.length) {
          // A row changed or went between the two reads (another process wrote): whole rows, one read.
          const whole = itemQuerySql(query, search);
          const fullRows = await db.all<ItemRow>(whole.sql, whole.params);
          rows = fullRows;
          items = fullRows.slice(0, query.limit).map(fromRow);
        }
      }
      const page = rows.slice(0, query.limit);
      const last = page[page.length - 1];
      return {
        items,
        nextCursor: rows.length > query.limit && last ? encodeCursor(last.sort_key, last.id) : null,
      };
    },

    async getItem(id) {
      const [row] = await rowsByIds([id]);
      return row ? fromRow(row) : null;
    },

    async countTags() {
      const rows = await db.all<{ tag: string; n: number }>('SELECT tag, COUNT(*) AS n FROM item_tags GROUP BY tag');
      return Object.fromEntries(rows.map((r) => [r.tag, r.n]));
    },

    async findMatches(keys: MatchKeys): Promise<KeyedItem[]> {
      const clauses: string[] = [];
      const params: string[] = [];
      for (const [column, values] of [['id', keys.ids], ['url', keys.urls], ['title_key', keys.titleKeys]] as const) {
        if (values.length === 0) continue;
        clauses.push(`${column} IN (${placeholders(values.length)})`);
        params.push(...values);
      }
      if (clauses.length === 0) return [];
      const rows = await db.all<ItemRow>(`SELECT ${itemColumns} FROM items WHERE ${clauses.join(' OR ')}`, params);
      return rows.map((row) => ({ item: fromRow(row), titleKey: row.title_key }));
    },

    upsertItems: async (items: KeyedItem[]): Promise<UpsertResult> => (await upsertItemGroups([items]))[0],

    upsertItemGroups,

    deleteItems,

    async deleteItemsOlderThan(cutoff, keepPageRefs) {
      // Dated items have sort_key '1' || date, undated '0' || first_seen (itemRow.ts): one range of
      // the sort index, walked in pages. Kept pages are checked here, not in SQL (portable to D1's
      // parameter limit and to PostgreSQL). Each page of removals is one batch.
      const keep = new Set(keepPageRefs);
      let removed = 0;
      let after: { sortKey: string; id: string } = { sortKey: '', id: '' };
      for (;;) {
        const rows = await db.all<{ id: string; sort_key: string; origins: string }>(
          'SELECT id, sort_key, origins FROM items WHERE sort_key < ? AND (sort_key >= ? OR first_seen < ?) ' +
            'AND (sort_key > ? OR (sort_key = ? AND id > ?)) ORDER BY sort_key, id LIMIT ?',
          [`1${cutoff}`, '1', cutoff, after.sortKey, after.sortKey, after.id, retentionBatch],
        );
        const ids = rows
          .filter((row) => !(JSON.parse(row.origins) as Item['origins']).some((o) => o.kind === 'page' && keep.has(o.ref)))
          .map((row) => row.id);
        await deleteItems(ids);
        removed += ids.length;
        const last = rows[rows.length - 1];
        if (!last || rows.length < retentionBatch) return removed;
        after = { sortKey: last.sort_key, id: last.id };
      }
    },

    // D1 manages its own space; the SQLite store overrides this (sqlite.ts).
    compact: async () => null,

    async stats() {
      const [row] = await db.all<{ n: number }>('SELECT COUNT(*) AS n FROM items');
      return { items: row?.n ?? 0, bytes: null };
    },

    async sourceStates() {
      const rows = await db.all<{ state: string }>('SELECT state FROM sources ORDER BY id');
      return rows.map((r) => JSON.parse(r.state) as SourceState);
    },

    async saveSourceStates(states) {
      if (states.length === 0) return;
      await db.batch(
        states.map((s) => ({
          sql: 'INSERT INTO sources (id, state) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET state = excluded.state',
          params: [s.id, JSON.stringify(s)],
        })),
      );
    },

    async recordRun(run: IngestRun) {
      await db.batch([
        { sql: 'INSERT INTO runs (started, run) VALUES (?, ?) ON CONFLICT (started) DO UPDATE SET run = excluded.run', params: [run.started, JSON.stringify(run)] },
        // Keep the last 100 runs: enough history for /healthz without growing forever.
        { sql: 'DELETE FROM runs WHERE started NOT IN (SELECT started FROM runs ORDER BY started DESC LIMIT 100)', params: [] },
      ]);
    },

    async lastRun() {
      const [row] = await db.all<{ run: string }>('SELECT run FROM runs ORDER BY started DESC LIMIT 1');
      return row ? (JSON.parse(row.run) as IngestRun) : null;
    },

    async acquireLease(name, owner, now, expires) {
      await db.batch([
        {
          sql:
            'INSERT INTO leases (name, owner, expires) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET ' +
            'owner = excluded.owner, expires = excluded.expires WHERE leases.expires < ? OR leases.owner = excluded.owner',
          params: [name, owner, expires, now],
        },
      ]);
      const [row] = await db.all<{ owner: string }>('SELECT owner FROM leases WHERE name = ?', [name]);
      return row?.owner === owner;
    },

    async releaseLease(name, owner) {
      await db.batch([{ sql: 'DELETE FROM leases WHERE name = ? AND owner = ?', params: [name, owner] }]);
    },

    async checkWritable() {
      // Writes the value it reads: refused at once by a read-only database (D1's connectors and
      // PostgreSQL override this with a rolled-back write).
      try {
        await db.batch([{ sql: "UPDATE meta SET value = value WHERE key = 'version'", params: [] }]);
        return null;
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    },

    close: () => db.close(),
  };
}

/** Insert or update an item without a feed rank (PostgreSQL). */
const plainUpsertSql =
  `INSERT INTO items (${itemColumns}) VALUES (${placeholders(itemColumnList.length)}) ON CONFLICT (id) DO UPDATE SET ` +
  itemColumnList.filter((c) => c !== 'id' && c !== 'first_seen').map((c) => `${c} = excluded.${c}`).join(', ');

/** The columns that make an item's content: all but the bookkeeping of when it was seen and changed. */
const contentColumns = itemColumnList.filter((c) => c !== 'changed' && c !== 'first_seen');

/** Equal apart from bookkeeping: rewriting an identical item would only churn ETags. */
function sameContent(before: ItemRow, after: ItemRow): boolean {
  return contentColumns.every((c) => before[c] === after[c]);
}

