/**
 * The Node door's store: PostgreSQL when `DATABASE_URL` is set, else the embedded SQLite file.
 * Both give the shared ItemStore plus what the door needs to report and reclaim leases.
 */
import { resolve } from 'node:path';
import type { Config } from '../config.js';
import { openPostgresStore, type PostgresStore } from './postgres.js';
import { openSqliteStore, type SqliteStore } from './sqlite.js';

export type NodeStore = (SqliteStore | PostgresStore) & {
  /** `sqlite` or `postgres`, for the start-up log line. */
  kind: 'sqlite' | 'postgres';
};

export async function openNodeStore(
  config: Pick<Config, 'dbPath' | 'databaseUrl' | 'databasePoolMax' | 'databaseStatementTimeoutMs'>,
): Promise<NodeStore> {
  if (config.databaseUrl !== null) {
    const store = await openPostgresStore({
      url: config.databaseUrl, poolMax: config.databasePoolMax, statementTimeoutMs: config.databaseStatementTimeoutMs,
    });
    return Object.assign(store, { kind: 'postgres' as const });
  }
  const store = await openSqliteStore(config.dbPath === ':memory:' ? ':memory:' : resolve(config.dbPath));
  return Object.assign(store, { kind: 'sqlite' as const });
}

/** The holder of a lease whose process is gone as far as the store can tell (PostgreSQL: its session ended). */
export async function abandonedLease(store: NodeStore, name: string) {
  return 'abandonedLease' in store ? store.abandonedLease(name) : null;
}
