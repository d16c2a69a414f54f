/**
 * The real Node door as a child process (`node dist/node.js <command>`, compiled by tests/buildDist.ts), with its
 * output captured, for the crash, signal and concurrency tests. Loopback only.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..', '..', '..');

export interface Proc {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the first match of `pattern` in the output (rejects on exit or after `ms`). */
  waitFor: (pattern: RegExp, ms?: number) => Promise<RegExpExecArray>;
  /** Resolves with the exit code (null when killed by a signal) and the signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** How to cap the size of every file a child writes (RLIMIT_FSIZE), or null when neither tool is here. */
export const fileSizeLimiter: 'prlimit' | 'bash' | null =
  spawnSync('prlimit', ['--version']).status === 0 ? 'prlimit' : spawnSync('bash', ['-c', 'ulimit -f']).status === 0 ? 'bash' : null;

export interface StartOptions {
  uid?: number;
  gid?: number;
  /** RLIMIT_FSIZE: a write past this many bytes fails (EFBIG), as on a full disk. */
  fileSizeLimitBytes?: number;
}

/** Children started here and not yet exited: `killAll` ends them (by pid) if a test failed half-way. */
const live = new Set<ChildProcess>();

export async function killAll(): Promise<void> {
  await Promise.all(
    [...live].map((child) => new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    })),
  );
}

export function startNode(command: 'serve' | 'ingest', env: Record<string, string>, options: StartOptions = {}): Proc {
  const { BASE_URL: _ignored, ...parentEnv } = process.env;
  const args = ['dist/node.js', command];
  const { fileSizeLimitBytes: limit, ...ids } = options;
  const [file, argv] =
    limit === undefined ? [process.execPath, args]
      : fileSizeLimiter === 'prlimit' ? ['prlimit', [`--fsize=${limit}`, '--', process.execPath, ...args]]
        : ['bash', ['-c', `ulimit -f ${Math.ceil(limit / 1024)} && exec "$0" "$@"`, process.execPath, ...args]];
  const child = spawn(file, argv, {
    cwd: root,
    env: { ...parentEnv, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', INGEST_CRON: '0 0 1 1 *', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...ids,
  });
  live.add(child);
  child.once('exit', () => live.delete(child));
  let output = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    output += chunk;
    for (const l of listeners) l();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => {
      for (const l of listeners) l();
      resolve({ code, signal });
    });
  });
  const waitFor = (pattern: RegExp, ms = 30_000) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const done = () => {
        listeners.delete(check);
        clearTimeout(timer);
      };
      const check = () => {
        const match = pattern.exec(output);
        if (match) {
          done();
          resolve(match);
        } else if (child.exitCode !== null || child.signalCode !== null) {
          done();
          reject(new Error(`process exited before ${pattern}:\n${output}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no ${pattern} within ${ms} ms:\n${output}`));
      }, ms);
      listeners.add(check);
      check();
    });
  return { child, output: () => output, waitFor, exited };
}

/** The URL a `serve` process listens on. */
export async function listening(proc: Proc): Promise<string> {
  return (await proc.waitFor(/server: listening url=(http:\/\/127\.0\.0\.1:\d+)/, 60_000))[1];
}

/** SIGTERM, and SIGKILL if it has not exited after `ms`; the exit as `exited` gives it. */
export async function terminate(proc: Proc, ms = 10_000) {
  if (proc.child.exitCode === null && proc.child.signalCode === null) proc.child.kill('SIGTERM');
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), ms);
  const result = await proc.exited;
  clearTimeout(timer);
  return result;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
