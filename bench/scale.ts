/**
 * Scale: for generated stores of 10k, 100k and 1M items, the cold latency of a topic feed, a
 * region-group feed, a topic x region feed and `q=` searches (all sizes open in one process,
 * requests taking turns, so the 1M / 10k ratios are fair on a busy machine); per size, the
 * memory of a fresh bench server process after cold renders of every query, the real Node
 * door's start-up to its first served feed (`node --import tsx src/node.ts serve` on the
 * existing store); and the query plans.
 */
import { spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { itemQuerySql } from '../src/store/itemQuerySql.js';
import type { ItemQuery } from '../src/store/store.js';
import { emptyDir, interleavedCold, openBenchApp, repoDir } from './benchApp.js';
import { startBenchServer } from './child.js';
import { ensureStore } from './generateStore.js';
import type { ServerMemory } from './server.js';
import type { Latency } from './stats.js';

export interface ScaleQuery {
  name: string;
  path: string;
  query: ItemQuery;
  /** Part of the 1M / 10k target (the common-word search is reported, not targeted). */
  targeted: boolean;
}

export const scaleQueries: ScaleQuery[] = [
  { name: 'topic', path: '/topics/energy.atom', query: { topics: ['energy'], limit: 20 }, targeted: true },
  { name: 'region group', path: '/regions/central-asia.atom', query: { regions: ['central-asia'], limit: 20 }, targeted: true },
  {
    name: 'topic x region', path: '/regions/central-asia/topics/energy.atom',
    query: { regions: ['central-asia'], topics: ['energy'], limit: 20 }, targeted: true,
  },
  { name: 'search (1% word)', path: '/feed.atom?q=espionage', query: { q: 'espionage', limit: 20 }, targeted: true },
  { name: 'search (30% word)', path: '/feed.atom?q=pipeline', query: { q: 'pipeline', limit: 20 }, targeted: false },
];

/** Cold requests per query in each size's own server process before its memory is read. */
const memoryIterations = 60;

export interface ScaleSize {
  items: number;
  generatedMs: number | null;
  dbBytes: number;
  cold: (Latency & { path: string })[];
  memory: ServerMemory;
  door: { startMs: number; rss: number };
}

export interface ScaleResult {
  sizes: ScaleSize[];
  plans: { name: string; sql: string; plan: string[] }[];
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The real Node door on an existing store: spawn to first 200 feed, then its RSS after serving each bench feed once. */
export async function doorStartup(
  dbPath: string, argv = ['--import', 'tsx', join(repoDir, 'src', 'node.ts'), 'serve'],
): Promise<{ startMs: number; rss: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, argv, {
    cwd: repoDir,
    env: {
      ...process.env, DB_PATH: dbPath, PORT: String(port), HOST: '127.0.0.1', INGEST_ON_START: 'false', LOG_LEVEL: 'error',
      CONFIG_DIR: join(repoDir, 'config'), FEEDS_DIR: emptyDir,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    let startMs = 0;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`src/node.ts serve exited with ${child.exitCode}`);
      if (performance.now() - started > 60_000) throw new Error('src/node.ts serve: no feed within 60 s');
      const res = await fetch(`${base}/regions/central-asia.atom`).catch(() => null);
      if (res?.status === 200) {
        await res.arrayBuffer();
        startMs = performance.now() - started;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    for (const q of scaleQueries) await (await fetch(base + q.path)).arrayBuffer();
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    return { startMs, rss: Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024 };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
  }
}

/** EXPLAIN QUERY PLAN of each feed query as the store builds it. */
export function queryPlans(dbPath: string): ScaleResult['plans'] {
  const db = new Database(dbPath, { readonly: true });
  try {
    return scaleQueries.map(({ name, query }) => {
      const { sql, params } = itemQuerySql(query);
      const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { id: number; parent: number; detail: string }[];
      const depth = new Map<number, number>([[0, -1]]);
      const plan = rows.map((r) => {
        const d = (depth.get(r.parent) ?? 0) + 1;
        depth.set(r.id, d);
        return `${'  '.repeat(d)}${r.detail}`;
      });
      return { name, sql, plan };
    });
  } finally {
    db.close();
  }
}

export async function benchScale(sizes: number[], iterations: number, log: (line: string) => void): Promise<ScaleResult> {
  const stores: { items: number; path: string; generatedMs: number | null }[] = [];
  for (const items of sizes) {
    const { path, generatedMs } = await ensureStore(items, log);
    if (generatedMs !== null) log(`  generated ${items} items in ${(generatedMs / 1000).toFixed(1)} s`);
    stores.push({ items, path, generatedMs });
  }
  // Start-up and memory: one fresh process per size. The first door start compiles src/ into
  // tsx's cache, so it is not measured.
  await doorStartup(stores[0].path);
  const perSize: Omit<ScaleSize, 'cold'>[] = [];
  for (const { items, path, generatedMs } of stores) {
    const door = await doorStartup(path);
    const server = await startBenchServer(path);
    let memory: ServerMemory;
    try {
      ({ memory } = await server.ask<{ memory: ServerMemory }>({ cmd: 'cold', paths: scaleQueries.map((q) => q.path), iterations: memoryIterations }));
    } finally {
      await server.stop();
    }
    perSize.push({ items, generatedMs, dbBytes: statSync(path).size, memory, door });
    log(`  scale ${items}: start-up ${door.startMs.toFixed(0)} ms, peak RSS ${(memory.peakRss / 2 ** 20).toFixed(0)} MB`);
  }
  // Latency: every size open in this process, requests taking turns across sizes and queries.
  const apps = await Promise.all(stores.map((s) => openBenchApp(s.path)));
  try {
    const targets = apps.flatMap((bench) => scaleQueries.map((q) => ({ bench, path: q.path })));
    const cold = await interleavedCold(targets, iterations);
    const sizesOut = perSize.map((p, i) => ({
      ...p, cold: scaleQueries.map((q, j) => ({ path: q.path, ...cold[i * scaleQueries.length + j] })),
    }));
    return { sizes: sizesOut, plans: queryPlans(stores[stores.length - 1].path) };
  } finally {
    await Promise.all(apps.map((a) => a.close()));
  }
}
