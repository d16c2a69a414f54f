/**
 * The real Node door (`node dist/node.js serve`, as `npm start` runs it) on an existing store, in its
 * own process on 127.0.0.1: spawn, wait for the first 200 of a feed, stop with SIGTERM.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { emptyDir, repoDir } from './benchApp.js';

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** How the door is started: `npm start`'s command, the compiled door (bench/run.ts builds it first). */
export const doorArgv = (): string[] => [join(repoDir, 'dist', 'node.js'), 'serve'];

/** Compile src/ into dist/ (scripts/build.mjs, as `npm install` does), so the door runs this tree's code. */
export function buildDoor(): void {
  execFileSync(process.execPath, [join(repoDir, 'scripts', 'build.mjs')], { cwd: repoDir, stdio: ['ignore', 'ignore', 'inherit'] });
}

export interface Door {
  process: ChildProcess;
  base: string;
  /** Spawn to the first 200 of `readyPath`. */
  startMs: number;
  stop(): Promise<void>;
}

export async function startDoor(
  dbPath: string, opts: { argv?: string[]; readyPath?: string; env?: Record<string, string>; nodeArgs?: string[] } = {},
): Promise<Door> {
  mkdirSync(emptyDir, { recursive: true });
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), ...(opts.argv ?? doorArgv())], {
    cwd: repoDir,
    env: {
      ...process.env, DB_PATH: dbPath, PORT: String(port), HOST: '127.0.0.1', INGEST_ON_START: 'false', LOG_LEVEL: 'error',
      CONFIG_DIR: join(repoDir, 'config'), FEEDS_DIR: emptyDir, ...opts.env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const base = `http://127.0.0.1:${port}`;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the door exited with ${child.exitCode}`);
      if (performance.now() - started > 60_000) throw new Error('the door served no feed within 60 s');
      const res = await fetch(base + (opts.readyPath ?? '/regions/central-asia.atom')).catch(() => null);
      if (res?.status === 200) {
        await res.arrayBuffer();
        return { process: child, base, startMs: performance.now() - started, stop };
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  } catch (error) {
    await stop();
    throw error;
  }
}
