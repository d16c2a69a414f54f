import { Hono } from 'hono';
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

export type { AppDeps };

/**
 * The Caravan HTTP app, built from explicit dependencies and Web standards only: the Node and
 * Workers doors hand it their store, config and clock. The one place errors become responses.
 */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  // Feed routes first: the hot path answers every request itself (its own CORS headers and cached
  // gzip/deflate bytes), so no middleware runs for it.
  app.route('/', feedRoutes(deps));
  app.use('*', cors());
  // Compresses the JSON API, catalog and OPML.
  app.use('*', compress());
  // `/` hands a feed reader the everything feed: the same app, asked for /feed.atom.
  app.route('/', catalogRoutes(deps, (request) => app.fetch(request)));
  app.route('/', itemRoutes(deps));
  app.route('/', healthRoutes(deps));
  app.route('/', iconRoutes());
  app.route('/', adminRoutes(deps));

  app.notFound((c) => c.json({ error: `no such endpoint: ${new URL(c.req.url).pathname.slice(0, 200)}`, see: '/' }, 404, corsHeaders));
  app.onError((error, c) => {
    if (error instanceof InputError) {
      return c.json({ error: error.message, ...error.details }, error.status, { ...corsHeaders, ...error.headers });
    }
    if (error instanceof BadCursorError) return c.json({ error: error.message }, 400, corsHeaders);
    if (error instanceof HTTPException) return c.json({ error: error.message || 'request refused' }, error.status, corsHeaders);
    if (error instanceof URIError) return c.json({ error: 'the URL has malformed percent-encoding' }, 400, corsHeaders);
    deps.log.error('http: unhandled error', { path: new URL(c.req.url).pathname, error: String(error) });
    return c.json({ error: 'internal error; it has been logged' }, 500, corsHeaders);
  });
  return app;
}
