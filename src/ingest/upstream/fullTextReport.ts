import type { FullTextMemory, SourceState } from '../../store/store.js';

export interface FullTextReport {
  /** Entries whose page was fetched (or tried). */
  pages: number;
  /** The pages that failed: URL and why. */
  failed: { url: string; error: string }[];
}

/** A `fullText` source's per-entry memory as a person reads it in /healthz: how many pages, which failed and why. */
export function fullTextReport(memory: FullTextMemory): FullTextReport {
  const entries = Object.values(memory);
  return {
    pages: entries.length,
    failed: entries.flatMap((e) => (e.error === null ? [] : [{ url: e.url, error: e.error }])),
  };
}

/** A source's state for /healthz: the fullText memory (hashes, validators) summed up. */
export function reportedState(state: SourceState): Omit<SourceState, 'fullText'> & { fullText?: FullTextReport } {
  const { fullText, ...rest } = state;
  return fullText === undefined ? rest : { ...rest, fullText: fullTextReport(fullText) };
}
