/**
 * `healthcheck` (npm run healthcheck): asks the running server's /healthz, for container and
 * supervisor health checks. Exit 0 when it says ok or degraded (feeds are served), 1 when it says
 * down, answers something else, or cannot be reached within the timeout.
 */
import type { Config } from '../config.js';

/** The /healthz URL of the server these settings run: a wildcard HOST is asked on loopback. */
export function healthUrl(config: Pick<Config, 'host' | 'port'>): string {
  if (config.port === 0) throw new Error('PORT is 0 (any free port): give the healthcheck the real port with PORT or --url');
  const host = config.host === '0.0.0.0' ? '127.0.0.1' : config.host === '::' ? '::1' : config.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${config.port}/healthz`;
}

export async function healthcheck(url: string, timeoutMs = 5000): Promise<{ code: 0 | 1; line: string }> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { Accept: 'application/json' } });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error instanceof Error ? error.name : String(error));
    return { code: 1, line: `healthcheck: unreachable (${cause}) ${url}` };
  }
  let status: unknown;
  try {
    status = ((await response.json()) as { status?: unknown }).status;
  } catch {
    status = undefined;
  }
  if (status === 'ok' || status === 'degraded') return { code: 0, line: `healthcheck: ${status} (HTTP ${response.status}) ${url}` };
  return { code: 1, line: `healthcheck: ${typeof status === 'string' ? status : 'no health status'} (HTTP ${response.status}) ${url}` };
}
