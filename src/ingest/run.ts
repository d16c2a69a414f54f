import type { CuratedFeed } from '../catalog/curatedFeeds.js';
import type { Article, Item } from '../item.js';
import type { Log } from '../log.js';
import { StoreWriteError, type IngestRun, type ItemStore, type SourceOutcome, type SourceState } from '../store/store.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import { pageResults, pagesFolderId, type PageLimits, type PageParsing } from './collectPages.js';
import { takeIngestLease, type IngestLease } from './ingestLease.js';
import { abortableFetch, abortablePins, interruptiblePages, leftForNextRun, markLeft, quietWhenStopped, stopReason } from './interruption.js';
import type { PageReader } from './pageReader.js';
import type { HashHex } from './normalize.js';
import { storeSources, type SourceHints } from './storeArticles.js';
import { pickDue } from './upstream/pickDue.js';
import type { PinnedFetch } from './upstream/fetchFeed.js';
import type { FeedReader } from './upstream/readFeed.js';
import { changedFeedUrls, pingHub } from './websub.js';
import type { Limits, SourcesConfig, UpstreamDeps } from './upstream/types.js';

export interface IngestDeps {
  store: ItemStore;
  taxonomy: Taxonomy;
  sources: SourcesConfig;
  /** Local pages; null where there are none. */
  pages: PageReader | null;
  /** Page size cap (PAGE_MAX_BYTES); 5 MB when absent. */
  pageLimits?: Partial<PageLimits>;
  fetch: typeof fetch;
  now: () => Date;
  log: Log;
  userAgent: string;
  limits?: Partial<Limits>;
  /** Upstream sources fetched in one run at most (Workers invocations are short); the rest go first next run. */
  maxUpstreamPerRun?: number;
  /** WebSub: after a run that changed items, tell this hub which feeds (on `baseUrl`) changed. */
  websub?: { hub: string; baseUrl: string; curated: CuratedFeed[] };
  /**
   * Stops the run early (the Node door aborts it on SIGTERM): the write in progress finishes, no
   * further source is read or stored, and the sources left over keep their old state, so the
   * next run does them. The run is recorded as `partial` with an `interrupted: ...` error.
   */
  signal?: AbortSignal;
  /** Names this process in the ingestion lease (`node:<host>:<pid>:<instance>`); `run` when absent. */
  leaseOwner?: string;
  /** DNS lookup for upstream hosts (Node), so a name that resolves to a private address is refused. */
  resolveHost?: (hostname: string) => Promise<string[]>;
  /** Node: fetch pinned to the checked addresses (DNS rebinding closed); see UpstreamDeps. */
  pinnedFetch?: PinnedFetch;
  /**
   * Sources are written together, in one transaction, while their items add up to at most this
   * many (a larger source is a write of its own): fewer, larger transactions. Absent or 0: one
   * source per write. A stop or crash lands between writes: it loses at most one batch. Upstream
   * sources are batched as they arrive; pages only while the next page is parsed already (a page
   * is never held back to wait for one), each page's items stamped first seen at least a
   * millisecond after those of the page before it, so undated articles keep the order the pages
   * were stored in (as on Workers, where every page is a write of its own).
   */
  writeBatchItems?: number;
  /** Node: feed bodies read in a worker thread (UpstreamDeps.readFeed); absent: in this thread. */
  readFeed?: FeedReader;
  /** Node: SHA-256 of fetched bodies on this thread (UpstreamDeps.sha256); absent: Web Crypto. */
  sha256?: UpstreamDeps['sha256'];
  /** Node: hex SHA-256 of the item ids made on this thread (node:crypto); absent: `sha256Hex`. */
  hashHex?: HashHex;
  /** Node: local pages parsed in worker threads (src/node/pageParserPool.ts); absent: in this thread. */
  pageParsing?: PageParsing;
}

/**
 * One ingestion run, top to bottom: collect (pages, upstream) → normalize → dedupe → classify →
 * store. Each source is stored on its own, so one failing source never stops the rest. Returns
 * null, and says so, when another run holds the lease.
 */
export async function runIngestion(deps: IngestDeps): Promise<IngestRun | null> {
  const { store, log, signal } = deps;
  const started = deps.now();
  const failedRun = (message: string): IngestRun => ({
    started: started.toISOString(), finished: deps.now().toISOString(), status: 'failed', pagesRead: 0,
    entries: 0, skipped: 0, inserted: 0, updated: 0, unchanged: 0, sources: [], error: message,
  });
  let lease: IngestLease | null;
  try {
    lease = await takeIngestLease(store, deps.leaseOwner ?? 'run', started);
  } catch (error) {
    // The store cannot be written (read-only file, full disk): say so, record it where possible
    // (the SQLite store keeps an unrecordable run in memory for /healthz), and never throw.
    const message = `cannot start: ${error instanceof Error ? error.message : String(error)}`;
    log.error('ingest: failed', { error: message });
    const run = failedRun(message);
    await store.recordRun(run).catch(() => undefined);
    return run;
  }
  if (lease === null) {
    log.warn('ingest: skipped, another ingestion is running');
    return null;
  }
  log.info('ingest: started', { pages: deps.pages !== null && deps.sources.pages.enabled, upstream: deps.sources.upstream.length });
  const stopping = () => signal?.aborted === true;
  try {
    const states = new Map((await store.sourceStates()).map((s) => [s.id, s]));
    /** `nextReady`: a page whose next page is parsed already and will be written (`PageResult`). */
    type Entry = { articles: Article[]; outcome: SourceOutcome; state: SourceState; nextReady?: boolean };
    const collected: Entry[] = [];
    // Pages are told one by one as they are parsed, and each is stored while later ones are parsed.
    const pages = deps.pages && deps.sources.pages.enabled && !stopping()
      ? pageResults(
        signal ? interruptiblePages(deps.pages, signal) : deps.pages, states, started, signal ? quietWhenStopped(log, signal) : log,
        deps.pageLimits, deps.pageParsing,
      )
      : null;
    const { picked, deferred } = pickDue(deps.sources.upstream, states, started, deps.maxUpstreamPerRun);
    // Upstream sources are stored in source order while later ones are still fetched and read.
    const arrived: Entry[] = [];
    let wake: (() => void) | null = null;
    const expected = stopping() ? 0 : picked.length;
    // The upstream pipeline (rss-parser, sanitize-html, the full-text extractor) is loaded only
    // when a source is due: a run of local pages alone does without ~0.3 s of module loading.
    const upstreamModule = expected === 0 ? null : import('./upstream/collectUpstream.js');
    const upstream = upstreamModule === null
      ? Promise.resolve([])
      : upstreamModule.then(({ collectUpstream }) => collectUpstream(picked, states, signal ? { ...deps, fetch: abortableFetch(deps.fetch, signal), ...(deps.pinnedFetch ? { pinnedFetch: abortablePins(deps.pinnedFetch, signal) } : {}) } : deps, (result) => {
        arrived.push(result);
        wake?.();
      }));
    let collectFailed: { error: unknown } | null = null;
    upstream.catch((error: unknown) => {
      collectFailed = { error };
      wake?.();
    });
    async function nextUpstream(index: number): Promise<Entry> {
      while (arrived.length <= index) {
        if (collectFailed) throw (collectFailed as { error: unknown }).error;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      wake = null;
      return arrived[index];
    }

    const hints: SourceHints = new Map(deps.sources.upstream.map((s) => [s.url, { topics: s.topics, regions: s.regions }]));
    const changed: Item[] = [];
    /** Sources whose new state must not be saved: not stored, so the next run must do them again. */
    const unsaved = new Set<SourceOutcome>();
    /** Set when the store as a whole refuses writes (read-only file, full disk): the rest is not tried. */
    let storeDown: string | null = null;
    const failEntry = (entry: Entry, error: unknown) => {
      const { outcome } = entry;
      outcome.status = 'failed';
      outcome.error = `store: ${error instanceof Error ? error.message : String(error)}`;
      log.error('ingest: source not stored', { source: outcome.source, error: outcome.error });
      // A failure of the store itself: no other source would fare better.
      if (error instanceof StoreWriteError) storeDown = error.message;
      // Keep the old validators (etag, content hash): the next run must fetch and store it again.
      const before = states.get(entry.state.id) ?? { ...entry.state, etag: null, lastModified: null, contentHash: null };
      entry.state = {
        ...before, lastAttempt: entry.state.lastAttempt, lastError: outcome.error, consecutiveFailures: before.consecutiveFailures + 1,
      };
    };
    /**
     * One write: the sources of `batch` (one, or several when `writeBatchItems` allows) in one
     * transaction. A stop (or a crash) lands between writes, never inside one. A batch that fails
     * for a reason other than the store itself is written again source by source, so one bad
     * source fails alone.
     */
    const batchItems = deps.writeBatchItems ?? 0;
    /** Pages are written several to a write only where batches are on (the Node door). */
    const pageBatches = batchItems > 0;
    let lastPageStamp = 0;
    /**
     * When a page's items are first seen, where pages are batched: now, and at least a millisecond
     * after the page written before it (in this write or an earlier one), so two pages never tie.
     */
    const pageStamp = (): string => {
      lastPageStamp = Math.max(deps.now().getTime(), lastPageStamp + 1);
      return new Date(lastPageStamp).toISOString();
    };
    const write = async (batch: Entry[]): Promise<void> => {
      if (batch.length === 0) return;
      await breather();
      if (storeDown !== null) {
        for (const { outcome } of batch) {
          Object.assign(outcome, { status: 'failed', error: `store: not tried (${storeDown.slice(0, 80)}...)` });
          unsaved.add(outcome);
        }
        return;
      }
      if (stopping()) {
        for (const entry of batch) {
          markLeft(entry.outcome);
          unsaved.add(entry.outcome);
        }
        return;
      }
      try {
        const times = pageBatches && batch[0].state.kind === 'page' ? batch.map(pageStamp) : undefined;
        const stored = await storeSources(batch.map((e) => e.articles), deps, hints, times);
        batch.forEach(({ outcome }, i) => {
          const counts = stored[i];
          outcome.inserted = counts.inserted;
          outcome.updated = counts.updated;
          outcome.unchanged = counts.unchanged;
          if (counts.folded > 0) outcome.skipped[foldedReason] = (outcome.skipped[foldedReason] ?? 0) + counts.folded;
          // Kept only for the hub ping: a run's items need not all stay in memory to its end.
          if (deps.websub) changed.push(...counts.changed);
          logSource(log, outcome);
        });
      } catch (error) {
        // Pages written together are told as if each had been written alone: one refused by the
        // store fails, and the rest are not tried (one line for the page that met a full disk).
        if (batch.length > 1 && (!(error instanceof StoreWriteError) || batch[0].state.kind === 'page')) {
          for (const entry of batch) await write([entry]);
          return;
        }
        for (const entry of batch) failEntry(entry, error);
      }
    };
    /** A batch's write, then its articles let go (written or failed, they are not needed again). */
    const writeBatch = async (entries: Entry[]): Promise<void> => {
      await write(entries);
      for (const entry of entries) entry.articles = [];
    };
    let batch: Entry[] = [];
    let batched = 0;
    /** The next source, in order (pages, then upstream sources): written alone or added to the batch. */
    const take = async (entry: Entry): Promise<void> => {
      collected.push(entry);
      const { articles, outcome } = entry;
      if (articles.length === 0) {
        if (leftForNextRun(stopping(), outcome, entry.state, 0)) {
          markLeft(outcome);
          unsaved.add(outcome);
        } else logSource(log, outcome);
        return;
      }
      // Upstream sources in batches; pages too where batches are on, while the next page is
      // parsed already: a page is written at once when the next is still being parsed, so it
      // never waits for it (see `writeBatchItems`).
      const page = entry.state.kind === 'page';
      const limit = !page || pageBatches ? batchItems : 0;
      if (batched > 0 && (limit === 0 || batched + articles.length > limit)) {
        await writeBatch(batch);
        [batch, batched] = [[], 0];
      }
      batch.push(entry);
      batched += articles.length;
      if (batched >= limit || (page && entry.nextReady !== true)) {
        await writeBatch(batch);
        [batch, batched] = [[], 0];
      }
    };
    // The upstream fetches are under way before the first write (whatever the pages take).
    await upstreamModule?.catch(() => undefined);
    if (pages) for await (const entry of pages) await take(entry);
    for (let i = 0; i < expected; i++) await take(await nextUpstream(i));
    await writeBatch(batch);
    await upstream;
    try {
      await store.saveSourceStates(collected.filter((c) => !unsaved.has(c.outcome)).map((c) => c.state));
    } catch (error) {
      if (storeDown === null) throw error;
    }

    const outcomes = [
      ...collected.map((c) => c.outcome),
      ...deferred.map((s): SourceOutcome => ({
        source: s.url, status: 'skipped', entries: 0, items: 0, skipped: {}, inserted: 0, updated: 0, unchanged: 0,
        error: 'deferred to the next run (per-run limit)',
      })),
    ];
    const sum = (key: 'entries' | 'inserted' | 'updated' | 'unchanged') => outcomes.reduce((n, o) => n + o[key], 0);
    const failed = outcomes.filter((o) => o.status === 'failed').length;
    const interrupted = stopping();
    const run: IngestRun = {
      started: started.toISOString(),
      finished: deps.now().toISOString(),
      status: storeDown !== null ? 'failed' : interrupted ? 'partial' : failed === 0 ? 'ok' : failed === outcomes.length ? 'failed' : 'partial',
      pagesRead: collected.filter((c) => c.state.kind === 'page' && c.state.id !== pagesFolderId && c.outcome.status !== 'failed' && !unsaved.has(c.outcome)).length,
      entries: sum('entries'),
      skipped: outcomes.reduce((n, o) => n + skippedCount(o), 0),
      inserted: sum('inserted'),
      updated: sum('updated'),
      unchanged: sum('unchanged'),
      sources: outcomes,
      error: storeDown !== null
        ? `store: ${storeDown}`
        : interrupted ? `interrupted: ${stopReason(signal)}; ${unsaved.size} source(s) left for the next run` : null,
    };
    if (storeDown !== null) {
      log.error('ingest: failed', { error: run.error, left: unsaved.size });
      await store.recordRun(run).catch(() => undefined);
      return run;
    }
    await store.recordRun(run);
    if (deps.websub && changed.length > 0) {
      const { hub, baseUrl, curated } = deps.websub;
      await pingHub(hub, changedFeedUrls(changed, curated, baseUrl), deps.fetch, log);
    }
    const fields = {
      status: run.status, pages: run.pagesRead, new: run.inserted, updated: run.updated, unchanged: run.unchanged,
      entries: run.entries, skipped: run.skipped, failedSources: failed, ms: Date.parse(run.finished) - started.getTime(),
    };
    if (interrupted) log.warn('ingest: interrupted', { ...fields, reason: stopReason(signal), left: unsaved.size });
    else log.info('ingest: finished', fields);
    return run;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.error('ingest: failed', { error: message });
    const run = failedRun(message);
    await store.recordRun(run).catch(() => undefined);
    return run;
  } finally {
    await lease.release();
  }
}

/** How long the store loop runs before it lets the event loop in. */
const breatherMs = 10;
let lastBreather = 0;

/**
 * The store loop is synchronous work and settled promises (better-sqlite3, hashing): without a
 * turn of the event loop now and then, a stop signal would only be seen, and requests answered,
 * once every source is written. A timer turn every `breatherMs` of work.
 */
async function breather(): Promise<void> {
  const now = performance.now();
  if (now - lastBreather < breatherMs) return;
  await new Promise((resolve) => setTimeout(resolve, 0));
  lastBreather = performance.now();
}

/** The reason counted for entries of one source that merged into another of its entries. */
export const foldedReason = 'same story as another entry of this source (merged into its item)';

const skippedCount = (o: SourceOutcome) => Object.values(o.skipped ?? {}).reduce((n, k) => n + k, 0);

/**
 * One line per source whose entries changed the store or were skipped (info), or that read
 * entries which changed nothing (debug): what its entries became.
 */
function logSource(log: Log, o: SourceOutcome): void {
  const skipped = skippedCount(o);
  if (o.entries === 0 && skipped === 0) return;
  const fields = { source: o.source, entries: o.entries, new: o.inserted, updated: o.updated, unchanged: o.unchanged, skipped };
  if (skipped > 0) log.info('ingest: source', { ...fields, reasons: Object.entries(o.skipped).map(([why, n]) => `${n} ${why}`).join('; ') });
  else if (o.inserted + o.updated > 0) log.info('ingest: source', fields);
  else log.debug('ingest: source', fields);
}
