/**
 * The Cloudflare Workers door: wrangler vars and secrets → config, the D1 store, the same
 * `createApp` and `runIngestion` as the Node door.
 *
 *   fetch      the app, with rendered feeds kept in the Workers Cache API under a key that holds
 *              the store version (any write bumps it, so a changed store is never served stale);
 *              conditional GETs answered by the app's own rule on hits and misses alike. The
 *              first request of an isolate migrates D1 (a no-op after `wrangler d1 migrations
 *              apply`) and, with INGEST_ON_START, fills a store that never had an item.
 *   scheduled  one ingestion run on the Cron Trigger of wrangler.toml (every 15 minutes): the
 *              bundled pages of feeds/ (build/worker-data/pages.ts; unchanged pages cost no write)
 *              and the upstream sources that are due, at most INGEST_MAX_UPSTREAM of them per
 *              invocation; the rest stay due and go first on the next tick
 *
 * Config files are bundled from config/; the Worker has no filesystem. Settings are wrangler
 * [vars] and secrets, read here only, through the same parseConfig() as on Node.
 */
import regionsJson from '../config/regions.json';
import sourcesJson from '../config/sources.json';
import topicsJson from '../config/topics.json';
import feedsJson from '../config/feeds.json';
import type { ExecutionContext } from 'hono';
import { createApp } from './app.js';
import { parseConfig, type Config, type Env } from './config.js';
import { loadConfigData, type ConfigData } from './configData.js';
import { migrations } from '../build/worker-data/migrations.js';
import { pages } from '../build/worker-data/pages.js';
import type { PageReader } from './ingest/pageReader.js';
import { runIngestion, type IngestDeps } from './ingest/run.js';
import { createLog, type Log } from './log.js';
import { isNotModified } from './render/conditional.js';
import { negotiateFormat, splitExtension } from './render/formats.js';
import { d1Connector, type D1DatabaseLike } from './store/d1.js';
import { createSqlStore } from './store/sqlStore.js';
import type { IngestRun, ItemStore } from './store/store.js';

/** The bindings of wrangler.toml: `DB` (D1), the [vars], and the `ADMIN_TOKEN` secret. */
export interface WorkerEnv {
  DB: D1DatabaseLike;
  ADMIN_TOKEN?: string;
  /** Upstream sources fetched per scheduled invocation at most (default 20). */
  INGEST_MAX_UPSTREAM?: string;
  [name: string]: unknown;
}

/** The part of the Workers ScheduledController this door uses. */
interface Scheduled {
  scheduledTime: number;
  cron: string;
}

interface WorkerRuntime {
  config: Config;
  data: ConfigData;
  log: Log;
  store: ItemStore;
  app: ReturnType<typeof createApp>;
  maxUpstream: number;
  /** Before the first request of an isolate: migrated, and filled if empty (INGEST_ON_START). */
  ready: () => Promise<void>;
  /** One ingestion run (after migrating); null when another run holds the lease. */
  ingest: () => Promise<IngestRun | null>;
}

const defaultMaxUpstream = 20;
const cacheName = 'caravan-feeds';
/** The feed routes of src/http/feeds.ts; only these go through the Cache API. */
const feedPath = /^\/(?:feed(?:\.[^/]*)?|topics\/[^/]+|regions\/[^/]+(?:\/topics\/[^/]+)?|feeds\/[^/]+)$/;

/** The runtime of this isolate, for one D1 binding and one set of settings. */
let current: { db: D1DatabaseLike; signature: string; runtime: WorkerRuntime } | null = null;

/**
 * One runtime per isolate: config parsed, config files validated, app built, store migrated once,
 * then reused by every request and scheduled event (rebuilt only if the bindings change).
 */
function workerRuntime(env: WorkerEnv): WorkerRuntime {
  // Only string bindings are settings; `DB` and other bindings are not.
  const settings: Env = Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string'));
  const signature = JSON.stringify(Object.entries(settings).sort(([a], [b]) => (a < b ? -1 : 1)));
  if (current && current.db === env.DB && current.signature === signature) return current.runtime;
  const runtime = buildRuntime(env.DB, settings);
  current = { db: env.DB, signature, runtime };
  return runtime;
}

function buildRuntime(db: D1DatabaseLike, settings: Env): WorkerRuntime {
  const config = parseConfig(settings);
  const maxUpstream = Number(settings.INGEST_MAX_UPSTREAM?.trim() || defaultMaxUpstream);
  if (!Number.isInteger(maxUpstream) || maxUpstream < 0) {
    throw new Error(`INGEST_MAX_UPSTREAM must be a whole number >= 0, got "${settings.INGEST_MAX_UPSTREAM}"`);
  }
  const log = createLog(config.logLevel);
  const data = loadConfigData(
    { 'topics.json': topicsJson, 'regions.json': regionsJson, 'feeds.json': feedsJson, 'sources.json': sourcesJson },
    'config',
  );
  const store = createSqlStore(d1Connector(db), migrations);

  /** A memo of one async step per isolate; a failure is forgotten, so the next call retries. */
  const once = (step: () => Promise<void>) => {
    let done: Promise<void> | null = null;
    return () => {
      done ??= step().catch((error: unknown) => {
        done = null;
        throw error;
      });
      return done;
    };
  };

  const runNow = () => {
    const deps: IngestDeps = {
      store,
      maxUpstreamPerRun: maxUpstream,
      ...(config.websubHub && config.baseUrl ? { websub: { hub: config.websubHub, baseUrl: config.baseUrl, curated: data.curated } } : {}),
      taxonomy: data.taxonomy,
      sources: data.sources,
      pages: bundledPages(pages),
      pageLimits: { maxBytes: config.pageMaxBytes },
      // Called unbound, workerd's fetch throws "Illegal invocation".
      fetch: (input, init) => fetch(input, init),
      now: () => new Date(),
      log,
      userAgent: config.userAgent,
    };
    return runIngestion(deps);
  };
  const migrated = once(() => store.migrate());
  const ingest = async () => {
    await migrated();
    return runNow();
  };
  // As on Node with INGEST_ON_START: a store that never had an item is filled before the first
  // request is answered (a fresh D1 serves full feeds without waiting for the first cron tick).
  const ready = once(async () => {
    await migrated();
    if (config.ingestOnStart && (await store.version()) === 0) await runNow();
  });

  const app = createApp({ store, taxonomy: data.taxonomy, curated: data.curated, config, log, now: () => new Date(), ingest });
  return { config, data, log, store, app, maxUpstream, ready, ingest };
}

/** The bundled pages, listed in the order the generator walked feeds/ (the Node door's order). */
function bundledPages(record: Record<string, string | { base64: string }>): PageReader {
  const get = (ref: string) => {
    const page = record[ref];
    if (page === undefined) throw new Error(`no page ${ref}`);
    return typeof page === 'string' ? page : Uint8Array.from(atob(page.base64), (c) => c.charCodeAt(0));
  };
  return {
    list: async () => Object.keys(record),
    read: async (ref) => {
      const page = get(ref);
      return typeof page === 'string' ? page : new TextDecoder().decode(page);
    },
    readBytes: async (ref) => {
      const page = get(ref);
      return typeof page === 'string' ? new TextEncoder().encode(page) : page;
    },
  };
}

/**
 * The cache key of a feed request: its URL plus the store version and the format served (an
 * extensionless URL negotiates it from Accept). A write bumps the version, so the next request
 * misses and renders afresh; old entries age out by their Cache-Control max-age.
 */
function cacheKey(url: URL, version: number, accept: string | null): Request {
  const file = url.pathname.slice(url.pathname.lastIndexOf('/') + 1);
  const format = splitExtension(file)[1] ?? negotiateFormat(accept ?? undefined);
  const key = new URL(url.href);
  key.hash = '';
  key.searchParams.append('caravan-v', String(version));
  key.searchParams.append('caravan-f', format);
  return new Request(key.href, { method: 'GET' });
}

/**
 * The request as the app should see it on Workers. A Worker is the edge, so:
 * - X-Forwarded-Host / -Proto come from the client, not from a proxy of ours: dropped (self links
 *   are rendered from them, and the result is cached for everyone);
 * - Accept-Encoding is dropped: the app answers in the identity coding and Cloudflare compresses on
 *   the way out (workerd would otherwise compress the app's already-compressed bytes again, since a
 *   Response's Content-Encoding means "encode this" unless encodeBody is "manual"). One cached
 *   representation then serves every client.
 */
function edgeRequest(request: Request): Request {
  const dropped = ['x-forwarded-host', 'x-forwarded-proto', 'accept-encoding'];
  if (!dropped.some((name) => request.headers.has(name))) return request;
  const headers = new Headers(request.headers);
  for (const name of dropped) headers.delete(name);
  return new Request(request, { headers });
}

async function handleFetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Promise<Response> {
  let runtime: WorkerRuntime;
  try {
    runtime = workerRuntime(env);
  } catch (error) {
    // A bad [vars] value or config file: the Node door would refuse to start; say what is wrong.
    console.error(`caravan: ${error instanceof Error ? error.message : String(error)}`);
    return Response.json({ error: `configuration: ${error instanceof Error ? error.message : String(error)}` }, { status: 500 });
  }
  try {
    await runtime.ready();
  } catch (error) {
    runtime.log.error('store: not ready', { error: String(error) });
    return Response.json({ error: 'the store is not available; it has been logged' }, { status: 503 });
  }
  request = edgeRequest(request);
  const url = new URL(request.url);
  if (request.method !== 'GET' || !feedPath.test(url.pathname)) return runtime.app.fetch(request, env, ctx);

  const key = cacheKey(url, await runtime.store.version(), request.headers.get('accept'));
  let cache: Cache | null = null;
  try {
    cache = await caches.open(cacheName);
    const hit = await cache.match(key);
    if (hit) {
      const etag = hit.headers.get('etag');
      const lastModified = hit.headers.get('last-modified');
      // The same conditional-GET rule the app applies on a miss.
      if (etag && lastModified && isNotModified(request.headers, etag, new Date(lastModified))) {
        const headers = new Headers(hit.headers);
        for (const name of ['content-type', 'content-length', 'content-encoding']) headers.delete(name);
        return new Response(null, { status: 304, headers });
      }
      return hit;
    }
  } catch (error) {
    runtime.log.warn('cache: unavailable', { error: String(error) });
    cache = null;
  }
  const response = await runtime.app.fetch(request, env, ctx);
  if (cache && response.status === 200 && response.headers.has('etag')) {
    ctx.waitUntil(cache.put(key, response.clone()).catch((error: unknown) => runtime.log.warn('cache: put failed', { error: String(error) })));
  }
  return response;
}

export default {
  fetch: handleFetch,
  async scheduled(controller: Scheduled, env: WorkerEnv, _ctx: ExecutionContext): Promise<void> {
    const runtime = workerRuntime(env);
    runtime.log.debug('ingest: cron', { cron: controller.cron, at: new Date(controller.scheduledTime).toISOString() });
    // Awaited, not waitUntil'ed: a store that cannot be migrated fails the invocation visibly.
    // (runIngestion itself never throws; failed sources are in its run record and in /healthz.)
    await runtime.ingest();
  },
};
