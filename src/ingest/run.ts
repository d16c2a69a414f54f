import type { CuratedFeed } from '../catalog/curatedFeeds.js';
import type { Article, Item, Origin } from '../item.js';
import type { Log } from '../log.js';
import type { IngestRun, ItemStore, SourceOutcome, SourceState } from '../store/store.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import { collectPages } from './collectPages.js';
import { dedupe } from './dedupe.js';
import { normalize } from './normalize.js';
import type { PageReader } from './pageReader.js';
import { collectUpstream } from './upstream/collectUpstream.js';
import { tagsFor } from './tagsFor.js';
import { pickDue } from './upstream/pickDue.js';
import { changedFeedUrls, pingHub } from './websub.js';
import type { Limits, SourcesConfig } from './upstream/types.js';

export interface IngestDeps {
  store: ItemStore;
  taxonomy: Taxonomy;
  sources: SourcesConfig;
  /** Local pages; null where there are none. */
  pages: PageReader | null;
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
}

/** The error of a page read refused because the run is stopping. */
const interruptedRead = 'interrupted: the run is stopping';

/** How long one run may hold the ingestion lease before another process may take over. */
const leaseMinutes = 30;

/**
 * One ingestion run, top to bottom: collect (pages, upstream) → normalize → dedupe → classify →
 * store. Each source is stored on its own, so one failing source never stops the rest. Returns
 * null, and says so, when another run holds the lease.
 */
export async function runIngestion(deps: IngestDeps): Promise<IngestRun | null> {
  const { store, log, signal } = deps;
  const started = deps.now();
  const owner = `${deps.leaseOwner ?? 'run'}:${started.getTime()}-${Math.random().toString(36).slice(2)}`;
  const leaseUntil = new Date(started.getTime() + leaseMinutes * 60_000).toISOString();
  const failedRun = (message: string): IngestRun => ({
    started: started.toISOString(), finished: deps.now().toISOString(), status: 'failed', pagesRead: 0,
    inserted: 0, updated: 0, unchanged: 0, sources: [], error: message,
  });
  let acquired: boolean;
  try {
    acquired = await store.acquireLease('ingest', owner, started.toISOString(), leaseUntil);
  } catch (error) {
    // The store cannot be written (read-only file, full disk): say so, record it where possible
    // (the SQLite store keeps an unrecordable run in memory for /healthz), and never throw.
    const message = `cannot start: ${error instanceof Error ? error.message : String(error)}`;
    log.error('ingest: failed', { error: message });
    const run = failedRun(message);
    await store.recordRun(run).catch(() => undefined);
    return run;
  }
  if (!acquired) {
    log.warn('ingest: skipped, another ingestion is running');
    return null;
  }
  log.info('ingest: started', { pages: deps.pages !== null && deps.sources.pages.enabled, upstream: deps.sources.upstream.length });
  const stopping = () => signal?.aborted === true;
  try {
    const states = new Map((await store.sourceStates()).map((s) => [s.id, s]));
    const collected: { articles: Article[]; outcome: SourceOutcome; state: SourceState }[] = [];
    if (deps.pages && deps.sources.pages.enabled && !stopping()) {
      const pages = signal ? interruptible(deps.pages, signal) : deps.pages;
      collected.push(...(await collectPages(pages, states, started, signal ? quietWhenStopped(log, signal) : log)));
    }
    const { picked, deferred } = pickDue(deps.sources.upstream, states, started, deps.maxUpstreamPerRun);
    if (!stopping()) collected.push(...(await collectUpstream(picked, states, signal ? { ...deps, fetch: abortable(deps.fetch, signal) } : deps)));

    const hints = new Map(deps.sources.upstream.map((s) => [s.url, { topics: s.topics, regions: s.regions }]));
    const changed: Item[] = [];
    /** Sources whose new state must not be saved: not stored, so the next run must do them again. */
    const unsaved = new Set<SourceOutcome>();
    /** Set when the store as a whole refuses writes (read-only file, full disk): the rest is not tried. */
    let storeDown: string | null = null;
    for (const entry of collected) {
      const { articles, outcome } = entry;
      if (storeDown !== null && articles.length > 0) {
        Object.assign(outcome, { status: 'failed', error: `store: not tried (${storeDown.slice(0, 80)}...)` });
        unsaved.add(outcome);
        continue;
      }
      // A read cut short by the stop (a page refused, a fetch aborted) is not the source's fault.
      const cutShort = stopping() && outcome.status === 'failed' && (outcome.error === `read: ${interruptedRead}` || entry.state.kind === 'upstream');
      if (cutShort || (stopping() && articles.length > 0)) {
        Object.assign(outcome, { status: 'skipped', inserted: 0, updated: 0, unchanged: 0, error: 'interrupted: left for the next run' });
        unsaved.add(outcome);
        continue;
      }
      if (articles.length === 0) continue;
      try {
        // One transaction per source: a stop (or a crash) lands between sources, never inside one.
        const stored = await storeArticles(articles, deps, hints);
        outcome.inserted = stored.inserted;
        outcome.updated = stored.updated;
        outcome.unchanged = stored.unchanged;
        changed.push(...stored.changed);
      } catch (error) {
        outcome.status = 'failed';
        outcome.error = `store: ${error instanceof Error ? error.message : String(error)}`;
        log.error('ingest: source not stored', { source: outcome.source, error: outcome.error });
        // The SQLite store names a failure of the file itself so: no other source would fare better.
        if (error instanceof Error && error.name === 'StoreWriteError') storeDown = error.message;
        // Keep the old validators (etag, content hash): the next run must fetch and store it again.
        const before = states.get(entry.state.id) ?? { ...entry.state, etag: null, lastModified: null, contentHash: null };
        entry.state = {
          ...before, lastAttempt: entry.state.lastAttempt, lastError: outcome.error, consecutiveFailures: before.consecutiveFailures + 1,
        };
      }
    }
    try {
      await store.saveSourceStates(collected.filter((c) => !unsaved.has(c.outcome)).map((c) => c.state));
    } catch (error) {
      if (storeDown === null) throw error;
    }

    const outcomes = [
      ...collected.map((c) => c.outcome),
      ...deferred.map((s): SourceOutcome => ({
        source: s.url, status: 'skipped', items: 0, inserted: 0, updated: 0, unchanged: 0, error: 'deferred to the next run (per-run limit)',
      })),
    ];
    const sum = (key: 'inserted' | 'updated' | 'unchanged') => outcomes.reduce((n, o) => n + o[key], 0);
    const failed = outcomes.filter((o) => o.status === 'failed').length;
    const interrupted = stopping();
    const run: IngestRun = {
      started: started.toISOString(),
      finished: deps.now().toISOString(),
      status: storeDown !== null ? 'failed' : interrupted ? 'partial' : failed === 0 ? 'ok' : failed === outcomes.length ? 'failed' : 'partial',
      pagesRead: collected.filter((c) => c.state.kind === 'page' && c.outcome.status !== 'failed' && !unsaved.has(c.outcome)).length,
      inserted: sum('inserted'),
      updated: sum('updated'),
      unchanged: sum('unchanged'),
      sources: outcomes,
      error: storeDown !== null
        ? `store: ${storeDown}`
        : interrupted ? `interrupted: ${reason(signal)}; ${unsaved.size} source(s) left for the next run` : null,
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
      status: run.status, pages: run.pagesRead, new: run.inserted, updated: run.updated, unchanged: run.unchanged, failedSources: failed,
      ms: Date.parse(run.finished) - started.getTime(),
    };
    if (interrupted) log.warn('ingest: interrupted', { ...fields, reason: reason(signal), left: unsaved.size });
    else log.info('ingest: finished', fields);
    return run;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.error('ingest: failed', { error: message });
    const run = failedRun(message);
    await store.recordRun(run).catch(() => undefined);
    return run;
  } finally {
    await store.releaseLease('ingest', owner).catch(() => undefined);
  }
}

function reason(signal: AbortSignal | undefined): string {
  const why: unknown = signal?.reason;
  return typeof why === 'string' ? why : why instanceof Error && why.name !== 'AbortError' ? why.message : 'stopped';
}

/** Pages that refuse to be read once the run is stopping (each such page is left for the next run). */
function interruptible(pages: PageReader, signal: AbortSignal): PageReader {
  return {
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
function quietWhenStopped(log: Log, signal: AbortSignal): Log {
  return { ...log, warn: (event, fields) => (signal.aborted && fields?.error === `read: ${interruptedRead}` ? undefined : log.warn(event, fields)) };
}

/** `fetch` that is aborted when the run stops (on top of fetchFeed's own timeout). */
function abortable(fetchImpl: typeof fetch, signal: AbortSignal): typeof fetch {
  return (input, init) => fetchImpl(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, signal]) : signal });
}

type Hints = Map<string, { topics: string[]; regions: string[] }>;

/** One source's articles into the store; returns its counts. */
async function storeArticles(articles: Article[], deps: IngestDeps, hints: Hints) {
  const now = deps.now().toISOString();
  const normalized = await Promise.all(articles.map((a) => normalize(a, now)));
  const stored = await deps.store.findMatches({
    ids: normalized.map((n) => n.item.id),
    urls: normalized.flatMap((n) => (n.item.url ? [n.item.url] : [])),
    titleKeys: normalized.map((n) => n.titleKey),
  });
  const merged = dedupe(normalized, stored, now).map((n) => ({ ...n, item: tag(n.item, deps.taxonomy, hints) }));
  const result = await deps.store.upsertItems(merged);
  const changedIds = new Set(result.changedIds);
  return { ...result, changed: merged.map((m) => m.item).filter((item) => changedIds.has(item.id)) };
}

/** Tags come from the (merged) text, plus the hints of every source the item came from. */
function tag(item: Item, taxonomy: Taxonomy, hints: Hints): Item {
  const fromSources = item.origins.map((o: Origin) => hints.get(o.ref)).filter((h) => h !== undefined);
  const tags = tagsFor(item.title, item.contentText.split('\n\n'), taxonomy, {
    topics: fromSources.flatMap((h) => h.topics), regions: fromSources.flatMap((h) => h.regions),
  });
  return { ...item, topics: tags.topics, regions: tags.regions };
}
