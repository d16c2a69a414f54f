import type { ItemStore } from '../store/store.js';

/** How long one run may hold the ingestion lease before another process may take over. */
export const leaseMinutes = 30;
const leaseName = 'ingest';

export interface IngestLease {
  owner: string;
  release(): Promise<void>;
}

/**
 * Take the ingestion lease for a run starting at `started`: one ingestion at a time across
 * processes sharing a store. The owner is `<prefix>:<start ms>-<random>`, so two runs of one
 * process never mistake each other's lease. Null when someone else holds a live lease; throws
 * what the store throws (a store that cannot be written cannot take a lease either). Releasing
 * never throws: a lease that cannot be released expires after `leaseMinutes`.
 */
export async function takeIngestLease(store: ItemStore, prefix: string, started: Date): Promise<IngestLease | null> {
  const owner = `${prefix}:${started.getTime()}-${Math.random().toString(36).slice(2)}`;
  const until = new Date(started.getTime() + leaseMinutes * 60_000).toISOString();
  if (!(await store.acquireLease(leaseName, owner, started.toISOString(), until))) return null;
  return {
    owner,
    release: () => store.releaseLease(leaseName, owner).catch(() => undefined),
  };
}
