/**
 * The PostgreSQL store (`DATABASE_URL=postgres://…`): the shared SQL of sqlStore.ts over a `pg`
 * pool, with PostgreSQL's own full-text search, migrations applied under an advisory lock, and an
 * ingestion lease that dies with the database session of the process holding it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { Migration } from './connector.js';
import { searchWords, type SearchClause } from './itemQuerySql.js';
import { pgConnector, pgTypes } from './pgConnector.js';
import { migratePostgres } from './postgresMigrate.js';
import { connectError, describeDatabase, explainPostgresError, pgErrorText } from './postgresErrors.js';
import { postgresLeases } from './postgresLeases.js';
import type { LeaseHolder } from './sqlite.js';
import { createSqlStore } from './sqlStore.js';
import type { ItemStore } from './store.js';
import { trackWriteErrors } from './trackWriteErrors.js';

const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), 'migrations', 'postgres');

/** src/store/migrations/postgres/NNNN_*.sql in name order. */
export function readPostgresMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((name) => /^\d{4}_.+\.sql$/.test(name))
    .sort()
    .map((name) => ({ name, sql: readFileSync(join(dir, name), 'utf8') }));
}

/**
 * `q` as a tsquery: every word required, each by prefix, over the 'simple' lexemes: the same
 * matches as FTS5 on SQLite. Words are letters and digits only, so nothing is an operator.
 * (Stems of an item's language are not searched: an OR of a word's simple and stemmed forms makes
 * the planner misjudge how rare the word is and walk the feed index instead of the GIN one,
 * 38 ms instead of 3 ms for a 1% word at 10k items.)
 */
export const tsvectorSearch: SearchClause = (q, params) => {
  const words = searchWords(q);
  if (words.length === 0) return null;
  params.push(words.map((w) => `${w}:*`).join(' & '));
  return "i.id IN (SELECT s.item_id FROM item_search s WHERE s.fts @@ to_tsquery('pg_catalog.simple', ?))";
};

export interface PostgresOptions {
  url: string;
  /** Most connections this process opens (DATABASE_POOL_MAX). */
  poolMax: number;
  /** A statement running longer is cancelled (DATABASE_STATEMENT_TIMEOUT_MS). */
  statementTimeoutMs: number;
}

/** The PostgreSQL store: the shared ItemStore plus what the Node door needs (as the SQLite store). */
export interface PostgresStore extends ItemStore {
  leaseHolder(name: string): Promise<LeaseHolder | null>;
  /**
   * The holder of a lease whose database session has ended (its process was killed, or lost its
   * connection), or null. The next `acquireLease` takes such a lease over.
   */
  abandonedLease(name: string): Promise<LeaseHolder | null>;
  writeError(): string | null;
  checkWritable(): Promise<string | null>;
}

export async function openPostgresStore(options: PostgresOptions, migrations = readPostgresMigrations()): Promise<PostgresStore> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolMax,
    statement_timeout: options.statementTimeoutMs,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    application_name: 'caravan',
    types: pgTypes,
  });
  // A server that goes away breaks idle (and leased) connections: they are dropped and the next
  // query opens a new one (/healthz says `down` meanwhile). Unhandled, the event would end the process.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw connectError(options.url, error);
  }
  try {
    await migratePostgres(pool, migrations);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new Error(`store: cannot migrate PostgreSQL at ${describeDatabase(options.url)}: ${pgErrorText(error)}`);
  }
  const db = pgConnector(pool);
  const base = createSqlStore(db, migrations, tsvectorSearch);
  const leases = postgresLeases(pool, base);
  const databaseBytes = async () =>
    Number((await pool.query<{ bytes: string }>('SELECT pg_database_size(current_database()) AS bytes')).rows[0].bytes);
  const { writing, lastError } = trackWriteErrors(explainPostgresError);
  return {
    ...base,
    migrate: () => migratePostgres(pool, migrations),
    upsertItems: (items) => writing(() => base.upsertItems(items)),
    upsertItemGroups: (groups) => writing(() => base.upsertItemGroups(groups)),
    deleteItems: (ids) => writing(() => base.deleteItems(ids)),
    deleteItemsOlderThan: (cutoff, keep) => writing(() => base.deleteItemsOlderThan(cutoff, keep)),
    // PostgreSQL's autovacuum gives the space of removed rows to new ones; a plain VACUUM here would
    // only add its map files, and VACUUM FULL would lock the tables against every instance.
    compact: async () => null,
    async stats() {
      return { items: (await base.stats()).items, bytes: await databaseBytes() };
    },
    saveSourceStates: (states) => writing(() => base.saveSourceStates(states)),
    recordRun: (run) => writing(() => base.recordRun(run)),
    acquireLease: (name, owner, now, expires) => writing(() => leases.acquire(name, owner, now, expires)),
    releaseLease: (name, owner) => writing(() => leases.release(name, owner)),
    leaseHolder: leases.holder,
    abandonedLease: leases.abandoned,
    writeError: lastError,
    async checkWritable() {
      // A write that is rolled back: refused at once by a read-only server or user.
      const client = await pool.connect().catch((error: unknown) => error as Error);
      if (client instanceof Error) return pgErrorText(client);
      try {
        await client.query('BEGIN');
        await client.query("UPDATE meta SET value = value WHERE key = 'version'");
        return null;
      } catch (error) {
        return pgErrorText(error);
      } finally {
        await client.query('ROLLBACK').catch(() => undefined);
        client.release();
      }
    },
    async close() {
      await leases.releaseAll();
      await pool.end();
    },
  };
}
