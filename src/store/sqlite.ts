import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import type { Migration, SqlConnector, SqlValue } from './connector.js';
import { createSqlStore } from './sqlStore.js';
import type { ItemStore } from './store.js';

const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** The numbered SQL files that both SQLite and D1 (`wrangler d1 migrations apply`) use. */
export function readMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((name) => /^\d{4}_.+\.sql$/.test(name))
    .sort()
    .map((name) => ({ name, sql: readFileSync(join(dir, name), 'utf8') }));
}

/** better-sqlite3 as a connector: WAL, one transaction per batch, statements prepared once. */
export function sqliteConnector(path: string): SqlConnector {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  const prepared = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let statement = prepared.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      // Statement text varies with IN-list lengths; keep the cache bounded.
      if (prepared.size > 500) prepared.clear();
      prepared.set(sql, statement);
    }
    return statement;
  };
  const runAll = db.transaction((statements: { sql: string; params: SqlValue[] }[]) => {
    for (const s of statements) prepare(s.sql).run(...s.params);
  });
  return {
    async all<T>(sql: string, params: SqlValue[] = []) {
      return prepare(sql).all(...params) as T[];
    },
    async batch(statements) {
      runAll.immediate(statements);
    },
    async exec(script) {
      db.exec(script);
    },
    async close() {
      db.close();
    },
  };
}

/** The embedded default store: a SQLite file (created with its folder) or `:memory:`. */
export async function openSqliteStore(path: string): Promise<ItemStore> {
  const store = createSqlStore(sqliteConnector(path), readMigrations());
  await store.migrate();
  return store;
}
