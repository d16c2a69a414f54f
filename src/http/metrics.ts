/**
 * `GET /metrics`: the door's metrics in the Prometheus text format. Open to loopback clients (a
 * Prometheus or an agent on the same host); from anywhere else, and from any request a proxy
 * forwarded (X-Forwarded-For / Forwarded), it needs `Authorization: Bearer <METRICS_TOKEN or
 * ADMIN_TOKEN>`. No route where the door keeps no metrics (Workers).
 */
import { Hono, type Context } from 'hono';
import { InputError } from '../errors.js';
import { matchesSecret, type AdminDeps } from './admin.js';
import type { AppDeps } from './appDeps.js';

const loopback = /^(?:127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

export function metricsRoutes(deps: AppDeps & AdminDeps): Hono {
  const app = new Hono();
  const metrics = deps.metrics;
  if (!metrics) return app;
  const tokens = [deps.config.metricsToken, deps.config.adminToken].filter((t): t is string => Boolean(t)).map(sha256);
  const noStore = { 'Cache-Control': 'no-store' };

  /** Throws the refusal (the app's one error handler answers it); returns when the client may read. */
  const authorize = async (c: Context): Promise<void> => {
    const forwarded = c.req.header('x-forwarded-for') !== undefined || c.req.header('forwarded') !== undefined;
    const client = deps.clientKey?.(c);
    if (!forwarded && client && loopback.test(client)) return;
    if (tokens.length === 0) {
      throw new InputError('/metrics is served to loopback clients only; set METRICS_TOKEN (or ADMIN_TOKEN) to allow others', 403, undefined, noStore);
    }
    const match = /^Bearer[ \t]+([\x21-\x7e]{1,4096})[ \t]*$/i.exec(c.req.header('authorization') ?? '');
    if (!match) {
      throw new InputError('/metrics from here needs an Authorization: Bearer <METRICS_TOKEN> header', 401, undefined, {
        ...noStore, 'WWW-Authenticate': 'Bearer realm="caravan-metrics"',
      });
    }
    for (const token of tokens) if (await matchesSecret(match[1], await token)) return;
    deps.log.warn('metrics: wrong token', { client: client ?? 'unknown' });
    throw new InputError('the metrics token is wrong', 403, undefined, noStore);
  };

  app.get('/metrics', async (c) => {
    await authorize(c);
    const { contentType, body } = await metrics();
    return c.body(body, 200, { 'Content-Type': contentType, ...noStore });
  });
  return app;
}
