import type { Context } from 'hono';

/**
 * The public origin of this request: BASE_URL when configured, else the proxy's
 * X-Forwarded-Proto/-Host, else the request's own. Self links then match what readers fetched.
 */
export function publicBase(c: Context, configured: string | null, url = new URL(c.req.url)): string {
  if (configured) return configured;
  const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim();
  const host = c.req.header('x-forwarded-host')?.split(',')[0]?.trim();
  const safeProto = proto === 'http' || proto === 'https' ? proto : url.protocol.slice(0, -1);
  const safeHost = host && /^[a-z0-9.-]+(:\d+)?$/i.test(host) ? host : url.host;
  return `${safeProto}://${safeHost}`;
}

/** The exact URL the client asked for, on the public origin. */
export function publicUrl(c: Context, configured: string | null): string {
  const url = new URL(c.req.url);
  return publicBase(c, configured, url) + url.pathname + url.search;
}
