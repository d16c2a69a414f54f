/**
 * The PostgreSQL store in the bench: the same synthetic items as the SQLite stores (syntheticItem)
 * in one database per size on a local PostgreSQL server the bench starts itself (kept under
 * bench/.out/postgres/ so later runs reuse the databases), the same scale queries as cold requests
 * through the real app (`DATABASE_URL`), the sizes taking turns, and EXPLAIN ANALYZE of each
 * feed query on the largest store.
 *
 *   npm run bench -- --only=postgres          this part alone (written to bench/.out/RESULTS.partial.md)
 *   tsx bench/postgres.ts 10000 100000        print the figures for these sizes
 */
import { join } from 'node:path';
import pg from 'pg';
import { itemQuerySql } from '../src/store/itemQuerySql.js';
import { numberPlaceholders } from '../src/store/pgConnector.js';
import { openPostgresStore, tsvectorSearch } from '../src/store/postgres.js';
import { analyzePostgres, bulkInsertPostgres } from '../src/store/postgresBulk.js';
import type { KeyedItem } from '../src/store/store.js';
import { postgresAvailability, queryOnce, startPostgres, type PostgresServer } from '../tests/helpers/postgresServer.js';
import { interleavedCold, openBenchApp, type BenchApp } from './benchApp.js';
import { outDir, syntheticItem } from './generateStore.js';
import { scaleQueries } from './scale.js';
import type { Latency } from './stats.js';
import { loadVocabulary } from './text.js';
import { mb, ms, ratio } from './stats.js';

/** Bump when the generated content or the schema changes, so kept databases are rebuilt. */
const generation = 3;
const batchSize = 5_000;

export interface PostgresBenchResult {
  skipped?: string;
  server?: string;
  sizes: { items: number; generatedMs: number | null; dbBytes: number; cold: (Latency & { path: string })[] }[];
  plans: { name: string; sql: string; plan: string[] }[];
}


/** The database of n synthetic items, generated unless a complete one is kept from an earlier run. */
async function ensureDatabase(server: PostgresServer, n: number, log: (line: string) => void) {
  const name = `bench_${n}_g${generation}`;
  const url = server.url(name);
  const exists = (await queryOnce(server.url(), 'SELECT 1 FROM pg_database WHERE datname = $1', [name])).length > 0;
  if (exists) {
    const [done] = await queryOnce<{ n: number }>(url, "SELECT value::int AS n FROM meta WHERE key = 'bench_items'").catch(() => []);
    if (done?.n === n) return { url, generatedMs: null };
    await queryOnce(server.url(), `DROP DATABASE "${name}"`);
  }
  await queryOnce(server.url(), `CREATE DATABASE "${name}"`);
  const store = await openPostgresStore({ url, poolMax: 2, statementTimeoutMs: 0 });
  await store.close();
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const started = performance.now();
  const vocab = loadVocabulary();
  try {
    for (let from = 0; from < n; from += batchSize) {
      const batch: KeyedItem[] = [];
      for (let i = from; i < Math.min(n, from + batchSize); i++) batch.push(syntheticItem(i, n, vocab));
      await bulkInsertPostgres(pool, batch);
      if ((from / batchSize) % 20 === 19) log(`  postgres ${n}: ${from + batchSize} items, ${((performance.now() - started) / 1000).toFixed(0)} s`);
    }
    await analyzePostgres(pool);
  } finally {
    await pool.end();
  }
  // Marks the database complete (a load killed half-way is generated again).
  await queryOnce(url, "INSERT INTO meta (key, value) VALUES ('bench_items', $1)", [n]);
  return { url, generatedMs: performance.now() - started };
}

/** EXPLAIN ANALYZE of each scale query, SQL as the PostgreSQL store builds it. */
async function queryPlans(url: string): Promise<PostgresBenchResult['plans']> {
  const plans: PostgresBenchResult['plans'] = [];
  for (const { name, query: q } of scaleQueries) {
    const { sql, params } = itemQuerySql(q, tsvectorSearch);
    const rows = await queryOnce<{ 'QUERY PLAN': string }>(url, `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ${numberPlaceholders(sql)}`, params);
    plans.push({ name, sql, plan: rows.map((r) => r['QUERY PLAN']) });
  }
  return plans;
}

export async function benchPostgres(sizes: number[], iterations: number, log: (line: string) => void): Promise<PostgresBenchResult> {
  const available = postgresAvailability();
  if (available.status !== 'ok') return { skipped: available.message, sizes: [], plans: [] };
  const server = await startPostgres({ dir: join(outDir, 'postgres') });
  const apps: BenchApp[] = [];
  try {
    const [{ version }] = await queryOnce<{ version: string }>(server.url(), 'SELECT version()');
    const stores: { items: number; url: string; generatedMs: number | null }[] = [];
    for (const items of sizes) {
      const { url, generatedMs } = await ensureDatabase(server, items, log);
      if (generatedMs !== null) log(`  postgres: generated ${items} items in ${(generatedMs / 1000).toFixed(1)} s`);
      stores.push({ items, url, generatedMs });
    }
    for (const s of stores) apps.push(await openBenchApp(':memory:', { DATABASE_URL: s.url, DATABASE_POOL_MAX: '4' }));
    const targets = apps.flatMap((bench) => scaleQueries.map((q) => ({ bench, path: q.path })));
    const cold = await interleavedCold(targets, iterations);
    const out: PostgresBenchResult['sizes'] = [];
    for (const [i, s] of stores.entries()) {
      const [{ bytes }] = await queryOnce<{ bytes: number }>(s.url, 'SELECT pg_database_size(current_database())::float8 AS bytes');
      out.push({
        items: s.items, generatedMs: s.generatedMs, dbBytes: bytes,
        cold: scaleQueries.map((q, j) => ({ path: q.path, ...cold[i * scaleQueries.length + j] })),
      });
    }
    return { server: version.split(' on ')[0], sizes: out, plans: await queryPlans(stores[stores.length - 1].url) };
  } finally {
    await Promise.all(apps.map((a) => a.close()));
    await server.stop();
  }
}

const kItems = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`);

/** The targets: the same 1M / 10k cold p99 ratio (<= 1.5) as SQLite, and the cold feed p99 (< 5 ms) at 10k. */
export function postgresTargets(r: PostgresBenchResult): { what: string; value: string; target: string; met: boolean }[] {
  if (r.skipped || r.sizes.length === 0) return [];
  const small = r.sizes[0];
  const large = r.sizes[r.sizes.length - 1];
  const region = scaleQueries.findIndex((q) => q.name === 'region group');
  const t = [{ what: `PostgreSQL: cold feed p99, ${kItems(small.items)}, \`${scaleQueries[region].path}\``, value: ms(small.cold[region].p99m), target: '< 5 ms', met: small.cold[region].p99m < 5 }];
  if (r.sizes.length > 1) {
    scaleQueries.forEach((q, i) => {
      if (!q.targeted) return;
      const value = large.cold[i].p99m / small.cold[i].p99m;
      t.push({ what: `PostgreSQL: scale p99 ${kItems(large.items)} / ${kItems(small.items)}: ${q.name}`, value: ratio(value), target: '<= 1.5', met: value <= 1.5 });
    });
  }
  return t;
}

export function renderPostgres(r: PostgresBenchResult): string {
  if (r.skipped) return `\n### PostgreSQL store\n\nSkipped: ${r.skipped}.\n`;
  const sizes = r.sizes;
  const head = ['query', ...sizes.map((s) => kItems(s.items)), sizes.length > 1 ? `${kItems(sizes[sizes.length - 1].items)} / ${kItems(sizes[0].items)}` : ''];
  const rows = scaleQueries.map((q, i) => [
    `${q.name} \`${q.path}\``,
    ...sizes.map((s) => `${ms(s.cold[i].p99m)} (${ms(s.cold[i].p50)})`),
    sizes.length > 1 ? `${ratio(sizes[sizes.length - 1].cold[i].p99m / sizes[0].cold[i].p99m)}${q.targeted ? '' : ', not targeted'}` : '',
  ]);
  rows.push(['database size', ...sizes.map((s) => mb(s.dbBytes)), '']);
  rows.push(['generated in (this run)', ...sizes.map((s) => (s.generatedMs === null ? 'kept' : `${(s.generatedMs / 1000).toFixed(0)} s`)), '']);
  const table = [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)];
  return [
    `\n### PostgreSQL store\n\n${r.server}, a local server the bench starts (127.0.0.1, fsync off: a throwaway). Cold p99 (p50), ${sizes[0].cold[0].n} samples per cell, through the real app with \`DATABASE_URL\` (pool of 4), each request after an upsert that bumps the store version; sizes and queries taking turns; p99 as in Cold render. Items are the SQLite stores' synthetic items, bulk-loaded (multi-row INSERTs of 5,000) with the same rows \`upsertItems\` writes.\n`,
    table.join('\n'),
    `\nQuery plans (EXPLAIN ANALYZE on the ${kItems(sizes[sizes.length - 1].items)} database, SQL as the PostgreSQL store builds it):\n`,
    '```',
    ...r.plans.flatMap((p) => [`${p.name}:`, ...p.plan.map((l) => `  ${l}`)]),
    '```',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const result = await benchPostgres(sizes.length > 0 ? sizes : [10_000, 100_000], 150, (line) => console.error(line));
  console.log(renderPostgres(result));
  for (const t of postgresTargets(result)) console.log(`${t.what}: ${t.value} (target ${t.target}) ${t.met ? 'met' : 'MISSED'}`);
  process.exit(0);
}
