import type pg from 'pg';
import type { Migration } from './connector.js';

/** Both keys of the advisory lock migrations run under (any two int4: Caravan's, this purpose's). */
const migrateLock = "hashtext('caravan'), hashtext('migrate')";

/**
 * Apply pending migrations under a session advisory lock, each in one transaction with its
 * `caravan_migrations` record (PostgreSQL has transactional DDL). Two instances starting together
 * migrate once: the second waits for the lock, then finds nothing left to do.
 */
export async function migratePostgres(pool: pg.Pool, migrations: Migration[]): Promise<void> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query(`SELECT pg_advisory_lock(${migrateLock})`);
    await client.query(
      'CREATE TABLE IF NOT EXISTS caravan_migrations (name TEXT COLLATE "C" PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
    );
    const applied = new Set((await client.query<{ name: string }>('SELECT name FROM caravan_migrations')).rows.map((r) => r.name));
    for (const migration of [...migrations].sort((a, b) => a.name.localeCompare(b.name))) {
      if (applied.has(migration.name)) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO caravan_migrations (name) VALUES ($1)', [migration.name]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw new Error(`${migration.name}: ${(error as Error).message}`);
      }
    }
  } catch (error) {
    broken = error as Error;
    throw error;
  } finally {
    // Unlock on success; after a failure the connection is closed, which releases the lock too.
    if (!broken) await client.query(`SELECT pg_advisory_unlock(${migrateLock})`).catch((e: Error) => (broken = e));
    client.release(broken);
  }
}
