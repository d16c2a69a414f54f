import { Hono, type Context, type ExecutionContext } from 'hono';
import { compress } from 'hono/compress';
import { HTTPException } from 'hono/http-exception';
import { InputError } from './errors.js';
import { BadCursorError } from './store/store.js';
import { adminRoutes } from './http/admin.js';
import { catalogRoutes } from './http/catalog.js';
import { cors, corsHeaders } from './http/cors.js';
import type { AppDeps } from './http/appDeps.js';
import { feedRoutes } from './http/feeds.js';
import { healthRoutes } from './http/health.js';
import { iconRoutes } from './http/icons.js';
import { itemRoutes } from './http/items.js';
import { metricsRoutes } from './http/metrics.js';

export type { AppDeps };

/**
 * The Caravan HTTP app, built from explicit dependencies and Web standards only: the Node and
 * Workers doors hand it their store, config and clock. The one place errors become responses.
 */
export function createApp(deps: AppDeps): Hono {
  const errorResponse = (error: Error, c: Context): Response => {
    if (error instanceof InputError) {
      return c.json({ error: error.message, ...error.details }, error.status, { ...corsHeaders, ...error.headers });
    }
    if (error instanceof BadCursorError) return c.json({ error: error.message }, 400, corsHeaders);
    if (error instanceof HTTPException) return c.json({ error: error.message || 'request refused' }, error.status, corsHeaders);
    if (error instanceof URIError) return c.json({ error: 'the URL has malformed percent-encoding' }, 400, corsHeaders);
    deps.log.error('http: unhandled error', { path: new URL(c.req.url).pathname, error: String(error) });
    return c.json({ error: 'internal error; it has been logged' }, 500, corsHeaders);
  };

  // Everything but the feeds: CORS and compression as middleware.
  const rest = new Hono();
  rest.use('*', cors());
  // Compresses the JSON API, catalog and OPML.
  rest.use('*', compress());
  // `/` hands a feed reader the everything feed: the whole app, asked for /feed.atom.
  rest.route('/', catalogRoutes(deps, (request) => app.fetch(request)));
  rest.route('/', itemRoutes(deps));
  rest.route('/', healthRoutes(deps));
  rest.route('/', iconRoutes());
  rest.route('/', adminRoutes(deps));
  rest.route('/', metricsRoutes(deps));
  rest.notFound((c) => c.json({ error: `no such endpoint: ${new URL(c.req.url).pathname.slice(0, 200)}`, see: '/' }, 404, corsHeaders));
  rest.onError(errorResponse);

  // The feeds in front, alone: a feed request matches exactly one handler, which answers it
  // itself (its own CORS headers, cached gzip/deflate bytes), so Hono calls it directly and a
  // cached feed is answered without a promise (bench/RESULTS.md). Every other request goes on
  // to `rest`.
  const app = new Hono();
  app.route('/', feedRoutes(deps));
  app.notFound((c) => rest.fetch(c.req.raw, c.env, executionContext(c)));
  app.onError(errorResponse);
  return app;
}

/** The request's ExecutionContext (Workers), or undefined (Node, tests): Hono's getter throws without one. */
function executionContext(c: Context): ExecutionContext | undefined {
  try {
    return c.executionCtx;
  } catch {
    return undefined;
  }
}
