import type pg from 'pg';
import type { LeaseHolder } from './sqlite.js';
import type { ItemStore } from './store.js';

/** The two int4 keys of a lease's session advisory lock. */
const lockKeys = "hashtext('caravan'), hashtext('lease:' || $1)";

/**
 * Leases across every process on one database. A lease is its `leases` row (owner, expiry: the
 * rule every store follows) plus a session advisory lock held, for as long as the lease, on a
 * connection of its own. A process that dies (kill -9, a lost machine) loses its session and with
 * it the lock, so the next process to ask gets the lock and takes the lease over at once instead
 * of waiting for it to expire. The row's `holder_pid` says whether a lock stands behind it.
 *
 * Within one process several owners share the lock this store holds, and the row decides.
 */
export function postgresLeases(pool: pg.Pool, base: ItemStore) {
  const held = new Map<string, { client: pg.PoolClient; owner: string }>();

  const drop = async (name: string) => {
    const mine = held.get(name);
    if (!mine) return;
    held.delete(name);
    const failed = await mine.client
      .query(`SELECT pg_advisory_unlock(${lockKeys})`, [name])
      .then(() => undefined, (error: Error) => error);
    // A connection that cannot unlock is closed, which unlocks.
    mine.client.release(failed);
  };

  const holder = async (name: string): Promise<(LeaseHolder & { holder_pid: number | null }) | null> => {
    const { rows } = await pool.query<LeaseHolder & { holder_pid: number | null }>(
      'SELECT name, owner, expires, holder_pid FROM leases WHERE name = $1', [name],
    );
    return rows[0] ?? null;
  };

  return {
    async acquire(name: string, owner: string, now: string, expires: string): Promise<boolean> {
      const mine = held.get(name);
      if (mine) {
        const ok = await base.acquireLease(name, owner, now, expires);
        if (ok) mine.owner = owner;
        return ok;
      }
      const client = await pool.connect();
      let keep = false;
      try {
        const { rows } = await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(${lockKeys}) AS locked`, [name]);
        // A live session elsewhere holds the lock: only the row's expiry can free the lease (a run hung past it).
        if (!rows[0].locked) return await base.acquireLease(name, owner, now, expires);
        // Any row left behind a lock we now hold is a dead session's; one without a lock goes by expiry.
        const taken = await client.query(
          'INSERT INTO leases (name, owner, expires, holder_pid) VALUES ($1, $2, $3, pg_backend_pid()) ON CONFLICT (name) DO UPDATE SET ' +
            'owner = excluded.owner, expires = excluded.expires, holder_pid = excluded.holder_pid ' +
            'WHERE leases.holder_pid IS NOT NULL OR leases.expires < $4 OR leases.owner = excluded.owner',
          [name, owner, expires, now],
        );
        if (taken.rowCount !== 1) {
          await client.query(`SELECT pg_advisory_unlock(${lockKeys})`, [name]);
          return false;
        }
        held.set(name, { client, owner });
        keep = true;
        return true;
      } finally {
        if (!keep) client.release();
      }
    },

    async release(name: string, owner: string): Promise<void> {
      try {
        await base.releaseLease(name, owner);
      } finally {
        if (held.get(name)?.owner === owner) await drop(name);
      }
    },

    async holder(name: string): Promise<LeaseHolder | null> {
      const row = await holder(name);
      return row ? { name: row.name, owner: row.owner, expires: row.expires } : null;
    },

    async abandoned(name: string): Promise<LeaseHolder | null> {
      const row = await holder(name);
      if (!row || row.holder_pid === null || held.has(name)) return null;
      const client = await pool.connect();
      try {
        const { rows } = await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(${lockKeys}) AS locked`, [name]);
        if (!rows[0].locked) return null;
        await client.query(`SELECT pg_advisory_unlock(${lockKeys})`, [name]);
        return { name: row.name, owner: row.owner, expires: row.expires };
      } finally {
        client.release();
      }
    },

    async releaseAll(): Promise<void> {
      for (const name of [...held.keys()]) await drop(name);
    },
  };
}
