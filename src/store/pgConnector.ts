/**
 * node-postgres (`pg`) as a connector: the store's `?` placeholders become `$1, $2, …`, `batch` is
 * one transaction on one pooled connection, BIGINT and COUNT(*) come back as numbers.
 */
import pg from 'pg';
import type { SqlConnector, SqlValue } from './connector.js';

/** `?` → `$n` outside quoted strings and identifiers (the store's SQL never has a `?` inside one). */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  let out = '';
  let quote: string | null = null;
  for (const ch of sql) {
    if (quote) {
      if (ch === quote) quote = null;
      out += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
    } else out += ch === '?' ? `$${++n}` : ch;
  }
  return out;
}

/** int8 (BIGINT, COUNT(*)) as a JS number: counts and the store version stay far below 2^53. */
export const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export function pgConnector(pool: pg.Pool): SqlConnector {
  const converted = new Map<string, string>();
  const text = (sql: string) => {
    let out = converted.get(sql);
    if (out === undefined) {
      out = numberPlaceholders(sql);
      // Statement text varies with IN-list lengths; keep the cache bounded.
      if (converted.size > 500) converted.clear();
      converted.set(sql, out);
    }
    return out;
  };
  return {
    async all<T>(sql: string, params: SqlValue[] = []) {
      return (await pool.query(text(sql), params)).rows as T[];
    },
    async batch(statements) {
      if (statements.length > 0) await inTransaction(pool, async (client) => {
        for (const s of statements) await client.query(text(s.sql), s.params);
      });
    },
    async exec(script, after = []) {
      if (after.length === 0) await pool.query(script);
      else await inTransaction(pool, async (client) => {
        await client.query(script);
        for (const s of after) await client.query(text(s.sql), s.params);
      });
    },
    async close() {
      await pool.end();
    },
  };
}

/** `work` in one transaction on one pooled connection; a connection that cannot even roll back is dropped. */
async function inTransaction(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    await work(client);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch((rollback: Error) => (broken = rollback));
    throw error;
  } finally {
    client.release(broken);
  }
}
