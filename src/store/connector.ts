/**
 * The narrow database contract every driver implements (better-sqlite3 on Node, D1 on Workers).
 * The SQL is SQLite dialect, written once in this folder and shared by both.
 */
export type SqlValue = string | number | null;

export interface Statement {
  sql: string;
  params: SqlValue[];
}

export interface SqlConnector {
  all<T>(sql: string, params?: SqlValue[]): Promise<T[]>;
  /** Run statements atomically, in order (a transaction on SQLite, `batch()` on D1). */
  batch(statements: Statement[]): Promise<void>;
  /**
   * Run a script of several statements (a migration), then `after` (its record), all atomically:
   * one transaction on SQLite (transactional DDL), one `batch()` on D1.
   */
  exec(script: string, after?: Statement[]): Promise<void>;
  close(): Promise<void>;
}

export interface Migration {
  /** File name, e.g. `0001_init.sql`; applied in name order and recorded in `d1_migrations`. */
  name: string;
  sql: string;
}
