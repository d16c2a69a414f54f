import { resolve } from 'node:path';
import type { Config } from '../config.js';
import { openSqliteStore, type SqliteStore } from '../store/sqlite.js';

/** The Node door's store, chosen from the settings (the SQLite file at DB_PATH, or `:memory:`). */
export async function openNodeStore(config: Pick<Config, 'dbPath'>): Promise<SqliteStore> {
  return openSqliteStore(config.dbPath === ':memory:' ? ':memory:' : resolve(config.dbPath));
}
