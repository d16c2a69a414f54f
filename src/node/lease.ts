/**
 * The ingestion lease as the Node door sees it: who this process is, and whether the holder of a
 * lease left in the store is gone (a process of this host that no longer runs after `kill -9`; on
 * PostgreSQL, a process of any host whose database session has ended), so the next run takes the
 * lease back at once instead of after it expires.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Log } from '../log.js';
import type { LeaseHolder, SqliteStore } from '../store/sqlite.js';

export interface LeaseIdentity {
  host: string;
  pid: number;
  instance: string;
  /** `node:<host>:<pid>:<instance>`: who holds the ingestion lease, readable by the next process. */
  owner: string;
}

export function leaseIdentity(): LeaseIdentity {
  const host = hostname().replace(/:/g, '-');
  const instance = randomUUID().slice(0, 8);
  return { host, pid: process.pid, instance, owner: `node:${host}:${process.pid}:${instance}` };
}

/**
 * Why the lease owner is gone (a process of this host that no longer runs, or this process between
 * runs), or null if it may still be running. Asked only when this process is not ingesting.
 */
export function deadLeaseOwner(owner: string, me: { host: string; pid: number; instance: string }): string | null {
  const [kind, host, pidText, instance] = owner.split(':');
  const pid = Number(pidText);
  if (kind !== 'node' || host !== me.host || !Number.isInteger(pid) || pid <= 0) return null;
  // Asked only when this process runs no ingestion: a lease of its own is one a failed release left.
  if (pid === me.pid) return instance === me.instance ? 'left by an earlier run of this process' : `an earlier process with this pid (${pid}) stopped`;
  try {
    process.kill(pid, 0);
    return null;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH' ? `process ${pid} no longer runs` : null;
  }
}

type LeaseStore = Pick<SqliteStore, 'leaseHolder' | 'releaseLease'> & {
  /** PostgreSQL: the holder whose database session has ended (postgresLeases.ts). */
  abandonedLease?: (name: string) => Promise<LeaseHolder | null>;
};

/** A lease left by a killed process is released (and logged); a live one is left alone. */
export async function reclaimLease(store: LeaseStore, me: LeaseIdentity, log: Log): Promise<void> {
  const holder = await store.leaseHolder('ingest');
  if (holder === null) return;
  const sessionEnded = async () => ((await store.abandonedLease?.('ingest'))?.owner === holder.owner ? 'its database session ended' : null);
  const why = deadLeaseOwner(holder.owner, me) ?? (await sessionEnded());
  if (why === null) return;
  await store.releaseLease('ingest', holder.owner);
  log.warn('ingest: took over the lease of a stopped ingestion', { owner: holder.owner, reason: why });
}
