/**
 * The ingestion floor (bench/reference/ingestFloor.mjs): the irreducible job on the same loopback
 * feeds, run by plain `node` in a process of its own with nothing of Caravan in it.
 */
import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { outDir } from './generateStore.js';

export interface FloorRun {
  wallMs: number;
  cpuMs: number;
  mainThreadCpuMs: number;
  /** CPU ms per thread name over the whole process life (main, the worker, V8 and libuv helpers). */
  threads: Record<string, number>;
  items: number;
  sources: number;
  transactions: number;
  error: string | null;
}

export interface FloorSpec {
  urls: string[];
  concurrency: number;
  perHost: number;
  batchItems: number;
  worker: boolean;
}

export async function runFloor(spec: FloorSpec): Promise<FloorRun> {
  const dbPath = join(outDir, `ingest-floor-${spec.urls.length}.db`);
  const specPath = join(outDir, 'ingest-floor.json');
  writeFileSync(specPath, JSON.stringify({ ...spec, dbPath }));
  const child = spawn(process.execPath, [join(import.meta.dirname, 'reference', 'ingestFloor.mjs'), specPath], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  for (const p of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) rmSync(p, { force: true });
  if (code !== 0) throw new Error(`ingestFloor.mjs exited with ${code}`);
  const run = JSON.parse(out.trim().split('\n').pop()!) as FloorRun;
  if (run.error) throw new Error(`ingestFloor.mjs: ${run.error}`);
  return run;
}
