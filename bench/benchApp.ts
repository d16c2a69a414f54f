/**
 * The real Caravan app as the Node door builds it (`openNodeRuntime` + `createApp`), mounted in
 * an outer Hono that adds one bench-only route, `/__bench/static`: a constant string of the same
 * size as a feed, the reference every serving figure is divided by. Plus the cold-render loop:
 * change the store, then time one `app.request`.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import { createApp } from '../src/app.js';
import { openNodeRuntime } from '../src/node/runtime.js';
import { titleKey } from '../src/ingest/titleKey.js';
import type { Item } from '../src/item.js';
import type { ItemStore } from '../src/store/store.js';
import { latency, since, type Latency } from './stats.js';

export const repoDir = join(import.meta.dirname, '..');
export const emptyDir = join(import.meta.dirname, '.out', 'empty');

export interface BenchApp {
  app: Hono;
  store: ItemStore;
  /** Replace the static route's body (call with a feed's bytes once the port is known). */
  setStatic(body: string, contentType: string): void;
  close(): Promise<void>;
}

/** `env`: further settings, e.g. `DATABASE_URL` for the PostgreSQL store (bench/postgres.ts). */
export async function openBenchApp(dbPath: string, env: Record<string, string> = {}): Promise<BenchApp> {
  mkdirSync(emptyDir, { recursive: true });
  const runtime = await openNodeRuntime({
    DB_PATH: dbPath, CONFIG_DIR: join(repoDir, 'config'), FEEDS_DIR: emptyDir, LOG_LEVEL: 'error', INGEST_ON_START: 'false', ...env,
  });
  const { config, data, log, store } = runtime;
  const caravan = createApp({ store, taxonomy: data.taxonomy, curated: data.curated, config, log, now: () => new Date() });
  let staticBody = '';
  let staticType = 'text/plain';
  const outer = new Hono();
  outer.get('/__bench/static', (c) => c.body(staticBody, 200, { 'Content-Type': staticType }));
  outer.route('/', caravan);
  return {
    app: outer,
    store,
    setStatic(body, contentType) {
      staticBody = body;
      staticType = contentType;
    },
    close: () => store.close(),
  };
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

/** One cold request: change one item (a new store version, so no cached render is valid), then time one in-process request. */
async function coldOnce(bench: BenchApp, path: string): Promise<{ ms: number; bytes: number }> {
  await bumpVersion(bench.store);
  const start = performance.now();
  const res = await bench.app.request(`http://127.0.0.1${path}`);
  const body = await res.arrayBuffer();
  const took = since(start);
  if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
  return { ms: took, bytes: body.byteLength };
}

/** Cold renders of one feed, `iterations` samples after `warmup` unrecorded ones. */
export async function coldLatency(bench: BenchApp, path: string, iterations: number, warmup = 20): Promise<Latency & { bytes: number }> {
  const [result] = await interleavedCold([{ bench, path }], iterations, warmup);
  return result;
}

/**
 * Cold renders of several (app, feed) pairs, taking turns request by request, so that whatever
 * else the machine is doing falls on every pair alike and their ratios stay fair.
 */
export async function interleavedCold(
  targets: { bench: BenchApp; path: string }[], iterations: number, warmup = 20,
): Promise<(Latency & { bytes: number })[]> {
  const samples = targets.map(() => [] as number[]);
  const bytes = targets.map(() => 0);
  for (let i = 0; i < warmup + iterations; i++) {
    for (const [t, { bench, path }] of targets.entries()) {
      const one = await coldOnce(bench, path);
      bytes[t] = one.bytes;
      if (i >= warmup) samples[t].push(one.ms);
    }
  }
  return samples.map((s, t) => ({ ...latency(s), bytes: bytes[t] }));
}
