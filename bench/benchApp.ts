/**
 * The real Caravan app as the Node door builds it (`openNodeRuntime` + `createApp`, with the
 * door's SHA-256 and compression), in process, plus the cold-render loop: change the store, then time one
 * `app.request`.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { getRequestListener } from '@hono/node-server';
import type { Hono } from 'hono';
import { createApp } from '../src/app.js';
import { openNodeRuntime } from '../src/node/runtime.js';
import { nodeCompress } from '../src/node/compress.js';
import { nodeSha256 } from '../src/node/sha256.js';
import { titleKey } from '../src/ingest/titleKey.js';
import type { Item } from '../src/item.js';
import type { ItemStore } from '../src/store/store.js';
import { latency, since, type Latency } from './stats.js';

export const repoDir = join(import.meta.dirname, '..');
export const emptyDir = join(import.meta.dirname, '.out', 'empty');

/**
 * The door serves through @hono/node-server, whose request listener puts its own light Request and
 * Response in place of the global ones (`serve` does it at start-up): there the app's
 * `new Response(bytes)` only keeps the bytes, which the listener writes to the socket as they are,
 * and no web Response (with its stream and copies of the body) is ever made. The app in this
 * process runs with the same globals, so a request does here what it does in the door.
 */
getRequestListener(() => new Response(null));

export interface BenchApp {
  app: Hono;
  store: ItemStore;
  close(): Promise<void>;
}

/** `env`: further settings, e.g. `DATABASE_URL` for the PostgreSQL store (bench/postgres.ts). */
export async function openBenchApp(dbPath: string, env: Record<string, string> = {}): Promise<BenchApp> {
  mkdirSync(emptyDir, { recursive: true });
  const runtime = await openNodeRuntime({
    DB_PATH: dbPath, CONFIG_DIR: join(repoDir, 'config'), FEEDS_DIR: emptyDir, LOG_LEVEL: 'error', INGEST_ON_START: 'false', ...env,
  });
  const { config, data, log, store } = runtime;
  const caravan = createApp({ store, taxonomy: data.taxonomy, curated: data.curated, config, log, now: () => new Date(), sha256: nodeSha256, compress: nodeCompress });
  return { app: caravan, store, close: () => store.close() };
}

/** An item kept out of every feed (dated 2001); rewriting it bumps the store version. */
function bumpItem(n: number): Item {
  return {
    id: 'bench-version-bump', url: null, title: `Bench version bump ${n}`, contentText: `Rewritten ${n} times.`, contentHtml: null,
    summary: `Rewritten ${n} times.`, authors: [], source: null, published: '2001-01-01T00:00:00.000Z', updated: null,
    firstSeen: '2001-01-01T00:00:00.000Z', changed: '2001-01-01T00:00:00.000Z', topics: [], regions: [],
    origins: [{ kind: 'page', ref: 'bench/bump.txt' }], partial: false, language: 'en',
  };
}

let bumps = 0;
export async function bumpVersion(store: ItemStore): Promise<void> {
  const item = bumpItem(++bumps);
  await store.upsertItems([{ item, titleKey: titleKey(item.title) }]);
}

/**
 * The bytes the door's listener would write for this response: @hono/node-server's Response keeps
 * `[status, body, headers]` under its symbol `cache`, and its listener writes that body to the
 * socket as it is (responseViaCache). Read the same way here: no copy, no stream. (Any other
 * response, e.g. should the package keep it elsewhere one day, is read through the web Response.)
 */
export async function doorBody(res: Response): Promise<Uint8Array | string | null> {
  const key = Object.getOwnPropertySymbols(res).find((s) => s.description === 'cache');
  const cached = key ? (res as unknown as Record<symbol, unknown[]>)[key]?.[1] : undefined;
  if (cached instanceof Uint8Array || typeof cached === 'string' || cached === null) return cached;
  return new Uint8Array(await res.arrayBuffer());
}

/**
 * One cold request: change one item (a new store version, so no cached render is valid), then time
 * one in-process request: wall time, and the process's CPU time, which other processes taking the
 * cores do not inflate (the bench runs on a shared machine). Timed: from the request to the bytes
 * the door would write to the socket (`doorBody`); the door makes no web Response of them, so
 * neither does this (bench/RESULTS.md History, 2026-12-01 15:30).
 */
async function coldOnce(bench: BenchApp, path: string): Promise<{ ms: number; cpuMs: number; bytes: number }> {
  await bumpVersion(bench.store);
  const cpu = process.cpuUsage();
  const start = performance.now();
  const res = await bench.app.request(`http://127.0.0.1${path}`);
  const body = await doorBody(res);
  const took = since(start);
  const used = process.cpuUsage(cpu);
  if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body).byteLength : (body?.byteLength ?? 0);
  return { ms: took, cpuMs: (used.user + used.system) / 1000, bytes };
}

/** Cold renders of one feed, `iterations` samples after `warmup` unrecorded ones. */
export async function coldLatency(bench: BenchApp, path: string, iterations: number, warmup = 20): Promise<Latency & { bytes: number; cpu: Latency }> {
  const [result] = await interleavedCold([{ bench, path }], iterations, warmup);
  return result;
}

/**
 * Cold renders of several (app, feed) pairs, taking turns request by request, so that whatever
 * else the machine is doing falls on every pair alike and their ratios stay fair.
 */
export async function interleavedCold(
  targets: { bench: BenchApp; path: string }[], iterations: number, warmup = 20,
): Promise<(Latency & { bytes: number; cpu: Latency })[]> {
  const samples = targets.map(() => [] as number[]);
  const cpu = targets.map(() => [] as number[]);
  const bytes = targets.map(() => 0);
  for (let i = 0; i < warmup + iterations; i++) {
    for (const [t, { bench, path }] of targets.entries()) {
      const one = await coldOnce(bench, path);
      bytes[t] = one.bytes;
      if (i >= warmup) {
        samples[t].push(one.ms);
        cpu[t].push(one.cpuMs);
      }
    }
  }
  return samples.map((s, t) => ({ ...latency(s), bytes: bytes[t], cpu: latency(cpu[t]) }));
}
