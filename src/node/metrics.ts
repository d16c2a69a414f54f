/**
 * The Node door's metrics (prom-client), served at /metrics in the Prometheus text format. The
 * Workers door keeps none (an isolate's counters are per isolate and short-lived; see README).
 *
 * prom-client (and the @opentelemetry/api it pulls in) costs about 70 ms of start-up CPU, so it is
 * loaded on the first scrape or `loadAfterMs` after start, whichever comes first: requests are
 * counted in plain numbers from the start (requestMetrics.ts), and the ingestion runs and removals
 * observed before it loads are replayed into it. Its process and Node.js metrics start then too.
 */
import type * as PromClient from 'prom-client';
import type { RenderCache } from '../http/renderCache.js';
import { routeFamily, type RouteFamily } from '../http/routeFamily.js';
import { createRequestMetrics } from './requestMetrics.js';
import type { IngestRun, ItemStore } from '../store/store.js';
import type { RuntimeObserver } from './runtime.js';

export interface NodeMetrics {
  observer: Required<RuntimeObserver>;
  /** Wraps the server's fetch: every request counted by route family and status, and timed. */
  wrap: <E>(fetch: (request: Request, env: E) => Response | Promise<Response>) => (request: Request, env: E) => Response | Promise<Response>;
  /** One request answered outside `wrap` (src/node/cachedFeeds.ts): counted and timed like the rest. */
  answered: (family: RouteFamily, status: number, started: number) => void;
  /** The store and render cache whose state is read at each scrape. */
  attach: (store: ItemStore, cache: RenderCache) => void;
  render: () => Promise<{ contentType: string; body: string }>;
}

export function createNodeMetrics(loadAfterMs = 5000): NodeMetrics {
  let store: ItemStore | null = null;
  let cache: RenderCache | null = null;
  const requests = createRequestMetrics();
  type Live = Awaited<ReturnType<typeof build>>;
  let live: Live | null = null;
  let loading: Promise<Live> | null = null;
  // Observations made before prom-client is loaded (a few ingestion runs at most).
  const pending: ((metrics: Live) => void)[] = [];

  const build = async () => {
    const prom: typeof PromClient = await import('prom-client');
    const { Counter, Gauge, Histogram, Registry } = prom;
    const registry = new Registry();
    const registers = [registry];
    // prom-client's process and Node.js metrics, less three gauges whose `_total` names break the
    // Prometheus naming rules (`promtool check metrics` refuses them).
    prom.collectDefaultMetrics({ register: registry });
    for (const name of ['nodejs_active_handles_total', 'nodejs_active_requests_total', 'nodejs_active_resources_total']) registry.removeSingleMetric(name);

    // caravan_http_requests_total and caravan_http_request_duration_seconds (requestMetrics.ts).
    requests.register(registry, prom);
    new Counter({
      name: 'caravan_render_cache_hits_total', help: 'Feed requests answered from an already rendered feed.', registers,
      collect() {
        this.reset();
        this.inc(cache?.hits ?? 0);
      },
    });
    new Counter({
      name: 'caravan_render_cache_misses_total', help: 'Feed requests that rendered the feed afresh.', registers,
      collect() {
        this.reset();
        this.inc(cache?.misses ?? 0);
      },
    });
    const runs = new Counter({
      name: 'caravan_ingest_runs_total', help: 'Ingestion runs by outcome: ok, partial, failed, or skipped (another run was going).',
      labelNames: ['outcome'] as const, registers,
    });
    const runSeconds = new Histogram({
      name: 'caravan_ingest_run_duration_seconds', help: 'Duration of ingestion runs (not skipped ones), by outcome.',
      labelNames: ['outcome'] as const, buckets: [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600], registers,
    });
    const items = new Counter({
      name: 'caravan_ingest_items_total', help: 'Items written or found unchanged by ingestion, by outcome: inserted, updated, unchanged.',
      labelNames: ['outcome'] as const, registers,
    });
    const removed = new Counter({
      name: 'caravan_items_removed_total', help: 'Items removed from the store, by reason: retention (RETENTION_DAYS) or admin (DELETE /admin/items/{id}).',
      labelNames: ['reason'] as const, registers,
    });
    for (const outcome of ['ok', 'partial', 'failed', 'skipped']) runs.inc({ outcome }, 0);
    for (const outcome of ['inserted', 'updated', 'unchanged']) items.inc({ outcome }, 0);
    for (const reason of ['retention', 'admin']) removed.inc({ reason }, 0);

    const failures = new Gauge({
      name: 'caravan_source_consecutive_failures', help: 'Consecutive failed attempts of each source (0 after a success).',
      labelNames: ['source', 'kind'] as const, registers,
    });
    const lastSuccess = new Gauge({
      name: 'caravan_source_last_success_timestamp_seconds', help: "Unix time of each source's last successful read (sources that never succeeded are absent).",
      labelNames: ['source', 'kind'] as const, registers,
    });
    const storeItems = new Gauge({ name: 'caravan_store_items', help: 'Items in the store.', registers });
    const storeBytes = new Gauge({ name: 'caravan_store_size_bytes', help: 'Size of the store on disk (SQLite: the file and its WAL).', registers });

    return {
      registry,
      /** Read at each scrape: the sources' states and the store's size. */
      async refresh() {
        if (!store) return;
        const [states, stats] = await Promise.all([store.sourceStates(), store.stats()]);
        failures.reset();
        lastSuccess.reset();
        for (const state of states) {
          const labels = { source: state.id, kind: state.kind };
          failures.set(labels, state.consecutiveFailures);
          if (state.lastSuccess) lastSuccess.set(labels, Date.parse(state.lastSuccess) / 1000);
        }
        storeItems.set(stats.items);
        if (stats.bytes !== null) storeBytes.set(stats.bytes);
      },
      run(run: IngestRun | null, seconds: number) {
        if (run === null) {
          runs.inc({ outcome: 'skipped' });
          return;
        }
        runs.inc({ outcome: run.status });
        runSeconds.observe({ outcome: run.status }, seconds);
        items.inc({ outcome: 'inserted' }, run.inserted);
        items.inc({ outcome: 'updated' }, run.updated);
        items.inc({ outcome: 'unchanged' }, run.unchanged);
      },
      removed: (reason: string, count: number) => removed.inc({ reason }, count),
    };
  };

  const load = (): Promise<Live> =>
    (loading ??= build().then((metrics) => {
      live = metrics;
      for (const replay of pending.splice(0)) replay(metrics);
      return metrics;
    }));
  setTimeout(() => void load(), loadAfterMs).unref();
  const observe = (record: (metrics: Live) => void) => (live ? record(live) : pending.push(record));

  const answered = (family: RouteFamily, status: number, started: number) => requests.count(family, status, (performance.now() - started) / 1000);

  return {
    observer: {
      run: (run, seconds) => observe((m) => m.run(run, seconds)),
      removed: (reason, count) => observe((m) => m.removed(reason, count)),
    },
    answered,
    wrap: (fetch) => (request, env) => {
      const started = performance.now();
      const done = (response: Response) => {
        answered(routeFamily(pathOf(request.url)), response.status, started);
        return response;
      };
      const response = fetch(request, env);
      return response instanceof Response ? done(response) : response.then(done);
    },
    attach: (s, c) => {
      store = s;
      cache = c;
    },
    async render() {
      const metrics = await load();
      await metrics.refresh();
      return { contentType: metrics.registry.contentType, body: await metrics.registry.metrics() };
    },
  };
}

/** The path of an absolute URL without parsing it (`http://host:port/path?query` → `/path`). */
function pathOf(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  if (start < 0) return '/';
  const end = url.search(/[?#]/);
  return url.slice(start, end < 0 ? undefined : end);
}
