/**
 * Cold render: a feed request right after a store change, so no cached render is valid. In
 * process (`app.request`), 20 and 100 items, taking turns; each sample is one request after one upsert.
 */
import { interleavedCold, openBenchApp } from './benchApp.js';
import type { Latency } from './stats.js';

export interface ColdResult {
  items: number;
  path: string;
  latency: Latency & { bytes: number; cpu: Latency };
}

const feeds = [[20, '/regions/central-asia.atom'], [100, '/regions/central-asia.atom?limit=100']] as const;

export async function benchColdRender(dbPath: string, iterations: number): Promise<ColdResult[]> {
  const bench = await openBenchApp(dbPath);
  try {
    for (const [items, path] of feeds) {
      const res = await bench.app.request(`http://127.0.0.1${path}`);
      const entries = (await res.text()).match(/<entry[\s>]/g)?.length ?? 0;
      if (entries !== items) throw new Error(`${path}: ${entries} entries, expected ${items}`);
    }
    const latencies = await interleavedCold(feeds.map(([, path]) => ({ bench, path })), iterations);
    return feeds.map(([items, path], i) => ({ items, path, latency: latencies[i] }));
  } finally {
    await bench.close();
  }
}
