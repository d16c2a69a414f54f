/**
 * The admin surface: `POST /admin/ingest` (run an ingestion now) and `GET /admin/sources` (every
 * source's full state). Off (404, like any unknown path) unless ADMIN_TOKEN is set; then every
 * `/admin/*` request is, in this order: body-size limited (16 KB → 413), rate limited per client
 * (10 a minute → 429 with Retry-After), and authenticated with `Authorization: Bearer <token>`
 * (missing or malformed → 401 with `WWW-Authenticate: Bearer`, wrong → 403). The token is
 * compared as SHA-256 digests with a constant-time loop. Web standards only (Node and Workers).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { InputError } from '../errors.js';
import type { AppDeps } from './appDeps.js';
import { createRateLimiter } from './rateLimit.js';

/** What the doors may add for the admin routes; everything optional. */
export interface AdminDeps {
  /**
   * The client's key for rate limiting: its remote address. The Node door passes the socket's
   * address; without it, `CF-Connecting-IP` (set by Cloudflare, not by the client) is used.
   */
  clientKey?: (c: Context) => string | null | undefined;
  /** Admin requests per client per window (default 10 a minute). */
  adminRateLimit?: { limit: number; windowMs: number };
}

export const adminBodyLimitBytes = 16 * 1024;
const defaultRateLimit = { limit: 10, windowMs: 60_000 };
const maxTokenLength = 4096;

async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

/**
 * Whether `given` equals the secret whose SHA-256 digest is `expected`. Both sides are 32-byte
 * digests whatever the input length, and every byte is compared, so the time taken says nothing
 * about how much of a guess was right.
 */
export async function matchesSecret(given: string, expected: Uint8Array): Promise<boolean> {
  const actual = await sha256(given);
  let diff = actual.length ^ expected.length;
  for (let i = 0; i < expected.length; i++) diff |= (actual[i] ?? 0) ^ expected[i];
  return diff === 0;
}

/** Refuses an admin request: the app's error handler answers with this status, message and headers. */
function refuse(status: 401 | 403 | 405 | 409 | 413 | 429, error: string, headers: Record<string, string> = {}): never {
  throw new InputError(error, status, undefined, { 'Cache-Control': 'no-store', ...headers });
}

export function adminRoutes(deps: AppDeps & AdminDeps): Hono {
  const app = new Hono();
  const token = deps.config.adminToken;
  // No token configured: the admin routes do not exist (never open by default).
  if (!token) return app;

  const expected = sha256(token);
  const limits = deps.adminRateLimit ?? defaultRateLimit;
  const limiter = createRateLimiter({ ...limits, now: () => deps.now().getTime() });
  const clientOf = (c: Context) => deps.clientKey?.(c) || c.req.header('cf-connecting-ip') || 'unknown';
  const perMinute = `${limits.limit} requests per ${limits.windowMs / 1000} s`;

  const rateLimit: MiddlewareHandler = async (c, next) => {
    const client = clientOf(c);
    const decision = limiter.hit(client);
    if (!decision.allowed) {
      deps.log.warn('admin: rate limited', { client, path: c.req.path });
      refuse(429, `too many admin requests from this client (at most ${perMinute}); retry in ${decision.retryAfterSeconds} s`, {
        'Retry-After': String(decision.retryAfterSeconds),
      });
    }
    await next();
  };

  const authenticate: MiddlewareHandler = async (c, next) => {
    const header = c.req.header('authorization');
    const bearer = 'Bearer realm="caravan-admin"';
    if (header === undefined || header.trim() === '') {
      refuse(401, 'admin routes need an Authorization: Bearer <ADMIN_TOKEN> header', { 'WWW-Authenticate': bearer });
    }
    const match = /^Bearer[ \t]+([\x21-\x7e]+)[ \t]*$/i.exec(header);
    if (!match || match[1].length > maxTokenLength) {
      refuse(401, 'the Authorization header must be "Bearer <ADMIN_TOKEN>"', {
        'WWW-Authenticate': `${bearer}, error="invalid_request"`,
      });
    }
    if (!(await matchesSecret(match[1], await expected))) {
      deps.log.warn('admin: wrong token', { client: clientOf(c), path: c.req.path });
      refuse(403, 'the admin token is wrong');
    }
    await next();
  };

  const limitBody = bodyLimit({
    maxSize: adminBodyLimitBytes,
    onError: () => refuse(413, `request body larger than ${adminBodyLimitBytes / 1024} KB`),
  });

  for (const path of ['/admin', '/admin/*']) app.use(path, limitBody, rateLimit, authenticate);

  app.post('/admin/ingest', async (c) => {
    // Not the client's fault: a 5xx, through the same handler.
    if (!deps.ingest) throw new HTTPException(501, { message: 'this deployment cannot run an ingestion on request' });
    deps.log.info('admin: ingestion requested', { client: clientOf(c) });
    const run = await deps.ingest();
    if (run === null) {
      refuse(409, 'an ingestion is already running; this request did not start another. Try again when it has finished (see lastRun on /healthz)', {
        'Retry-After': '30',
      });
    }
    return c.json(run, 200, { 'Cache-Control': 'no-store' });
  });
  app.get('/admin/sources', async (c) => {
    const sources = await deps.store.sourceStates();
    return c.json({ count: sources.length, sources }, 200, { 'Cache-Control': 'no-store' });
  });
  // One item out of the store, its tag index and its search index. An item its source still
  // carries can come back when that source changes (a page edited, a feed updated).
  app.delete('/admin/items/:id', async (c) => {
    const id = c.req.param('id');
    if (!(await deps.store.getItem(id))) throw new InputError(`no item with id "${id.slice(0, 200)}"`, 404, undefined, { 'Cache-Control': 'no-store' });
    await deps.store.deleteItems([id]);
    deps.log.info('admin: item removed', { id, client: clientOf(c) });
    deps.removed?.('admin', 1);
    return c.json({ removed: id }, 200, { 'Cache-Control': 'no-store' });
  });
  app.all('/admin/items/:id', () => refuse(405, 'use DELETE /admin/items/{id}', { Allow: 'DELETE' }));
  app.all('/admin/ingest', () => refuse(405, 'use POST /admin/ingest', { Allow: 'POST' }));
  app.all('/admin/sources', () => refuse(405, 'use GET /admin/sources', { Allow: 'GET, HEAD' }));
  return app;
}
