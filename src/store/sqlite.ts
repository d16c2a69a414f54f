import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import type { Migration, SqlConnector, SqlValue } from './connector.js';
import { createSqlStore } from './sqlStore.js';
import { StoreWriteError, type IngestRun, type ItemStore } from './store.js';
import { trackWriteErrors } from './trackWriteErrors.js';

export { StoreWriteError } from './store.js';

const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** The numbered SQL files that both SQLite and D1 (`wrangler d1 migrations apply`) use. */
export function readMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((name) => /^\d{4}_.+\.sql$/.test(name))
    .sort()
    .map((name) => ({ name, sql: readFileSync(join(dir, name), 'utf8') }));
}

/** The error better-sqlite3 threw, in words an operator can act on; other errors unchanged. */
export function explainSqliteError(error: unknown, path: string): unknown {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return error;
  const detail = `${code}: ${(error as Error).message}`;
  const file = path === ':memory:' ? 'the in-memory database' : path;
  const keeps = 'nothing new is stored; Caravan keeps serving what it has';
  if (code.startsWith('SQLITE_READONLY')) {
    return new StoreWriteError(`store is read-only (${detail}): ${keeps}; make ${file} and its folder writable by this process`, code);
  }
  if (code.startsWith('SQLITE_FULL')) return new StoreWriteError(`store is full: the disk has no space left (${detail}): ${keeps}; free disk space`, code);
  if (code.startsWith('SQLITE_IOERR')) {
    return new StoreWriteError(`store disk I/O error (${detail}): ${keeps}; the disk holding ${file} may be full or failing`, code);
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new StoreWriteError(`store is locked by another process for longer than 5 s (${detail}); the write will be retried on the next run`, code);
  }
  if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB')) {
    return new StoreWriteError(`store file is damaged (${detail}); restore ${file} from a backup`, code);
  }
  if (code.startsWith('SQLITE_CANTOPEN')) return new StoreWriteError(`store file cannot be opened (${detail}); check ${file} and its folder`, code);
  return new StoreWriteError(`store error (${detail})`, code);
}

/** better-sqlite3 as a connector: WAL, one transaction per batch, statements prepared once. */
export function sqliteConnector(path: string): SqlConnector {
  return connect(path).connector;
}

function connect(path: string): { db: Database.Database; connector: SqlConnector } {
  const explain = (error: unknown) => explainSqliteError(error, path);
  let db: Database.Database;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    db = new Database(path);
    // Space of removed items can be given back (compact()): takes effect on a new file only (set
    // before the first table); an older file reuses freed pages but does not shrink.
    // (Asked only of an empty file: on an existing one it would be a write, refused when read-only.)
    if (db.pragma('page_count', { simple: true }) === 0) db.pragma('auto_vacuum = INCREMENTAL');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    // Statement journals (an upsert that fires the full-text triggers keeps one) in memory, not
    // in a temporary file: a file cost a write system call per page it saved (bench/RESULTS.md).
    db.pragma('temp_store = MEMORY');
    // The WAL is copied into the file (a checkpoint, two fsyncs) once it holds 10,000 pages (40 MB)
    // instead of SQLite's 1,000: an ingestion run of a hundred pages writes ~7,000, so it paid
    // ~14 fsyncs of 5-40 ms each on its ingesting thread (bench/RESULTS.md, 2026-12-02). After a
    // checkpoint the file is cut back to 4 MB. A crash loses no more than before (a commit is in the
    // WAL either way); a power cut can lose the commits since the last checkpoint (README, *The database file*).
    db.pragma('wal_autocheckpoint = 10000');
    db.pragma(`journal_size_limit = ${4 * 1024 * 1024}`);
  } catch (error) {
    throw explain(error);
  }
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
  const connector: SqlConnector = {
    async all<T>(sql: string, params: SqlValue[] = []) {
      try {
        return prepare(sql).all(...params) as T[];
      } catch (error) {
        throw explain(error);
      }
    },
    async batch(statements) {
      // One synchronous transaction: no other JavaScript (a reader, a signal handler) runs inside
      // it, and a crash mid-way leaves the WAL without its commit record, so nothing of it is seen.
      try {
        runAll.immediate(statements);
      } catch (error) {
        throw explain(error);
      }
    },
    async exec(script, after = []) {
      try {
        if (after.length === 0) db.exec(script);
        else {
          db.transaction(() => {
            db.exec(script);
            for (const s of after) prepare(s.sql).run(...s.params);
          }).immediate();
        }
      } catch (error) {
        throw explain(error);
      }
    },
    async close() {
      db.close();
    },
  };
  return { db, connector };
}

/** Who holds a named lease (the ingestion lease is `ingest`), as stored. */
export interface LeaseHolder {
  name: string;
  owner: string;
  expires: string;
}

/** The SQLite store: the shared ItemStore plus what only the Node door needs. */
export interface SqliteStore extends ItemStore {
  /** The live holder of a lease, or null. The Node door reclaims a lease left by a killed process. */
  leaseHolder(name: string): Promise<LeaseHolder | null>;
  /** The last write error, null once a write succeeds again (/healthz shows it through the failed `lastRun()`). */
  writeError(): string | null;
  /** Null when the file can be written now; otherwise why not (a read-only file, for one). */
  checkWritable(): Promise<string | null>;
}

/**
 * The embedded default store: a SQLite file (created with its folder) or `:memory:`.
 *
 * When the file cannot be written (read-only, disk full), reads keep working and every write
 * fails with a `StoreWriteError` that says why. A run that cannot be recorded is kept in memory
 * and returned by `lastRun()`, so `/healthz` shows the failed run and its error rather than the
 * last run that could still be written.
 */
export async function openSqliteStore(path: string, migrations: Migration[] = readMigrations()): Promise<SqliteStore> {
  const { db, connector } = connect(path);
  const base = createSqlStore(connector, migrations);
  /** Bytes on disk: the file and its WAL (in memory: the pages in use). */
  const size = (): number => {
    if (path === ':memory:') return (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number);
    return [path, `${path}-wal`].reduce((sum, file) => sum + (statSync(file, { throwIfNoEntry: false })?.size ?? 0), 0);
  };
  await base.migrate();
  let unrecorded: IngestRun | null = null;
  const { writing, lastError } = trackWriteErrors();
  return {
    ...base,
    upsertItems: (items) => writing(() => base.upsertItems(items)),
    upsertItemGroups: (groups) => writing(() => base.upsertItemGroups(groups)),
    deleteItems: (ids) => writing(() => base.deleteItems(ids)),
    deleteItemsOlderThan: (cutoff, keep) => writing(() => base.deleteItemsOlderThan(cutoff, keep)),
    async compact() {
      const before = size();
      try {
        // Free pages go back to the file system (auto_vacuum = INCREMENTAL), then the WAL is
        // folded in and truncated, so the file on disk shrinks.
        db.pragma('incremental_vacuum');
        db.pragma('wal_checkpoint(TRUNCATE)');
      } catch (error) {
        throw explainSqliteError(error, path);
      }
      return { before, after: size() };
    },
    async stats() {
      return { items: (await base.stats()).items, bytes: size() };
    },
    saveSourceStates: (states) => writing(() => base.saveSourceStates(states)),
    acquireLease: (name, owner, now, expires) => writing(() => base.acquireLease(name, owner, now, expires)),
    releaseLease: (name, owner) => writing(() => base.releaseLease(name, owner)),
    async recordRun(run) {
      try {
        await writing(() => base.recordRun(run));
        unrecorded = null;
      } catch (error) {
        unrecorded = run;
        throw error;
      }
    },
    async lastRun() {
      const stored = await base.lastRun();
      return unrecorded !== null && (stored === null || unrecorded.started >= stored.started) ? unrecorded : stored;
    },
    async leaseHolder(name) {
      const [row] = await connector.all<LeaseHolder>('SELECT name, owner, expires FROM leases WHERE name = ?', [name]);
      return row ?? null;
    },
    writeError: lastError,
    async checkWritable() {
      try {
        // A write that is rolled back: SQLite refuses it at once on a read-only file
        // (taking the write lock alone does not tell).
        await connector.exec("BEGIN IMMEDIATE; UPDATE meta SET value = value WHERE key = 'version'; ROLLBACK");
        return null;
      } catch (error) {
        await connector.exec('ROLLBACK').catch(() => undefined);
        return error instanceof Error ? error.message : String(error);
      }
    },
  };
}
