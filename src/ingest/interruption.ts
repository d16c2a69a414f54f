/**
 * Stopping a run early (the Node door aborts it on SIGTERM): pages refuse to be read, fetches are
 * aborted, and what was cut short is told apart from what failed on its own, so it is left for the
 * next run instead of being recorded as the source's failure.
 */
import type { Log } from '../log.js';
import type { SourceOutcome, SourceState } from '../store/store.js';
import type { PageReader } from './pageReader.js';
import type { PinnedFetch } from './upstream/fetchFeed.js';

/** The error of a page read refused because the run is stopping. */
export const interruptedRead = 'interrupted: the run is stopping';

/** Why the run was stopped, in words (the abort reason: `SIGTERM`). */
export function stopReason(signal: AbortSignal | undefined): string {
  const why: unknown = signal?.reason;
  return typeof why === 'string' ? why : why instanceof Error && why.name !== 'AbortError' ? why.message : 'stopped';
}

/** Pages that refuse to be read once the run is stopping (each such page is left for the next run). */
export function interruptiblePages(pages: PageReader, signal: AbortSignal): PageReader {
  return {
    ...pages,
    list: () => pages.list(),
    read: async (ref) => {
      if (signal.aborted) throw new Error(interruptedRead);
      return pages.read(ref);
    },
    readBytes: async (ref) => {
      if (signal.aborted) throw new Error(interruptedRead);
      return pages.readBytes(ref);
    },
  };
}

/** The log, minus one `page: failed` line per page left unread because the run is stopping. */
export function quietWhenStopped(log: Log, signal: AbortSignal): Log {
  return { ...log, warn: (event, fields) => (signal.aborted && fields?.error === `read: ${interruptedRead}` ? undefined : log.warn(event, fields)) };
}

/** `fetch` that is aborted when the run stops (on top of fetchFeed's own timeout). */
export function abortableFetch(fetchImpl: typeof fetch, signal: AbortSignal): typeof fetch {
  return (input, init) => fetchImpl(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, signal]) : signal });
}

/** Pinned fetches that are aborted when the run stops, as `abortableFetch`. */
export function abortablePins(pinned: PinnedFetch, signal: AbortSignal): PinnedFetch {
  return (hostname, addresses) => {
    const pin = pinned(hostname, addresses);
    return { ...pin, fetch: abortableFetch(pin.fetch, signal) };
  };
}

/**
 * Once the run is stopping: is this source's outcome the stop's doing (a page read refused, a
 * fetch aborted) or work not yet stored? Either way it is left for the next run.
 */
export function leftForNextRun(stopping: boolean, outcome: SourceOutcome, state: SourceState, articles: number): boolean {
  if (!stopping) return false;
  const cutShort = outcome.status === 'failed' && (outcome.error === `read: ${interruptedRead}` || state.kind === 'upstream');
  return cutShort || articles > 0;
}

/** Mark an outcome as left for the next run. */
export function markLeft(outcome: SourceOutcome): void {
  Object.assign(outcome, { status: 'skipped', inserted: 0, updated: 0, unchanged: 0, error: 'interrupted: left for the next run' });
}
