/**
 * The bench's server process (forked by scale.ts, for the memory of a server after cold renders),
 * in its own process: the bench app on 127.0.0.1, an ephemeral port, and an IPC channel.
 *
 *   argv: <db path>       IPC in: { cmd: 'cold', paths, iterations } | { cmd: 'memory' } | { cmd: 'exit' }
 *                         IPC out: { ready, port, startMs } then one reply per command
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { coldLatency, openBenchApp } from './benchApp.js';

export type ServerCommand = { cmd: 'cold'; paths: string[]; iterations: number } | { cmd: 'memory' } | { cmd: 'exit' };
export interface ServerMemory {
  rss: number;
  /** Peak resident set (VmHWM) since the process started. */
  peakRss: number;
  heapUsed: number;
}

function memory(): ServerMemory {
  const status = readFileSync('/proc/self/status', 'utf8');
  const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, peakRss: hwm ? Number(hwm[1]) * 1024 : rss, heapUsed };
}

const started = performance.now();
const bench = await openBenchApp(process.argv[2]!);
const server = serve({ fetch: bench.app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => {
  process.send!({ ready: true, port: info.port, startMs: performance.now() - started });
});

process.on('message', async (message: ServerCommand) => {
  if (message.cmd === 'cold') {
    const results = [];
    for (const path of message.paths) results.push({ path, ...(await coldLatency(bench, path, message.iterations)) });
    process.send!({ cold: results, memory: memory() });
  } else if (message.cmd === 'memory') {
    process.send!({ memory: memory() });
  } else if (message.cmd === 'exit') {
    server.close();
    await bench.close();
    process.exit(0);
  }
});
