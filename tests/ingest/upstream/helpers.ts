/** Shared setup for the upstream tests. */
import { memoryLog } from '../../../src/log.js';
import type { SourceState } from '../../../src/store/store.js';
import { collectUpstream } from '../../../src/ingest/upstream/collectUpstream.js';
import type { FeedReader } from '../../../src/ingest/upstream/readFeed.js';
import type { Limits, UpstreamDeps, UpstreamResult, UpstreamSource } from '../../../src/ingest/upstream/types.js';

export const now = new Date('2024-06-01T12:00:00.000Z');
export const userAgent = 'Caravan/0.1 (+https://caravan.example/about)';

/**
 * Test limits: a small size cap; a timeout generous enough that a loaded machine does not turn
 * good responses into timeouts (runs that include the hanging endpoint pass a short one).
 */
export const testLimits: Partial<Limits> = { timeoutMs: 5000, maxBytes: 256 * 1024 };

export function source(url: string, extra: Partial<UpstreamSource> = {}): UpstreamSource {
  return { url, name: null, topics: [], regions: [], intervalMinutes: 15, allowPrivate: true, ...extra };
}

/**
 * A fetch that sends `http://<name>.test:<port>/...` to the loopback server, so tests can have
 * many "hosts" while only ever talking to 127.0.0.1.
 */
export function loopbackFetch(port: number): typeof fetch {
  return (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    if (url.hostname.endsWith('.test')) {
      url.hostname = '127.0.0.1';
      url.port = String(port);
    }
    if (url.hostname !== '127.0.0.1') throw new Error(`test fetch refuses ${url.href}`);
    return fetch(url.href, init);
  };
}

export async function run(
  sources: UpstreamSource[],
  options: { port: number; states?: Map<string, SourceState>; at?: Date; limits?: Partial<Limits>; readFeed?: FeedReader; sha256?: UpstreamDeps['sha256'] },
): Promise<{ results: UpstreamResult[]; log: string[]; byUrl: Map<string, UpstreamResult> }> {
  const log = memoryLog();
  const results = await collectUpstream(sources, options.states ?? new Map(), {
    fetch: loopbackFetch(options.port),
    now: () => options.at ?? now,
    log,
    userAgent,
    limits: { ...testLimits, ...options.limits },
    ...(options.readFeed ? { readFeed: options.readFeed } : {}),
    ...(options.sha256 ? { sha256: options.sha256 } : {}),
  });
  return { results, log: log.lines, byUrl: new Map(results.map((r) => [r.source.url, r])) };
}

export function minutesAfter(date: Date, minutes: number): string {
  return new Date(date.getTime() + minutes * 60_000).toISOString();
}
