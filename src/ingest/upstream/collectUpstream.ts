/**
 * One ingest run over the upstream sources: skip those not due, fetch the rest (8 at a time, 2 per
 * host), decode, parse and turn entries into articles; for `fullText` sources, complete
 * summary-only entries from their pages (fetchFullText). Each source fails alone: its state records
 * the stage and error, backs off exponentially (Retry-After wins when later), and one `warn` line
 * names it. Never throws.
 */
import type { SourceOutcome, SourceState } from '../../store/store.js';
import { fetchFeed } from './fetchFeed.js';
import { dueGraceMs } from './pickDue.js';
import type { FeedReader } from './readFeed.js';
import { runLimited } from './runLimited.js';
import { defaultLimits, type Limits, type UpstreamDeps, type UpstreamResult, type UpstreamSource } from './types.js';
import { UpstreamError, type UpstreamStage } from './upstreamError.js';

export type { UpstreamResult, UpstreamSource, Limits } from './types.js';

const minute = 60_000;

export function initialState(url: string): SourceState {
  return {
    id: url, kind: 'upstream', etag: null, lastModified: null, contentHash: null,
    lastAttempt: null, lastSuccess: null, lastError: null, consecutiveFailures: 0, nextAttempt: null, itemCount: 0,
  };
}

function outcome(source: UpstreamSource, status: SourceOutcome['status'], error: string | null, read?: { entries: number; items: number; skipped: Record<string, number> }): SourceOutcome {
  return { source: source.url, status, entries: 0, items: 0, skipped: {}, ...read, inserted: 0, updated: 0, unchanged: 0, error };
}

const webSha256 = async (bytes: Uint8Array<ArrayBuffer>) => new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));

/** Hex SHA-256 of a body: the platform's (`UpstreamDeps.sha256`), else Web Crypto. */
async function sha256(bytes: Uint8Array<ArrayBuffer>, hash: UpstreamDeps['sha256'] = webSha256): Promise<string> {
  const digest = await hash(bytes);
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url;
  }
}

interface RunContext {
  deps: UpstreamDeps;
  limits: Limits;
  /** When the run started: the base for `nextAttempt`, so intervals do not drift by run length. */
  start: Date;
  /** Fetched bodies held for reading (`bodiesHeld`). */
  held: ReturnType<typeof permits>;
  /** `deps.readFeed`, else `readFeed` in this thread (imported only then: rss-parser and sanitize-html load with it). */
  readFeed: () => Promise<FeedReader>;
}

/** Loaded once, when first needed. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | null = null;
  return () => (loaded ??= load());
}

function after(start: Date, minutes: number): string {
  return new Date(start.getTime() + minutes * minute).toISOString();
}

/**
 * Bodies fetched and waiting to be read (or being read) at most: a fetch slot is freed once its
 * body is in, so the next request goes out while the body is parsed (in a worker thread on Node,
 * busy while the ingesting thread writes), and this bounds the bodies held meanwhile.
 */
const bodiesHeld = 32;

/** A counter of permits: `take` waits while none is free. */
function permits(count: number): { take(): Promise<void>; give(): void } {
  let free = count;
  const waiting: (() => void)[] = [];
  return {
    async take() {
      if (free > 0) free--;
      else await new Promise<void>((resolve) => waiting.push(resolve));
    },
    give() {
      const next = waiting.shift();
      if (next) next();
      else free++;
    },
  };
}

/**
 * One source, fetched then read. `fetchDone` is called once no request of this source is in
 * flight any more (before its body is read), so its fetch slot can go to the next source.
 */
async function collectOne(source: UpstreamSource, prev: SourceState, ctx: RunContext, fetchDone: () => void): Promise<UpstreamResult> {
  const { deps, limits, start } = ctx;
  const attempted = deps.now().toISOString();
  let stage: UpstreamStage = 'fetch';
  try {
    const fetched = await fetchFeed(
      { url: source.url, etag: prev.etag, lastModified: prev.lastModified, allowPrivate: source.allowPrivate },
      { fetch: deps.fetch, userAgent: deps.userAgent, now: deps.now, limits, resolveHost: deps.resolveHost, pinnedFetch: deps.pinnedFetch },
    );
    const next = after(start, source.intervalMinutes);
    const base = { ...prev, lastAttempt: attempted, lastSuccess: attempted, lastError: null, consecutiveFailures: 0, nextAttempt: next };
    if (fetched.status === 'unchanged') {
      const state = { ...base, etag: fetched.etag, lastModified: fetched.lastModified };
      deps.log.debug('upstream.unchanged', { source: source.url, via: '304' });
      return { source, state, articles: [], outcome: outcome(source, 'unchanged', null) };
    }
    const validators = { etag: fetched.etag, lastModified: fetched.lastModified };
    const hash = await sha256(fetched.body, deps.sha256);
    if (hash === prev.contentHash) {
      deps.log.debug('upstream.unchanged', { source: source.url, via: 'hash' });
      return { source, state: { ...base, ...validators }, articles: [], outcome: outcome(source, 'unchanged', null) };
    }
    stage = 'parse';
    const input = { body: fetched.body, contentType: fetched.contentType, source, feedUrl: fetched.url, now: deps.now().toISOString() };
    await ctx.held.take();
    fetchDone();
    const feed = await ctx.readFeed().then((read) => read(input)).finally(() => ctx.held.give());
    const { articles, skipped } = feed;
    const ttl = Math.min(feed.ttlMinutes ?? 0, limits.maxBackoffMinutes);
    const state: SourceState = {
      ...base, ...validators, contentHash: hash, itemCount: feed.entries,
      nextAttempt: after(start, Math.max(source.intervalMinutes, ttl)),
    };
    deps.log.debug('upstream.ok', { source: source.url, format: feed.version, entries: feed.entries, items: articles.length });
    const read = { entries: feed.entries, items: articles.length, skipped };
    return { source, state, articles, outcome: outcome(source, 'ok', null, read) };
  } catch (err) {
    const error = err instanceof UpstreamError ? err : new UpstreamError(stage, err instanceof Error ? err.message : String(err));
    return failed(source, prev, error, attempted, ctx);
  }
}

function failed(source: UpstreamSource, prev: SourceState, err: UpstreamError, attempted: string, ctx: RunContext): UpstreamResult {
  const { limits, start } = ctx;
  const failures = prev.consecutiveFailures + 1;
  const backoff = Math.max(source.intervalMinutes, Math.min(source.intervalMinutes * 2 ** failures, limits.maxBackoffMinutes));
  let next = start.getTime() + backoff * minute;
  if (err.retryAfter !== null) {
    const cap = start.getTime() + limits.maxRetryAfterMinutes * minute;
    next = Math.max(next, Math.min(err.retryAfter.getTime(), cap));
  }
  const nextAttempt = new Date(next).toISOString();
  const state: SourceState = { ...prev, lastAttempt: attempted, lastError: err.message, consecutiveFailures: failures, nextAttempt };
  const name = source.name ?? undefined;
  ctx.deps.log.warn('upstream.failed', { source: source.url, name, error: err.message, failures, nextAttempt });
  return { source, state, articles: [], outcome: outcome(source, 'failed', err.message) };
}

/**
 * Every source's result, in source order. `onResult` is told each result, in source order, as
 * soon as it and every one before it are known (the caller can store them while later sources are
 * still fetched); when a `fullText` source is due, only once all are (their pages are a second pass
 * over every result).
 */
export async function collectUpstream(
  sources: UpstreamSource[],
  states: Map<string, SourceState>,
  deps: UpstreamDeps,
  onResult?: (result: UpstreamResult, index: number) => void,
): Promise<UpstreamResult[]> {
  const limits: Limits = { ...defaultLimits, ...deps.limits };
  const ctx: RunContext = {
    deps, limits, start: deps.now(), held: permits(bodiesHeld),
    readFeed: deps.readFeed ? () => Promise.resolve(deps.readFeed!) : once(async () => (await import('./readFeed.js')).readFeed),
  };
  const results = new Array<UpstreamResult>(sources.length);
  const due: { index: number; source: UpstreamSource; prev: SourceState }[] = [];
  sources.forEach((source, index) => {
    const prev = states.get(source.url) ?? initialState(source.url);
    const nextAt = prev.nextAttempt === null ? Number.NaN : Date.parse(prev.nextAttempt);
    if (nextAt - dueGraceMs > ctx.start.getTime()) {
      results[index] = { source, state: prev, articles: [], outcome: outcome(source, 'skipped', null) };
    } else {
      due.push({ index, source, prev });
    }
  });
  // A source never read before will be read: the reader starts now, while the first fetches are
  // under way. (Otherwise it starts with the first body, so a run of 304s starts no thread.)
  if (due.some(({ prev }) => prev.contentHash === null)) deps.readFeed?.start?.();
  const streaming = onResult !== undefined && !due.some(({ source }) => source.fullText);
  let told = 0;
  const tell = () => {
    for (; told < results.length && results[told] !== undefined; told++) onResult!(results[told], told);
  };
  const reads: Promise<UpstreamResult>[] = [];
  // A task holds its fetch slot until its requests are over, not while its body is read.
  const tasks = due.map(({ index, source, prev }, i) => ({
    key: hostOf(source.url),
    run: () => new Promise<void>((slotFree) => {
      reads[i] = collectOne(source, prev, ctx, slotFree).then((result) => {
        slotFree();
        if (streaming) {
          results[index] = result;
          tell();
        }
        return result;
      });
    }),
  }));
  if (streaming) tell();
  await runLimited(tasks, limits.concurrency, limits.perHost);
  const done = await Promise.all(reads);
  done.forEach((result, i) => {
    results[due[i].index] = result;
  });
  if (streaming) {
    tell();
    return results;
  }
  // Then the article pages of `fullText` sources' summary-only entries, under the same limits
  // (the page extractor is loaded only for them).
  const { fetchFullText } = await import('./fetchFullText.js');
  const completed = await fetchFullText(results, deps, limits);
  completed.forEach((result, i) => onResult?.(result, i));
  return completed;
}
