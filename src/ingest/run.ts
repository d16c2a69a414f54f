import type { CuratedFeed } from '../catalog/curatedFeeds.js';
import type { Article, Item, Origin } from '../item.js';
import type { Log } from '../log.js';
import type { IngestRun, ItemStore, SourceOutcome, SourceState } from '../store/store.js';
import { classify } from '../taxonomy/classify.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import { collectPages } from './collectPages.js';
import { dedupe } from './dedupe.js';
import { normalize } from './normalize.js';
import type { PageReader } from './pageReader.js';
import { collectUpstream } from './upstream/collectUpstream.js';
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
}

/** How long one run may hold the ingestion lease before another process may take over. */
const leaseMinutes = 30;

/**
 * One ingestion run, top to bottom: collect (pages, upstream) → normalize → dedupe → classify →
 * store. Each source is stored on its own, so one failing source never stops the rest. Returns
 * null, and says so, when another run holds the lease.
 */
export async function runIngestion(deps: IngestDeps): Promise<IngestRun | null> {
  const { store, log } = deps;
  const started = deps.now();
  const owner = `${started.getTime()}-${Math.random().toString(36).slice(2)}`;
  const leaseUntil = new Date(started.getTime() + leaseMinutes * 60_000).toISOString();
  if (!(await store.acquireLease('ingest', owner, started.toISOString(), leaseUntil))) {
    log.warn('ingest: skipped, another ingestion is running');
    return null;
  }
  log.info('ingest: started', { pages: deps.pages !== null && deps.sources.pages.enabled, upstream: deps.sources.upstream.length });
  try {
    const states = new Map((await store.sourceStates()).map((s) => [s.id, s]));
    const collected: { articles: Article[]; outcome: SourceOutcome; state: SourceState }[] = [];
    if (deps.pages && deps.sources.pages.enabled) collected.push(...(await collectPages(deps.pages, states, started, log)));
    const { picked, deferred } = pickDue(deps.sources.upstream, states, started, deps.maxUpstreamPerRun);
    collected.push(...(await collectUpstream(picked, states, deps)));

    const hints = new Map(deps.sources.upstream.map((s) => [s.url, { topics: s.topics, regions: s.regions }]));
    const changed: Item[] = [];
    for (const { articles, outcome } of collected) {
      if (articles.length === 0) continue;
      try {
        const stored = await storeArticles(articles, deps, hints);
        outcome.inserted = stored.inserted;
        outcome.updated = stored.updated;
        outcome.unchanged = stored.unchanged;
        changed.push(...stored.changed);
      } catch (error) {
        outcome.status = 'failed';
        outcome.error = `store: ${error instanceof Error ? error.message : String(error)}`;
        log.error('ingest: source not stored', { source: outcome.source, error: outcome.error });
      }
    }
    await store.saveSourceStates(collected.map((c) => c.state));

    const outcomes = [
      ...collected.map((c) => c.outcome),
      ...deferred.map((s): SourceOutcome => ({
        source: s.url, status: 'skipped', items: 0, inserted: 0, updated: 0, unchanged: 0, error: 'deferred to the next run (per-run limit)',
      })),
    ];
    const sum = (key: 'inserted' | 'updated' | 'unchanged') => outcomes.reduce((n, o) => n + o[key], 0);
    const failed = outcomes.filter((o) => o.status === 'failed').length;
    const run: IngestRun = {
      started: started.toISOString(),
      finished: deps.now().toISOString(),
      status: failed === 0 ? 'ok' : failed === outcomes.length ? 'failed' : 'partial',
      pagesRead: collected.filter((c) => c.state.kind === 'page' && c.outcome.status !== 'failed').length,
      inserted: sum('inserted'),
      updated: sum('updated'),
      unchanged: sum('unchanged'),
      sources: outcomes,
      error: null,
    };
    await store.recordRun(run);
    if (deps.websub && changed.length > 0) {
      const { hub, baseUrl, curated } = deps.websub;
      await pingHub(hub, changedFeedUrls(changed, curated, baseUrl), deps.fetch, log);
    }
    log.info('ingest: finished', {
      status: run.status, pages: run.pagesRead, new: run.inserted, updated: run.updated, unchanged: run.unchanged, failedSources: failed,
      ms: Date.parse(run.finished) - started.getTime(),
    });
    return run;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.error('ingest: failed', { error: message });
    const run: IngestRun = {
      started: started.toISOString(), finished: deps.now().toISOString(), status: 'failed', pagesRead: 0,
      inserted: 0, updated: 0, unchanged: 0, sources: [], error: message,
    };
    await store.recordRun(run).catch(() => undefined);
    return run;
  } finally {
    await store.releaseLease('ingest', owner).catch(() => undefined);
  }
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
  const paragraphs = item.contentText.split('\n\n');
  const tags = classify(
    { title: item.title, lead: paragraphs[0] ?? '', text: item.contentText },
    taxonomy,
    { topics: fromSources.flatMap((h) => h.topics), regions: fromSources.flatMap((h) => h.regions) },
  );
  return { ...item, topics: tags.topics, regions: tags.regions };
}
