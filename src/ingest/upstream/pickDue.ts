import type { SourceState } from '../../store/store.js';
import type { UpstreamSource } from './types.js';

/** A source is due this long before its `nextAttempt`, so a run on the minute is not missed by seconds. */
export const dueGraceMs = 60_000;

/**
 * At most `max` of the due sources, longest-waiting first (never tried, then oldest
 * `nextAttempt`; ties keep config order). The rest wait, untouched, for the next run: a scheduled
 * invocation with more upstream work than it can do continues next time instead of failing.
 */
export function pickDue(
  sources: UpstreamSource[], states: Map<string, SourceState>, now: Date, max = Number.POSITIVE_INFINITY,
): { picked: UpstreamSource[]; deferred: UpstreamSource[] } {
  const waitingSince = (s: UpstreamSource) => {
    const next = states.get(s.url)?.nextAttempt;
    return next ? Date.parse(next) : Number.NEGATIVE_INFINITY;
  };
  const due = sources.filter((s) => waitingSince(s) - dueGraceMs <= now.getTime());
  const overflow = new Set([...due].sort((a, b) => waitingSince(a) - waitingSince(b)).slice(max));
  return { picked: sources.filter((s) => !overflow.has(s)), deferred: [...overflow] };
}
