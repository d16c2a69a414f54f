import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningServer {
  url: string;
  process: ChildProcess;
  output: () => string;
  stop: () => Promise<number | null>;
}

/** The compiled Node door that `npm start` runs (built by tests/buildDist.ts before the tests). */
export const distEntry = join(import.meta.dirname, '..', '..', 'dist', 'node.js');

/**
 * Start the real server (`npm start`'s command, `node dist/node.js serve`) on a free loopback port
 * with a temporary DB, and wait until it says where it listens.
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'caravan-e2e-'));
  // vitest puts BASE_URL=/ into process.env; the server must derive its URLs from requests.
  const { BASE_URL: _ignored, ...parentEnv } = process.env;
  const child = spawn(process.execPath, [distEntry, 'serve'], {
    cwd: join(import.meta.dirname, '..', '..'),
    env: { ...parentEnv, HOST: '127.0.0.1', PORT: '0', DB_PATH: join(dir, 'caravan.db'), LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const check = () => {
      const match = /server: listening url=(http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    process: child,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => {
          rmSync(dir, { recursive: true, force: true });
          resolve(code);
        });
        child.kill('SIGTERM');
      }),
  };
}
