/**
 * Operating the compiled server as a supervisor or a script would: `npm start` stopped by a
 * signal to the PID npm start returns, and start-up failures that name their cause in one line.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { distEntry } from '../helpers/startServer.js';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'caravan-startstop-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const { BASE_URL: _ignored, ...parentEnv } = process.env;
const baseEnv = (name: string) => ({ ...parentEnv, HOST: '127.0.0.1', PORT: '0', DB_PATH: join(dir, `${name}.db`), LOG_LEVEL: 'info' });

/** Whether a port on 127.0.0.1 can be bound (the server let go of it). */
const portFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });

describe('npm start and a stop signal', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} to npm start's PID stops the server cleanly and frees the port`, async () => {
      const npm = spawn('npm', ['start', '--silent'], { cwd: root, env: baseEnv(signal), stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      npm.stdout!.on('data', (chunk) => (output += chunk));
      npm.stderr!.on('data', (chunk) => (output += chunk));
      const npmExit = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));
      const port = await new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no listening line:\n${output}`)), 60_000);
        npm.stdout!.on('data', () => {
          const match = /server: listening url=http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
          if (match) {
            clearTimeout(timer);
            resolve(Number(match[1]));
          }
        });
      });
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      expect(await portFree(port)).toBe(false);

      npm.kill(signal);
      await npmExit;
      // The server itself (npm's child) logs its clean stop and lets go of the port.
      const deadline = Date.now() + 15_000;
      while (!/server: stopped/.test(output) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(output).toContain(`server: stopping signal=${signal}`);
      expect(output).toContain('server: stopped');
      let free = await portFree(port);
      while (!free && Date.now() < deadline) free = await new Promise((r) => setTimeout(() => void portFree(port).then(r), 50));
      expect(free).toBe(true);
    });
  }
});

/** `node dist/node.js <command>` to its end: exit code and everything it printed. */
function run(command: string, env: Record<string, string | undefined>) {
  const result = spawnSync(process.execPath, [distEntry, command], { cwd: root, env, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

/** One line naming the cause, exit 1, and nothing ingested or listened to. */
function expectStartFailure(result: { code: number | null; out: string }, message: string | RegExp) {
  expect(result.code, result.out).toBe(1);
  const lines = result.out.trim().split('\n');
  expect(lines, result.out).toHaveLength(1);
  expect(lines[0]).toMatch(message);
  expect(result.out).not.toMatch(/ingest: started|server: listening|\n\s+at /);
}

describe('start-up failures: one line, exit 1, before any ingestion', () => {
  it('a port in use', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const { port } = holder.address() as AddressInfo;
    try {
      expectStartFailure(run('serve', { ...baseEnv('port'), PORT: String(port) }), new RegExp(`^caravan: PORT ${port} is already in use`));
    } finally {
      holder.close();
    }
  });

  it('a missing FEEDS_DIR or CONFIG_DIR', () => {
    expectStartFailure(run('serve', { ...baseEnv('feeds'), FEEDS_DIR: join(dir, 'no-such-feeds') }), /^caravan: FEEDS_DIR \S+no-such-feeds does not exist$/);
    expectStartFailure(run('ingest', { ...baseEnv('feeds'), FEEDS_DIR: join(dir, 'no-such-feeds') }), /FEEDS_DIR \S+ does not exist/);
    expectStartFailure(run('serve', { ...baseEnv('config'), CONFIG_DIR: join(dir, 'no-such-config') }), /^caravan: CONFIG_DIR \S+no-such-config does not exist$/);
    writeFileSync(join(dir, 'a-file'), 'x');
    expectStartFailure(run('serve', { ...baseEnv('config'), CONFIG_DIR: join(dir, 'a-file') }), /CONFIG_DIR \S+a-file is not a folder/);
  });

  it('does not ask for FEEDS_DIR when local pages are off in sources.json', () => {
    const config = join(dir, 'pages-off');
    cpSync(join(root, 'config'), config, { recursive: true });
    const sources = JSON.parse(readFileSync(join(config, 'sources.json'), 'utf8'));
    writeFileSync(join(config, 'sources.json'), JSON.stringify({ ...sources, pages: { enabled: false } }));
    const result = run('ingest', { ...baseEnv('pages-off'), CONFIG_DIR: config, FEEDS_DIR: join(dir, 'no-such-feeds') });
    expect(result.code, result.out).toBe(0);
    expect(result.out).toContain('ingest: finished status=ok');
  });

  it('a JSON syntax error in a config file, as file:line:column', () => {
    const config = join(dir, 'bad-json');
    cpSync(join(root, 'config'), config, { recursive: true });
    // Line 3 loses the comma after its value; the next property starts on line 4, column 3.
    writeFileSync(join(config, 'regions.json'), '{\n  "$comment": "x",\n  "groups": []\n  "countries": []\n}\n');
    expectStartFailure(run('serve', { ...baseEnv('bad-json'), CONFIG_DIR: config }), /^caravan: \S+bad-json\/regions\.json:4:3: expected ','$/);
    writeFileSync(join(config, 'regions.json'), '{ "groups": [], "countries": [], }');
    expectStartFailure(run('ingest', { ...baseEnv('bad-json'), CONFIG_DIR: config }), /regions\.json:1:34: expected a property name/);
  });

  it('a bad setting names the variable', () => {
    expectStartFailure(run('serve', { ...baseEnv('setting'), PORT: 'eighty' }), /^caravan: PORT must be a port number 0-65535, got "eighty"$/);
    expectStartFailure(run('serve', { ...baseEnv('setting'), INGEST_CRON: 'every minute' }), /^caravan: INGEST_CRON is not a valid cron expression/);
    expectStartFailure(run('ingest', { ...baseEnv('setting'), LOG_LEVEL: 'loud' }), /^caravan: LOG_LEVEL must be one of/);
  });
});
