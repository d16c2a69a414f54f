/**
 * Rendered feeds in the Workers Cache API, under a key that holds the store version (any write
 * bumps it, so a changed store is never served stale); conditional GETs answered by the app's own
 * rule on hits and misses alike.
 */
import type { ExecutionContext } from 'hono';
import { isNotModified } from '../render/conditional.js';
import { negotiateFormat, splitExtension } from '../render/formats.js';
import type { WorkerEnv, WorkerRuntime } from './runtime.js';

const cacheName = 'caravan-feeds';
/** The feed routes of src/http/feeds.ts; only these go through the Cache API. */
const feedPath = /^\/(?:feed(?:\.[^/]*)?|topics\/[^/]+|regions\/[^/]+(?:\/topics\/[^/]+)?|feeds\/[^/]+)$/;

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

/** The app's answer, from the Cache API for a feed GET when it holds one for this store version. */
export async function cachedFetch(runtime: WorkerRuntime, request: Request, env: WorkerEnv, ctx: ExecutionContext): Promise<Response> {
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
