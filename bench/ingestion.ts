/**
 * Ingestion: a loopback upstream (its own process) with N feeds. Each round runs, taking turns
 * (order reversed every other round): Caravan's first run, which fetches, parses, sanitizes,
 * classifies and stores everything through `runIngestion` (a fresh store on disk, WAL, as the Node
 * door opens it), then its second, with every source due again, all 304s; and the floor
 * (bench/reference/ingestFloor.mjs, plain node, nothing of Caravan) doing the irreducible job on
 * the same feeds, parsing in the ingesting thread and in a worker thread. Figures are medians
 * over the rounds.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfigData, type ConfigFiles } from '../src/configData.js';
import { runIngestion, type IngestDeps } from '../src/ingest/run.js';
import { defaultLimits } from '../src/ingest/upstream/types.js';
import { createLog } from '../src/log.js';
import { feedReaderPool } from '../src/node/feedReaderPool.js';
import { nodeWriteBatchItems } from '../src/node/runtime.js';
import { nodeSha256 } from '../src/node/sha256.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { repoDir } from './benchApp.js';
import { forkTs, type Child } from './child.js';
import { outDir } from './generateStore.js';
import { runFloor, type FloorRun } from './ingestionFloor.js';
import { percentile } from './stats.js';

export interface CaravanRound {
  first: { ms: number; cpuMs: number; mainThreadCpuMs: number; upstreamCpuMs: number; inserted: number; itemsPerS: number; failed: number; status: string };
  second: { ms: number; cpuMs: number; notModified: number; inserted: number; status: string };
}

export interface FloorRound extends FloorRun {
  upstreamCpuMs: number;
  itemsPerS: number;
}

export interface IngestionResult {
  feeds: number;
  perFeed: number;
  rounds: number;
  /** Medians over the rounds (what the targets are checked against). */
  first: CaravanRound['first'];
  second: CaravanRound['second'];
  caravan: CaravanRound[];
  floor: { inline: FloorRound[]; worker: FloorRound[] };
}

/**
 * Loopback "hosts" (ports of one upstream process): a thousand real feeds live on many hosts, and
 * Caravan fetches at most 2 per host and 8 in all; on one port the bench would measure the
 * per-host limit instead of Caravan.
 */
export const upstreamHosts = 8;

const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

/** CPU time (ms) of this process's main thread (the one that fetches and writes), from /proc. */
function mainThreadCpuMs(): number {
  const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

type Stats = { notModified: number; cpuMs: number };

export async function caravanRound(upstream: Child, urls: string[]): Promise<CaravanRound> {
  const dbPath = join(outDir, `ingest-${urls.length}.db`);
  for (const p of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) rmSync(p, { force: true });
  const store = await openSqliteStore(dbPath);
  const read = (name: string) => JSON.parse(readFileSync(join(repoDir, 'config', name), 'utf8'));
  // The compiled worker the door runs (bench/run.ts builds dist/ first), not the TypeScript through
  // tsx, given the taxonomy as the door gives it (each article's own storing work done there).
  const readFeed = feedReaderPool(undefined, new URL('../dist/feed-reader-worker.js', import.meta.url), {
    topics: read('topics.json'), regions: read('regions.json'),
  });
  try {
    const files: ConfigFiles = {
      'topics.json': read('topics.json'), 'regions.json': read('regions.json'), 'feeds.json': read('feeds.json'),
      'sources.json': { pages: { enabled: false }, upstream: urls.map((url) => ({ url, allowPrivate: true })) },
    };
    const data = loadConfigData(files);
    let clock = 0;
    const deps: IngestDeps = {
      store, taxonomy: data.taxonomy, sources: data.sources, pages: null, fetch: globalThis.fetch,
      now: () => new Date(Date.now() + clock), log: createLog('error'), userAgent: 'Caravan-bench/0.1',
      // As the Node door ingests: upstream sources written in batches, feed bodies read in a worker
      // thread, body hashes by node:crypto.
      writeBatchItems: nodeWriteBatchItems,
      readFeed,
      sha256: nodeSha256,
    };

    let before = await upstream.ask<Stats>({ cmd: 'stats' });
    let cpu = process.cpuUsage();
    const main = mainThreadCpuMs();
    let start = performance.now();
    const first = await runIngestion(deps);
    const firstMs = performance.now() - start;
    const firstCpu = cpuMs(cpu);
    const firstMain = mainThreadCpuMs() - main;
    let after = await upstream.ask<Stats>({ cmd: 'stats' });
    if (!first) throw new Error('ingestion: lease not acquired');
    const failed = first.sources.filter((s) => s.status === 'failed');
    if (failed.length > 0) throw new Error(`ingestion: ${failed.length} sources failed, e.g. ${failed[0].error}`);
    const upstreamCpuMs = after.cpuMs - before.cpuMs;

    // Every source due again (two hours later); each answers 304.
    clock = 2 * 3_600_000;
    before = after;
    cpu = process.cpuUsage();
    start = performance.now();
    const second = await runIngestion(deps);
    const secondMs = performance.now() - start;
    const secondCpu = cpuMs(cpu);
    after = await upstream.ask<Stats>({ cmd: 'stats' });
    if (!second) throw new Error('ingestion: lease not acquired on the second run');
    return {
      first: {
        ms: firstMs, cpuMs: firstCpu, mainThreadCpuMs: firstMain, upstreamCpuMs, inserted: first.inserted,
        itemsPerS: first.inserted / (firstMs / 1000), failed: failed.length, status: first.status,
      },
      second: { ms: secondMs, cpuMs: secondCpu, notModified: after.notModified - before.notModified, inserted: second.inserted, status: second.status },
    };
  } finally {
    await readFeed.close();
    await store.close();
  }
}

async function floorRound(upstream: Child, urls: string[], worker: boolean): Promise<FloorRound> {
  const before = await upstream.ask<Stats>({ cmd: 'stats' });
  const run = await runFloor({ urls, concurrency: defaultLimits.concurrency, perHost: defaultLimits.perHost, batchItems: nodeWriteBatchItems, worker });
  const after = await upstream.ask<Stats>({ cmd: 'stats' });
  return { ...run, upstreamCpuMs: after.cpuMs - before.cpuMs, itemsPerS: run.items / (run.wallMs / 1000) };
}

/** The round whose `key` is the median (the lower middle one of an even count). */
export function medianBy<T>(list: readonly T[], key: (x: T) => number): T {
  const m = percentile(list.map(key), 50);
  return list.find((x) => key(x) === m)!;
}

export async function benchIngestion(feeds: number, perFeed: number, rounds = 3): Promise<IngestionResult> {
  const upstream = forkTs('upstreamServer.ts', [String(feeds), String(perFeed), String(upstreamHosts)]);
  const { ports } = (await upstream.ready) as { ports: number[] };
  const urls = Array.from({ length: feeds }, (_, n) => `http://127.0.0.1:${ports[n % ports.length]}/feeds/${n}`);
  const caravan: CaravanRound[] = [];
  const floor: IngestionResult['floor'] = { inline: [], worker: [] };
  try {
    for (let round = 0; round < rounds; round++) {
      const steps = [
        async () => void caravan.push(await caravanRound(upstream, urls)),
        async () => void floor.inline.push(await floorRound(upstream, urls, false)),
        async () => void floor.worker.push(await floorRound(upstream, urls, true)),
      ];
      for (const step of round % 2 === 0 ? steps : steps.reverse()) await step();
    }
  } finally {
    await upstream.stop();
  }
  return {
    feeds, perFeed, rounds, caravan, floor,
    first: medianBy(caravan, (r) => r.first.itemsPerS).first,
    second: medianBy(caravan, (r) => r.second.ms).second,
  };
}
