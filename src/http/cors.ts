import type { MiddlewareHandler } from 'hono';

/** Any origin may read feeds and the JSON API (browser feed readers); validators are exposed. */
export const corsHeaders = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag, Last-Modified',
} as const;

/**
 * CORS on the finished response. hono/cors sets headers on `c.res` before the handler runs, so
 * Hono then rebuilds the handler's Response around its body on every request, which takes
 * @hono/node-server off its fast path (feed req/s halved; bench/RESULTS.md).
 */
export function cors(): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') {
      const headers = new Headers({ ...corsHeaders, 'Access-Control-Allow-Methods': 'GET, HEAD, POST, OPTIONS' });
      const requested = c.req.header('Access-Control-Request-Headers');
      if (requested) headers.set('Access-Control-Allow-Headers', requested.slice(0, 1000));
      headers.set('Access-Control-Max-Age', '86400');
      return new Response(null, { status: 204, headers });
    }
    await next();
    for (const [name, value] of Object.entries(corsHeaders)) c.res.headers.set(name, value);
  };
}
