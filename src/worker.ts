/**
 * The Cloudflare Workers door: wrangler vars and secrets → config, the D1 store, the same
 * `createApp` and `runIngestion` as the Node door. The Workers-only pieces are in src/workers/.
 *
 *   fetch      the app, with rendered feeds kept in the Workers Cache API keyed by store version
 *              (src/workers/feedCache.ts). The first request of an isolate migrates D1 (a no-op
 *              after `wrangler d1 migrations apply`) and, with INGEST_ON_START, fills an empty store.
 *   scheduled  one ingestion run on the Cron Trigger of wrangler.toml (every 15 minutes): the
 *              bundled pages of feeds/ (build/worker-data/pages.ts; unchanged pages cost no write)
 *              and the upstream sources that are due, at most INGEST_MAX_UPSTREAM of them per
 *              invocation; the rest stay due and go first on the next tick
 *
 * Config files are bundled from config/; the Worker has no filesystem. Settings are wrangler
 * [vars] and secrets, read through the same parseConfig() as on Node.
 */
import type { ExecutionContext } from 'hono';
import { edgeRequest } from './workers/edgeRequest.js';
import { cachedFetch } from './workers/feedCache.js';
import { workerRuntime, type WorkerEnv, type WorkerRuntime } from './workers/runtime.js';

export type { WorkerEnv };

/** The part of the Workers ScheduledController this door uses. */
interface Scheduled {
  scheduledTime: number;
  cron: string;
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
  return cachedFetch(runtime, edgeRequest(request), env, ctx);
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
