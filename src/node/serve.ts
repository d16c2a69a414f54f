/**
 * `serve`: the app on @hono/node-server, ingestion at start-up and on INGEST_CRON (node-cron),
 * and a clean stop on SIGTERM / SIGINT.
 */
import { createServer, type IncomingMessage, type RequestListener, type ServerOptions, type ServerResponse } from 'node:http';
import { serve, type ServerType } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import cron from 'node-cron';
import { createApp, type AppDeps } from '../app.js';
import type { Env } from '../config.js';
import type { AdminDeps } from '../http/admin.js';
import { RenderCache } from '../http/renderCache.js';
import { fillEmptyStore } from '../runtime/fillEmptyStore.js';
import { cachedFeedAnswerer } from './cachedFeeds.js';
import { createNodeMetrics } from './metrics.js';
import { openNodeRuntime } from './runtime.js';
import { nodeCompress } from './compress.js';
import { nodeSha256 } from './sha256.js';
import { onStopSignals } from './stopSignals.js';

export async function startServer(env: Env): Promise<void> {
  const metrics = createNodeMetrics();
  const runtime = await openNodeRuntime(env, metrics.observer);
  const { config, log, store } = runtime;
  if (!cron.validate(config.ingestCron)) throw new Error(`INGEST_CRON is not a valid cron expression: "${config.ingestCron}"`);

  let server: ServerType | null = null;
  let task: ReturnType<typeof cron.schedule> | null = null;
  let scheduling: ReturnType<typeof setTimeout> | null = null;
  let stopping = false;
  // SIGTERM / SIGINT: stop taking requests, let the ingestion finish the write it is in and stop,
  // close the store, exit 0. Registered first, so a stop during the start-up ingestion is clean too.
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('server: stopping', { signal });
    runtime.stop(signal);
    if (scheduling) clearTimeout(scheduling);
    await task?.stop();
    server?.close();
    await runtime.idle();
    await store.close();
    log.info('server: stopped');
    process.exit(0);
  };
  onStopSignals((signal) => void stop(signal));

  const deps: AppDeps & AdminDeps = {
    store, taxonomy: runtime.data.taxonomy, curated: runtime.data.curated, config, log, now: () => new Date(), ingest: runtime.ingest,
    sha256: nodeSha256,
    compress: nodeCompress,
    // The admin rate limit counts per remote address of the connection (never a client-sent header).
    clientKey: (c) => getConnInfo(c).remote.address ?? 'unknown',
    renderCache: new RenderCache(),
    metrics: metrics.render,
    removed: metrics.observer.removed,
  };
  metrics.attach(store, deps.renderCache!);
  const app = createApp(deps);

  // The port is taken before any ingestion, so a port in use stops start-up at once with one line.
  // Requests that arrive while an empty store is being filled wait for it (feeds are never empty).
  let filled!: () => void;
  const fill = new Promise<void>((done) => (filled = done));
  let handle: (request: Request, env: unknown) => Response | Promise<Response> = async (request, env) => {
    await fill;
    return app.fetch(request, env);
  };
  // A feed request answered before is answered from the render cache ahead of Hono (cachedFeeds.ts).
  const cached = cachedFeedAnswerer(deps.renderCache!, store, (status, started) => metrics.answered('feed', status, started));
  const answerCached = (incoming: IncomingMessage, outgoing: ServerResponse): boolean => {
    try {
      return cached(incoming, outgoing);
    } catch (error) {
      // Not expected (it only replays answers the app made): logged, and the app answers instead.
      log.error('server: cached feed answer failed', { path: incoming.url?.slice(0, 200), error: String(error) });
      if (outgoing.headersSent) outgoing.destroy();
      return outgoing.headersSent;
    }
  };
  const listening = await listen(metrics.wrap((request: Request, env: unknown) => handle(request, env)), config.host, config.port, answerCached);
  server = listening.server;
  const empty = await fillEmptyStore(store, config.ingestOnStart, runtime.ingest);
  handle = app.fetch;
  filled();
  if (stopping) return;
  log.info('server: listening', { url: `http://${listening.address.includes(':') ? `[${listening.address}]` : listening.address}:${listening.port}` });
  if (config.ingestOnStart && !empty) void runtime.ingest();
  // The schedule is made a second after listening: node-cron's first schedule sets up Intl date
  // formatting (a quarter of a second of start-up, bench/RESULTS.md), which the first requests
  // need not wait for. (The expression was validated above, so this cannot fail.)
  scheduling = setTimeout(() => {
    if (stopping) return;
    task = cron.schedule(config.ingestCron, () => runtime.ingest(), { noOverlap: true, name: 'ingest' });
    log.info('ingest: scheduled', { cron: config.ingestCron });
  }, 1000);
}

/** Listen on host:port; a port in use, a privileged port or a foreign address rejects with one line. */
function listen(
  fetch: (request: Request, env: unknown) => Response | Promise<Response>,
  host: string,
  port: number,
  first: (incoming: IncomingMessage, outgoing: ServerResponse) => boolean,
): Promise<{ server: ServerType; address: string; port: number }> {
  return new Promise((resolve, reject) => {
    const server = serve({
      fetch, hostname: host, port,
      createServer: ((options: ServerOptions, listener: RequestListener) =>
        createServer(options, (incoming, outgoing) => {
          if (!first(incoming, outgoing)) listener(incoming, outgoing);
        })) as typeof createServer,
    }, (info) => resolve({ server, address: info.address, port: info.port }));
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new Error(`PORT ${port} is already in use (HOST ${host}); stop what holds it or set PORT`));
      else if (error.code === 'EACCES') reject(new Error(`PORT ${port} needs privileges this process lacks (HOST ${host}); use a port above 1023`));
      else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') reject(new Error(`HOST ${host} is not an address of this machine`));
      else reject(new Error(`cannot listen on ${host}:${port}: ${error.message}`));
    });
  });
}
