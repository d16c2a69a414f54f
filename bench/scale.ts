/**
 * Scale: for generated stores of 10k, 100k and 1M items, the cold latency of a topic feed, a
 * region-group feed, a topic x region feed and `q=` searches (all sizes open in one process,
 * requests taking turns, so the 1M / 10k ratios are fair on a busy machine); per size, the
 * memory of a fresh bench server process after cold renders of every query, the real Node
 * door's start-up to its first served feed (`node --import tsx src/node.ts serve` on the
 * existing store); and the query plans.
 */
import { readFileSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { itemQuerySql } from '../src/store/itemQuerySql.js';
import type { ItemQuery } from '../src/store/store.js';
import { interleavedCold, openBenchApp } from './benchApp.js';
import { startDoor } from './door.js';
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

/** The real Node door (compiled) on an existing store: spawn to first 200 feed, then its RSS after serving each bench feed once. */
export async function doorStartup(dbPath: string): Promise<{ startMs: number; rss: number }> {
  const door = await startDoor(dbPath);
  try {
    for (const q of scaleQueries) await (await fetch(door.base + q.path)).arrayBuffer();
    const status = readFileSync(`/proc/${door.process.pid}/status`, 'utf8');
    return { startMs: door.startMs, rss: Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024 };
  } finally {
    await door.stop();
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
  // Start-up and memory: one fresh process per size. The first door start warms the OS page
  // cache for node and the packages, so it is not measured.
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
