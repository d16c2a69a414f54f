import { resolve } from 'node:path';
import type { Config } from '../config.js';
import type { PostgresStore } from '../store/postgres.js';
import { openSqliteStore, type SqliteStore } from '../store/sqlite.js';

/** The Node door's store: the shared ItemStore plus what the door needs to report and reclaim leases. */
export type NodeStore = (SqliteStore | PostgresStore) & {
  /** `sqlite` or `postgres`, for log lines. */
  kind: 'sqlite' | 'postgres';
};

/**
 * The Node door's store, chosen from the settings: PostgreSQL when `DATABASE_URL` is set, else the
 * SQLite file at DB_PATH (or `:memory:`).
 */
export async function openNodeStore(
  config: Pick<Config, 'dbPath' | 'databaseUrl' | 'databasePoolMax' | 'databaseStatementTimeoutMs'>,
): Promise<NodeStore> {
  if (config.databaseUrl !== null) {
    // Loaded only for PostgreSQL: `pg` is not needed by a SQLite store's start-up.
    const { openPostgresStore } = await import('../store/postgres.js');
    const store = await openPostgresStore({
      url: config.databaseUrl, poolMax: config.databasePoolMax, statementTimeoutMs: config.databaseStatementTimeoutMs,
    });
    return Object.assign(store, { kind: 'postgres' as const });
  }
  const store = await openSqliteStore(config.dbPath === ':memory:' ? ':memory:' : resolve(config.dbPath));
  return Object.assign(store, { kind: 'sqlite' as const });
}
