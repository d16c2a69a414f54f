/** Child processes for the bench: TypeScript entry points run by node with tsx, talked to over IPC. */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { ServerCommand } from './server.js';

export interface Child {
  process: ChildProcess;
  /** The first message the child sends (it says it is ready). */
  ready: Promise<Record<string, unknown>>;
  /** Send a command and wait for the next message. */
  ask<T>(message: unknown): Promise<T>;
  stop(): Promise<void>;
}

export function forkTs(file: string, args: string[], timeoutMs = 120_000): Child {
  const child = fork(join(import.meta.dirname, file), args, { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = () =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${file}: no answer in ${timeoutMs / 1000} s`)), timeoutMs);
      const onExit = (code: number | null) => reject(new Error(`${file} exited (${code}) before answering`));
      child.once('exit', onExit);
      child.once('message', (m) => {
        clearTimeout(timer);
        child.off('exit', onExit);
        resolve(m as Record<string, unknown>);
      });
    });
  const ready = next();
  return {
    process: child,
    ready,
    ask: async <T>(message: unknown) => {
      const answer = next();
      child.send(message as object);
      return (await answer) as T;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.send({ cmd: 'exit' } satisfies ServerCommand);
      }),
  };
}

/** The bench server on a store: its port and how long it took to listen. */
export async function startBenchServer(dbPath: string): Promise<Child & { port: number; startMs: number }> {
  const child = forkTs('server.ts', [dbPath]);
  const ready = await child.ready;
  return Object.assign(child, { port: ready.port as number, startMs: ready.startMs as number });
}
