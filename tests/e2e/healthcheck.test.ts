/**
 * `npm run healthcheck` / `node dist/node.js healthcheck` against the running compiled server,
 * and against stand-ins that answer degraded, down, or not JSON.
 */
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distEntry, startServer, type RunningServer } from '../helpers/startServer.js';

const root = join(import.meta.dirname, '..', '..');
const { BASE_URL: _ignored, ...parentEnv } = process.env;

/** Run the command without blocking this process (the stand-in server below answers from it). */
function healthcheck(how: 'node' | 'npm', env: Record<string, string>, args: string[] = []): Promise<{ code: number | null; out: string }> {
  const [file, argv] = how === 'node' ? [process.execPath, [distEntry, 'healthcheck', ...args]] : ['npm', ['run', '--silent', 'healthcheck', '--', ...args]];
  return new Promise((resolve) => {
    execFile(file, argv, { cwd: root, env: { ...parentEnv, ...env }, encoding: 'utf8', timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, out: `${stdout}${stderr}`.trim() });
    });
  });
}

describe('healthcheck against the real server', () => {
  let server: RunningServer;
  let port: string;
  beforeAll(async () => {
    server = await startServer();
    port = new URL(server.url).port;
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('exits 0 while the server is ok, run by npm or by node, from HOST and PORT', async () => {
    for (const how of ['npm', 'node'] as const) {
      const result = await healthcheck(how, { HOST: '127.0.0.1', PORT: port });
      expect(result, how).toEqual({ code: 0, out: `healthcheck: ok (HTTP 200) http://127.0.0.1:${port}/healthz` });
    }
    // A server listening on every address is asked on loopback.
    expect((await healthcheck('node', { HOST: '0.0.0.0', PORT: port })).code).toBe(0);
  });

  it('exits 1 once the server is down', async () => {
    await server.stop();
    const result = await healthcheck('node', { PORT: port });
    expect(result.code).toBe(1);
    expect(result.out).toMatch(new RegExp(`^healthcheck: unreachable \\(ECONNREFUSED\\) http://127\\.0\\.0\\.1:${port}/healthz$`));
  });
});

describe('healthcheck reads the status /healthz gives', () => {
  let stand: Server;
  let url: string;
  let reply: { status: number; body: string } = { status: 200, body: '' };
  beforeAll(async () => {
    stand = createServer((_req, res) => res.writeHead(reply.status, { 'Content-Type': 'application/json' }).end(reply.body));
    await new Promise<void>((resolve) => stand.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(stand.address() as AddressInfo).port}/healthz`;
  });
  afterAll(() => new Promise<void>((resolve) => stand.close(() => resolve())));

  it('degraded is 0; down, another status or no JSON is 1', async () => {
    const cases: [number, string, number, string][] = [
      [200, JSON.stringify({ status: 'degraded' }), 0, 'healthcheck: degraded (HTTP 200)'],
      [503, JSON.stringify({ status: 'down' }), 1, 'healthcheck: down (HTTP 503)'],
      [200, JSON.stringify({ status: 'starting' }), 1, 'healthcheck: starting (HTTP 200)'],
      [502, '<html>bad gateway</html>', 1, 'healthcheck: no health status (HTTP 502)'],
    ];
    for (const [status, body, code, line] of cases) {
      reply = { status, body };
      expect(await healthcheck('node', {}, ['--url', url])).toEqual({ code, out: `${line} ${url}` });
    }
  });

  it('PORT=0 is refused with a clear line', async () => {
    const result = await healthcheck('node', { PORT: '0' });
    expect(result.code).toBe(1);
    expect(result.out).toBe('caravan: PORT is 0 (any free port): give the healthcheck the real port with PORT or --url');
  });
});
