/**
 * What the slow cold renders are: the cold-render loop of bench/coldRender.ts (20 and 100 items taking
 * turns after a version bump each, 20 unrecorded first), and for every request its wall time, the main
 * thread's wait for a core (run queue, from /proc/self/task/<pid>/schedstat; Linux only) and the GCs inside
 * it (PerformanceObserver `gc` entries). Prints per feed: p50 and p99m (as the bench computes them), the same
 * over the samples that never waited for a core, how many had a GC inside, and for the slowest 2% of the
 * 20-item requests what each was. Run with `--trace-gc` / `--trace-gc-nvp` for V8's own account.
 *
 *   npx tsx bench/coldWhy.ts [samples per feed, default 600]
 */
import { readFileSync } from 'node:fs';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { bumpVersion, doorBody, openBenchApp } from './benchApp.js';
import { ensureStore } from './generateStore.js';
import { percentile } from './stats.js';

interface Sample { start: number; end: number; wait: number }

const n = Number(process.argv[2] ?? 600);
const warmup = 20;
const paths = ['/regions/central-asia.atom', '/regions/central-asia.atom?limit=100'];
const bench = await openBenchApp((await ensureStore(10_000)).path);
const gcs: { start: number; end: number; kind: number }[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcs.push({ start: e.startTime, end: e.startTime + e.duration, kind: ((e as PerformanceEntry & { detail?: { kind?: number } }).detail)?.kind ?? 0 });
}).observe({ entryTypes: ['gc'] });
const kinds: Record<number, string> = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor', [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental', [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak callbacks',
};
const schedstat = `/proc/self/task/${process.pid}/schedstat`;
const waitedNs = () => Number(readFileSync(schedstat, 'utf8').split(' ')[1]);

const samples: Sample[][] = paths.map(() => []);
for (let i = 0; i < warmup + n; i++) {
  for (const [t, path] of paths.entries()) {
    await bumpVersion(bench.store);
    const waited = waitedNs();
    const start = performance.now();
    const res = await bench.app.request(`http://127.0.0.1${path}`);
    await doorBody(res);
    const end = performance.now();
    if (i >= warmup) samples[t].push({ start, end, wait: (waitedNs() - waited) / 1e6 });
  }
}
await new Promise((resolve) => setTimeout(resolve, 100)); // the last GC entries

const wall = (s: Sample) => s.end - s.start;
const gcsIn = (s: Sample) => gcs.filter((g) => g.end > s.start && g.start < s.end);
const p99m = (xs: Sample[]) => {
  const batches: number[] = [];
  for (let b = 0; b + 100 <= xs.length; b += 100) batches.push(percentile(xs.slice(b, b + 100).map(wall), 99));
  return percentile(batches, 50);
};
const f = (ms: number) => `${ms.toFixed(2)} ms`;
for (const [t, xs] of samples.entries()) {
  const calm = xs.filter((s) => s.wait < 0.01);
  console.log(`${paths[t]}: p50 ${f(percentile(xs.map(wall), 50))}, p99m ${f(p99m(xs))}; never waited for a core: ${calm.length}/${xs.length}, ` +
    `p50 ${f(percentile(calm.map(wall), 50))}, p99m ${f(p99m(calm))}; with a GC inside: ${xs.filter((s) => gcsIn(s).length > 0).length}/${xs.length}`);
}
const count: Record<string, number> = {};
for (const g of gcs) count[kinds[g.kind] ?? g.kind] = (count[kinds[g.kind] ?? g.kind] ?? 0) + 1;
console.log(`GCs in the run: ${JSON.stringify(count)}; heap total ${(process.memoryUsage().heapTotal / 2 ** 20).toFixed(0)} MB`);
const slow = samples[0].filter((s) => wall(s) >= percentile(samples[0].map(wall), 98));
for (const s of slow) {
  const inside = gcsIn(s);
  const gcMs = inside.reduce((sum, g) => sum + g.end - g.start, 0);
  const why = gcMs > 0.3 * wall(s) ? 'GC' : s.wait > 0.3 * wall(s) ? 'waiting for a core' : 'work';
  console.log(`  ${f(wall(s))}: waited for a core ${f(s.wait)}; GC ${inside.map((g) => `${kinds[g.kind]} ${f(g.end - g.start)}`).join(', ') || 'none'} -> ${why}`);
}
await bench.close();
