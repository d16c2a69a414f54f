/**
 * Where a serving process's time goes under load: the real Node door (or the bare Hono
 * reference) under wrk for a few seconds, with the process's CPU time read from /proc before and
 * after (busy share = CPU seconds / wall seconds), wrk's own CPU time, and a V8 CPU profile of the
 * server summarised as idle / GC / program / top functions by self time.
 *
 *   npx tsx bench/serverIdle.ts [--304] [--seconds=5] [--reference]
 */
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { startDoor } from './door.js';
import { ensureStore, outDir } from './generateStore.js';
import { parseWrk, wrk } from './load.js';

const args = process.argv.slice(2);
const seconds = Number(args.find((a) => a.startsWith('--seconds='))?.slice(10) ?? 5);
const notModified = args.includes('--304');
const useReference = args.includes('--reference');
const connections = Number(args.find((a) => a.startsWith('--c='))?.slice(4) ?? 50);
const feedPath = '/regions/central-asia.atom';

const ticks = (pid: number) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) / 100; // utime + stime, in seconds (USER_HZ = 100)
};

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
/** Run-queue wait of the main thread (ns in /proc/<pid>/schedstat): runnable but not running, i.e. other processes had the cores. */
const waited = (pid: number) => Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[1]) / 1e9;

/** Self time by function over the last `windowS` seconds of the profile (the load, not start-up). */
function summarise(file: string, windowS: number): string {
  const prof = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; endTime: number };
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  let at = prof.endTime;
  for (let i = prof.samples.length - 1; i >= 0 && at > prof.endTime - windowS * 1e6; i--) {
    const id = prof.samples[i]!;
    self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[i + 1] ?? prof.timeDeltas[i] ?? 0));
    at -= prof.timeDeltas[i] ?? 0;
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const named = new Map<string, number>();
  for (const [id, us] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const name = `${functionName || '(anonymous)'} ${url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/(src|bench)\//, '$1/')}:${lineNumber + 1}`;
    named.set(name, (named.get(name) ?? 0) + us);
  }
  const pct = (us: number) => `${((us / total) * 100).toFixed(1)}%`;
  const top = [...named].sort((a, b) => b[1] - a[1]).slice(0, 25);
  return [`profile ${(total / 1e6).toFixed(2)} s`, ...top.map(([n, us]) => `  ${pct(us).padStart(6)}  ${n}`)].join('\n');
}

const store = (await ensureStore(10_000)).path;
const profDir = join(outDir, 'prof');
rmSync(profDir, { recursive: true, force: true });
mkdirSync(profDir, { recursive: true });
const nodeArgs = ['--cpu-prof', `--cpu-prof-dir=${profDir}`];
let base: string;
let pid: number;
let stop: () => Promise<void>;
let etag: string | null;
if (useReference) {
  const door = await startDoor(store);
  const first = await fetch(door.base + feedPath, { headers: { 'accept-encoding': 'identity' } });
  const body = Buffer.from(await first.arrayBuffer());
  etag = first.headers.get('etag');
  const check = await fetch(door.base + feedPath, { headers: { 'accept-encoding': 'identity', 'if-none-match': etag! } });
  const drop = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);
  const h = (r: Response) => Object.fromEntries([...r.headers].filter(([k]) => !drop.has(k)));
  const spec = join(outDir, 'reference-spec.json');
  writeFileSync(spec, JSON.stringify({ path: feedPath, etag, body: body.toString('base64'), headers200: h(first), headers304: h(check) }));
  await door.stop();
  const child = spawn(process.execPath, [...nodeArgs, join(import.meta.dirname, 'reference', 'bareHono.mjs'), spec], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve));
  base = `http://127.0.0.1:${JSON.parse(line).port}`;
  pid = child.pid!;
  stop = async () => {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
} else {
  const door = await startDoor(store, { nodeArgs });
  base = door.base;
  pid = door.process.pid!;
  stop = door.stop;
  etag = (await fetch(base + feedPath, { headers: { 'accept-encoding': 'identity' } })).headers.get('etag');
}
const header = notModified ? ['-H', `If-None-Match: ${etag}`] : [];
const run = (s: number) =>
  new Promise<{ out: string; cpu: string }>((resolve, reject) =>
    execFile('/usr/bin/time', ['-f', '%U %S', wrk()!, '-t1', `-c${connections}`, `-d${s}s`, '--latency', ...header, base + feedPath], { encoding: 'utf8' }, (e, out, err) =>
      e ? reject(e) : resolve({ out, cpu: err.trim().split('\n').pop()! })),
  );
await run(1);
const c0 = ticks(pid);
const q0 = waited(pid);
const t0 = performance.now();
const { out, cpu } = await run(seconds);
const wall = (performance.now() - t0) / 1000;
const busy = ticks(pid) - c0;
const queued = waited(pid) - q0;
await stop();
const load = parseWrk(out);
const [wu, ws] = cpu.split(' ').map(Number);
console.log(`${useReference ? 'bare Hono reference' : 'Caravan door'} ${notModified ? '304' : '200'}, wrk -t1 -c${connections} ${seconds} s: ${Math.round(load.rps)} req/s, p50 ${load.p50} ms, p99 ${load.p99} ms`);
console.log(`server CPU ${busy.toFixed(2)} s of ${wall.toFixed(2)} s wall = ${((busy / wall) * 100).toFixed(0)}% busy; ${((busy / load.requests) * 1e6).toFixed(1)} us CPU per request; wrk CPU ${(wu! + ws!).toFixed(2)} s (${(((wu! + ws!) / wall) * 100).toFixed(0)}%)`);
console.log(`server main thread waiting on the run queue (runnable, no core free): ${queued.toFixed(2)} s = ${((queued / wall) * 100).toFixed(0)}%; neither (waiting for the network): ${(((wall - busy - queued) / wall) * 100).toFixed(0)}% (CPU time counts all threads)`);
console.log(`load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
if (file) console.log(summarise(join(profDir, file), wall - 0.1));
