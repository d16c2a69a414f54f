/**
 * The bench report: markdown tables for stdout and bench/RESULTS.md, each figure with its target
 * and whether it is met. RESULTS.md keeps everything from its "## History" heading on.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { ColdResult } from './coldRender.js';
import { medianBy, upstreamHosts, type FloorRound, type IngestionResult } from './ingestion.js';
import { describeMachine, type Machine } from './machine.js';
import { postgresTargets, renderPostgres, type PostgresBenchResult } from './postgres.js';
import { scaleQueries, type ScaleResult } from './scale.js';
import type { Load, ServingResult } from './serving.js';
import { int, mb, ms, ratio } from './stats.js';

export interface BenchResults {
  machine: Machine;
  loadAtEnd: number;
  quick: boolean;
  wallS: number;
  serving?: ServingResult;
  cold?: ColdResult[];
  scale?: ScaleResult;
  ingestion?: IngestionResult;
  postgres?: PostgresBenchResult;
}

interface Target {
  what: string;
  value: string;
  target: string;
  met: boolean;
}

const table = (head: string[], rows: string[][]) =>
  [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const kItems = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`);
/**
 * Caravan / reference req/s as the rounds pair them: the median over the rounds of the ratio
 * within each round, whose paths ran back to back on the same machine state (a burst of other
 * work lands on both sides of one pair, instead of moving one side's median alone).
 */
export function pairedRatio(perRound: number[][], caravan: number, reference: number): number {
  const ratios = perRound.map((r) => r[caravan]! / r[reference]!).sort((a, b) => a - b);
  const m = ratios.length >> 1;
  return ratios.length % 2 ? ratios[m]! : (ratios[m - 1]! + ratios[m]!) / 2;
}

const yes = (met: boolean) => (met ? 'met' : '**MISSED**');

export function targets(r: BenchResults): Target[] {
  const t: Target[] = [];
  if (r.serving) {
    const s = r.serving;
    const full = pairedRatio(s.perRound, 1, 0);
    const nm = pairedRatio(s.perRound, 3, 2);
    t.push({ what: 'serving 200: Caravan / bare Hono, same bytes', value: ratio(full), target: '>= 0.85', met: full >= 0.85 });
    t.push({ what: 'serving 304: Caravan / bare Hono 304, same headers', value: ratio(nm), target: '>= 0.85', met: nm >= 0.85 });
  }
  if (r.cold) {
    for (const [items, bound] of [[20, 2], [100, 8]] as const) {
      const c = r.cold.find((x) => x.items === items);
      if (c) t.push({ what: `cold render p99, ${items} items Atom`, value: ms(c.latency.p99m), target: `< ${bound} ms`, met: c.latency.p99m < bound });
    }
  }
  if (r.scale && r.scale.sizes.length > 1) {
    const small = r.scale.sizes[0];
    const large = r.scale.sizes[r.scale.sizes.length - 1];
    const label = `${kItems(large.items)} / ${kItems(small.items)}`;
    scaleQueries.forEach((q, i) => {
      if (!q.targeted) return;
      const value = large.cold[i].p99m / small.cold[i].p99m;
      t.push({ what: `scale p99 ${label}: ${q.name}`, value: ratio(value), target: '<= 1.3', met: value <= 1.3 });
    });
    const common = scaleQueries.findIndex((q) => q.name === 'search (30% word)');
    if (common >= 0) {
      const p99 = large.cold[common].p99m;
      t.push({ what: `search for a word in 30% of items at ${kItems(large.items)}, p99`, value: ms(p99), target: '< 20 ms', met: p99 < 20 });
    }
    t.push({ what: `start-up to first feed at ${kItems(large.items)}`, value: ms(large.door.startMs, 0), target: '< 400 ms', met: large.door.startMs < 400 });
    t.push({ what: `server RSS at ${kItems(large.items)} after the runs (peak)`, value: mb(large.memory.peakRss), target: '< 150 MB', met: large.memory.peakRss < 150 * 2 ** 20 });
  }
  if (r.ingestion) {
    const i = r.ingestion;
    t.push({ what: `ingestion, ${i.feeds} feeds x ${i.perFeed} new items: items/s`, value: int(i.first.itemsPerS), target: '>= 4,000', met: i.first.itemsPerS >= 4000 });
    t.push({ what: `ingestion, ${i.feeds} feeds: all-304 run`, value: ms(i.second.ms, 0), target: '< 1,000 ms', met: i.second.ms < 1000 });
  }
  if (r.postgres) t.push(...postgresTargets(r.postgres));
  return t;
}

export function renderReport(r: BenchResults): string {
  const out: string[] = [];
  out.push(`Run ${r.machine.date}, ${r.quick ? '**quick mode** (smaller stores and fewer feeds; not the figures of record)' : 'full mode'}, ${Math.round(r.wallS)} s.`);
  out.push(`Machine: ${describeMachine(r.machine)}, ${r.loadAtEnd} at end.`);
  out.push('Every throughput and scale figure is a ratio to a reference measured in the same run; absolute times depend on the machine and its load.');

  out.push('\n### Targets\n');
  out.push(table(['measure', 'value', 'target', ''], targets(r).map((t) => [t.what, t.value, t.target, yes(t.met)])));

  if (r.serving) {
    const s = r.serving;
    out.push(`\n### Serving\n\n${s.generator}, ${s.connections} connections, loopback, ${s.rounds} rounds of ${s.durationS} s per path (after 1 s of warm-up each), the four paths taking turns (order reversed every other round); figures are medians over the rounds. Caravan is the real Node door (\`node dist/node.js serve\`, compiled, 10k store) in its own process; the reference is \`bench/reference/bareHono.mjs\` in another (plain hono + @hono/node-server, nothing of Caravan), sending the same ${int(s.bytes)} bytes with the same headers (checked before the run), and for If-None-Match a 304 with the same headers.\n`);
    const row = (name: string, l: Load, ref: Load) => [name, int(l.rps), ms(l.p50), ms(l.p99), ratio(l.rps / ref.rps)];
    out.push(table(['path', 'req/s', 'p50', 'p99', 'ratio'], [
      row('bare Hono, 200 (same bytes and headers)', s.reference.full, s.reference.full),
      row('Caravan `/regions/central-asia.atom` 200', s.caravan.full, s.reference.full),
      row('bare Hono, 304 (same headers)', s.reference.notModified, s.reference.notModified),
      row('Caravan `/regions/central-asia.atom` 304 (If-None-Match)', s.caravan.notModified, s.reference.notModified),
    ]));
    out.push(`\nreq/s per round (reference 200, Caravan 200, reference 304, Caravan 304): ${s.perRound.map((r) => r.map(int).join(' / ')).join('; ')}.`);
    out.push(`\nThe targets' ratios pair the rounds: the median over the rounds of Caravan / reference within each round, 200 ${ratio(pairedRatio(s.perRound, 1, 0))}, 304 ${ratio(pairedRatio(s.perRound, 3, 2))} (per round, 200: ${s.perRound.map((r) => ratio(r[1]! / r[0]!)).join(' / ')}; 304: ${s.perRound.map((r) => ratio(r[3]! / r[2]!)).join(' / ')}). The table's ratio column divides the medians.`);
    const [r200, c200, r304, c304] = s.cpuPerRequestUs;
    out.push(`\nServer CPU time per request (user + system, from /proc, over all rounds; it depends far less on what else the machine runs than req/s does): 200: bare Hono ${r200!.toFixed(1)} µs, Caravan ${c200!.toFixed(1)} µs (reference / Caravan ${ratio(r200! / c200!)}); 304: bare Hono ${r304!.toFixed(1)} µs, Caravan ${c304!.toFixed(1)} µs (${ratio(r304! / c304!)}).`);
  }
  if (r.cold) {
    out.push('\n### Cold render\n\nIn process (`app.request`, with the Request and Response of @hono/node-server in place of the global ones, as in the door), each request right after an upsert that bumps the store version (not timed), timed to the bytes the door would write to the socket (no web Response is made of them, as in the door), 10k store, the two feeds taking turns. p99 = median of the p99s of consecutive batches of about 100 samples (what the target is checked against; it keeps one burst of other work on a shared machine from deciding it); p99 all = over every sample, max = the worst. CPU: the same requests in process CPU time (user + system), which time spent waiting for a core while other processes run does not count.\n');
    out.push(table(['feed', 'samples', 'p50', 'p99', 'p99 all', 'max', 'CPU p50', 'CPU p99', 'bytes'], r.cold.map((c) => [
      `${c.items} items \`${c.path}\``, String(c.latency.n), ms(c.latency.p50), ms(c.latency.p99m), ms(c.latency.p99), ms(c.latency.max),
      ms(c.latency.cpu.p50), ms(c.latency.cpu.p99m), int(c.latency.bytes),
    ])));
  }
  if (r.scale) {
    const sizes = r.scale.sizes;
    out.push(`\n### Scale\n\nCold p99 (p50), ${sizes[0].cold[0].n} samples per cell: every size open in one process, requests taking turns across sizes and queries, each after a version bump; p99 as in Cold render. Memory: a fresh bench server process per size after ${60} cold renders of each query (peak = VmHWM). Start-up: \`node dist/node.js serve\` (compiled, as \`npm start\`) on the existing store, spawn to the first 200 of \`/regions/central-asia.atom\` (OS page cache warm).\n`);
    const head = ['query', ...sizes.map((s) => kItems(s.items)), sizes.length > 1 ? `${kItems(sizes[sizes.length - 1].items)} / ${kItems(sizes[0].items)}` : ''];
    const rows = scaleQueries.map((q, i) => [
      `${q.name} \`${q.path}\``,
      ...sizes.map((s) => `${ms(s.cold[i].p99m)} (${ms(s.cold[i].p50)})`),
      sizes.length > 1
        ? `${ratio(sizes[sizes.length - 1].cold[i].p99m / sizes[0].cold[i].p99m)} (p50 ${ratio(sizes[sizes.length - 1].cold[i].p50 / sizes[0].cold[i].p50)})${q.targeted ? '' : ', not targeted'}`
        : '',
    ]);
    rows.push(['bench server RSS after the runs (peak)', ...sizes.map((s) => `${mb(s.memory.rss)} (${mb(s.memory.peakRss)})`), '']);
    rows.push(['door RSS after one request per query', ...sizes.map((s) => mb(s.door.rss)), '']);
    rows.push(['door start-up to first feed', ...sizes.map((s) => ms(s.door.startMs, 0)), '']);
    rows.push(['store file', ...sizes.map((s) => mb(s.dbBytes)), '']);
    rows.push(['generated in (this run)', ...sizes.map((s) => (s.generatedMs === null ? 'cached' : `${(s.generatedMs / 1000).toFixed(0)} s`)), '']);
    out.push(table(head, rows));
    out.push(`\nQuery plans (EXPLAIN QUERY PLAN on the ${kItems(sizes[sizes.length - 1].items)} store, SQL as \`itemQuerySql\` builds it):\n`);
    out.push('```');
    for (const p of r.scale.plans) out.push(`${p.name}:`, ...p.plan.map((l) => `  ${l}`));
    out.push('```');
  }
  if (r.ingestion) out.push(renderIngestion(r.ingestion));
  if (r.postgres) out.push(renderPostgres(r.postgres));
  return out.join('\n');
}

function renderIngestion(i: IngestionResult): string {
  const out: string[] = [];
  const us = (cpuMs: number, items: number) => `${int((cpuMs * 1000) / items)} µs`;
  out.push(`\n### Ingestion\n\n${i.feeds} loopback feeds x ${i.perFeed} new entries (7/10 RSS 2.0, 2/10 Atom, 1/10 JSON Feed; HTML content to sanitize; synthetic text to classify) through \`runIngestion\`, default limits (8 fetches at once, 2 per host), SQLite file store (fresh each round). The feeds are spread over ${upstreamHosts} loopback ports of one upstream process, i.e. ${upstreamHosts} hosts to Caravan, as a thousand real feeds are on many hosts. CPU: the bench process's CPU time during the run (Caravan's ingestion runs in it, its feed-reader worker thread included; the upstream is another process). ${i.rounds} round(s), Caravan and the floor taking turns (order reversed every other round); figures are the median round (by items/s; the all-304 run by its wall time).\n`);
  out.push(table(['run', 'wall', 'CPU', 'CPU per item', 'items stored', 'items/s', 'notes'], [
    ['first (fetch, parse, sanitize, classify, store)', ms(i.first.ms, 0), ms(i.first.cpuMs, 0), us(i.first.cpuMs, i.first.inserted), int(i.first.inserted), int(i.first.itemsPerS),
      `${i.first.status}; main thread ${us(i.first.mainThreadCpuMs, i.first.inserted)} per item; upstream process ${ms(i.first.upstreamCpuMs, 0)} CPU`],
    ['second (every source 304)', ms(i.second.ms, 0), ms(i.second.cpuMs, 0), '', int(i.second.inserted), '', `${i.second.notModified} x 304, ${i.second.status}`],
  ]));
  out.push(`\nCaravan per round (first run items/s, CPU per item; all-304 run): ${i.caravan.map((c) => `${int(c.first.itemsPerS)}, ${us(c.first.cpuMs, c.first.inserted)}; ${ms(c.second.ms, 0)}`).join(' / ')}.`);

  const floors = [['in the ingesting thread', i.floor.inline], ['parsing in a worker thread', i.floor.worker]] as const;
  const best = floors.map(([, runs]) => medianBy(runs, (r) => r.itemsPerS)).sort((a, b) => b.itemsPerS - a.itemsPerS)[0];
  out.push(`\n**The floor: what this machine allows with the design card's packages.** \`bench/reference/ingestFloor.mjs\`, run by plain \`node\` in a process of its own with nothing of Caravan in it, does the irreducible job on the same feeds from the same upstream process: fetch each feed (global \`fetch\`, i.e. undici; 8 at once, 2 per host, at most 32 bodies held), parse it (rss-parser; \`JSON.parse\` for JSON Feed), sanitize each entry's HTML (sanitize-html, an allowlist), take the text from the sanitized HTML, and insert each item with its text into SQLite (better-sqlite3, WAL, \`synchronous = NORMAL\`) with an FTS5 index kept by a trigger, sources written in order while later ones are fetched, whole sources per transaction up to 200 items (the same number of transactions as Caravan). No ids hashed, no dedupe, no classification, no tags, no feed rank, no search terms, no run record.\n`);
  const floorRow = (name: string, runs: readonly FloorRound[]) => {
    const m = medianBy(runs, (r) => r.itemsPerS);
    return [name, ms(m.wallMs, 0), ms(m.cpuMs, 0), us(m.cpuMs, m.items), us(m.mainThreadCpuMs, m.items), int(m.items), int(m.itemsPerS), String(m.transactions),
      runs.map((r) => int(r.itemsPerS)).join(' / ')];
  };
  const caravanRow = ['Caravan (`runIngestion`, the Node door\'s deps)', ms(i.first.ms, 0), ms(i.first.cpuMs, 0), us(i.first.cpuMs, i.first.inserted), us(i.first.mainThreadCpuMs, i.first.inserted),
    int(i.first.inserted), int(i.first.itemsPerS), '', i.caravan.map((c) => int(c.first.itemsPerS)).join(' / ')];
  out.push(table(['pipeline', 'wall', 'CPU', 'CPU per item', 'main thread CPU per item', 'items', 'items/s', 'transactions', 'items/s per round'], [
    ...floors.map(([name, runs]) => floorRow(`floor, ${name}`, runs)),
    caravanRow,
  ]));
  out.push(`\nCaravan / the faster floor: items/s ${ratio(i.first.itemsPerS / best.itemsPerS)}, CPU per item ${ratio((i.first.cpuMs / i.first.inserted) / (best.cpuMs / best.items))} times the floor's. The 4,000 items/s target needs <= 500 µs of CPU per item with both cores busy all the time and nothing else running (the upstream process took ${ms(best.upstreamCpuMs, 0)} of CPU in the floor's run).`);
  return out.join('\n');
}

const historyTemplate = `## History

Before/after figures for optimisations: one entry per change, newest first, with the commit and the figures the change moved.
`;

export function writeResults(path: string, r: BenchResults): void {
  const old = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const at = old.indexOf('\n## History');
  const history = at >= 0 ? old.slice(at + 1) : historyTemplate;
  const head = `# Caravan benchmarks\n\nWritten by \`npm run bench\` (bench/run.ts). Everything above "History" is replaced on each run.\n\n## Latest run\n\n`;
  writeFileSync(path, `${head}${renderReport(r)}\n\n${history.trimEnd()}\n`);
}
