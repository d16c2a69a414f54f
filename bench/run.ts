/**
 * The whole bench: serving, cold render, scale, ingestion; prints the report and writes it.
 *
 *   npm run bench                 full: 10k/100k/1M stores, 1,000 feeds (< 10 min; the 1M store is cached after the first run)
 *   npm run bench -- --quick      CI smoke: 10k/100k stores, 100 feeds (< 2 min), written to bench/.out/RESULTS.quick.md
 *   npm run bench -- --only=serving,cold,scale,ingestion,postgres   a subset (written to bench/.out/ only)
 *   npm run bench -- --strict     exit 1 when a target is missed
 */
import { join } from 'node:path';
import { benchColdRender } from './coldRender.js';
import { ensureStore, outDir } from './generateStore.js';
import { buildDoor } from './door.js';
import { benchIngestion } from './ingestion.js';
import { loadAverage, machine } from './machine.js';
import { benchPostgres } from './postgres.js';
import { renderReport, targets, writeResults, type BenchResults } from './report.js';
import { benchScale } from './scale.js';
import { benchServing } from './serving.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const runs = (part: string) => !only || only.includes(part);

const plan = quick
  ? { serving: { durationS: 1, rounds: 3 }, coldIterations: 300, sizes: [10_000, 100_000], postgresSizes: [10_000, 30_000], scaleIterations: 150, feeds: 100, perFeed: 10, ingestRounds: 1 }
  : { serving: { durationS: 3, rounds: 5 }, coldIterations: 600, sizes: [10_000, 100_000, 1_000_000], postgresSizes: [10_000, 100_000, 1_000_000], scaleIterations: 600, feeds: 1000, perFeed: 10, ingestRounds: 3 };

const started = performance.now();
const log = (line: string) => console.error(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
const results: BenchResults = { machine: machine(), loadAtEnd: 0, quick, wallS: 0 };

log(`bench ${quick ? 'quick' : 'full'}: ${JSON.stringify(plan)}`);
// The door the bench starts is the compiled one, `npm start`'s: build it from this tree first.
buildDoor();
const small = (await ensureStore(10_000, log)).path;
if (runs('serving')) {
  log('serving ...');
  results.serving = await benchServing(small, plan.serving);
}
if (runs('cold')) {
  log('cold render ...');
  results.cold = await benchColdRender(small, plan.coldIterations);
}
if (runs('scale')) {
  log(`scale ${plan.sizes.join(', ')} ...`);
  results.scale = await benchScale(plan.sizes, plan.scaleIterations, log);
}
if (runs('ingestion')) {
  log(`ingestion, ${plan.feeds} feeds x ${plan.perFeed} items ...`);
  results.ingestion = await benchIngestion(plan.feeds, plan.perFeed, plan.ingestRounds);
}
if (runs('postgres')) {
  log(`postgres ${plan.postgresSizes.join(', ')} ...`);
  results.postgres = await benchPostgres(plan.postgresSizes, plan.scaleIterations, log);
}
results.loadAtEnd = loadAverage();
results.wallS = (performance.now() - started) / 1000;

console.log(renderReport(results));
const file = quick || only ? join(outDir, quick ? 'RESULTS.quick.md' : 'RESULTS.partial.md') : join(import.meta.dirname, 'RESULTS.md');
writeResults(file, results);
log(`written to ${file}`);
const missed = targets(results).filter((t) => !t.met);
if (args.includes('--strict') && missed.length > 0) process.exitCode = 1;
process.exit(process.exitCode ?? 0);
