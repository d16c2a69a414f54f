/**
 * Ingestion: a loopback upstream (its own process) with N feeds of 50 entries. The first run
 * fetches, parses, sanitizes, classifies and stores everything through `runIngestion` (store on
 * disk, WAL, as the Node door opens it); the second, with every source due again, gets 304s.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfigData, type ConfigFiles } from '../src/configData.js';
import { runIngestion, type IngestDeps } from '../src/ingest/run.js';
import { createLog } from '../src/log.js';
import { feedReaderPool } from '../src/node/feedReaderPool.js';
import { nodeWriteBatchItems } from '../src/node/runtime.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { repoDir } from './benchApp.js';
import { forkTs } from './child.js';
import { outDir } from './generateStore.js';

export interface IngestionResult {
  feeds: number;
  perFeed: number;
  first: { ms: number; cpuMs: number; inserted: number; itemsPerS: number; failed: number; status: string };
  second: { ms: number; cpuMs: number; notModified: number; inserted: number; status: string };
}

/**
 * Loopback "hosts" (ports of one upstream process): a thousand real feeds live on many hosts, and
 * Caravan fetches at most 2 per host and 8 in all; on one port the bench would measure the
 * per-host limit instead of Caravan.
 */
export const upstreamHosts = 8;

export async function benchIngestion(feeds: number, perFeed: number): Promise<IngestionResult> {
  const upstream = forkTs('upstreamServer.ts', [String(feeds), String(perFeed), String(upstreamHosts)]);
  const { ports } = (await upstream.ready) as { ports: number[] };
  const dbPath = join(outDir, `ingest-${feeds}.db`);
  for (const p of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) rmSync(p, { force: true });
  const store = await openSqliteStore(dbPath);
  const readFeed = feedReaderPool();
  try {
    const read = (name: string) => JSON.parse(readFileSync(join(repoDir, 'config', name), 'utf8'));
    const files: ConfigFiles = {
      'topics.json': read('topics.json'), 'regions.json': read('regions.json'), 'feeds.json': read('feeds.json'),
      'sources.json': {
        pages: { enabled: false },
        upstream: Array.from({ length: feeds }, (_, n) => ({ url: `http://127.0.0.1:${ports[n % ports.length]}/feeds/${n}`, allowPrivate: true })),
      },
    };
    const data = loadConfigData(files);
    let clock = 0;
    const deps: IngestDeps = {
      store, taxonomy: data.taxonomy, sources: data.sources, pages: null, fetch: globalThis.fetch,
      now: () => new Date(Date.now() + clock), log: createLog('error'), userAgent: 'Caravan-bench/0.1',
      // As the Node door writes: upstream sources in batches; feed bodies read in a worker thread.
      writeBatchItems: nodeWriteBatchItems,
      readFeed,
    };

    const cpuMs = (since: NodeJS.CpuUsage) => {
      const used = process.cpuUsage(since);
      return (used.user + used.system) / 1000;
    };
    let cpu = process.cpuUsage();
    let start = performance.now();
    const first = await runIngestion(deps);
    const firstMs = performance.now() - start;
    const firstCpu = cpuMs(cpu);
    if (!first) throw new Error('ingestion: lease not acquired');
    const failed = first.sources.filter((s) => s.status === 'failed');
    if (failed.length > 0) throw new Error(`ingestion: ${failed.length} sources failed, e.g. ${failed[0].error}`);

    // Every source due again (two hours later); each answers 304.
    clock = 2 * 3_600_000;
    const before = await upstream.ask<{ notModified: number }>({ cmd: 'stats' });
    cpu = process.cpuUsage();
    start = performance.now();
    const second = await runIngestion(deps);
    const secondMs = performance.now() - start;
    const secondCpu = cpuMs(cpu);
    const after = await upstream.ask<{ notModified: number }>({ cmd: 'stats' });
    if (!second) throw new Error('ingestion: lease not acquired on the second run');
    return {
      feeds, perFeed,
      first: { ms: firstMs, cpuMs: firstCpu, inserted: first.inserted, itemsPerS: first.inserted / (firstMs / 1000), failed: failed.length, status: first.status },
      second: { ms: secondMs, cpuMs: secondCpu, notModified: after.notModified - before.notModified, inserted: second.inserted, status: second.status },
    };
  } finally {
    await readFeed.close();
    await store.close();
    await upstream.stop();
  }
}
