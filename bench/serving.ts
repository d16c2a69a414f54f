/**
 * Serving: the real Node door (its own process) against a bare Hono reference (its own process,
 * nothing of Caravan in it: bench/reference/bareHono.mjs) that sends the same bytes with the same
 * headers, for the 200 of `/regions/central-asia.atom` and its 304 on If-None-Match. wrk (one
 * thread, 50 connections) when installed, else autocannon. The four paths take turns, round by
 * round (the order reversed every other round); each figure is the median over the rounds.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { startDoor } from './door.js';
import { outDir } from './generateStore.js';
import { load, loadGenerator, medianLoad, type Load } from './load.js';

export type { Load };
export const feedPath = '/regions/central-asia.atom';

/** CPU seconds (user + system, all threads) a process has used so far, from /proc (Linux). */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

export interface ServingResult {
  bytes: number;
  generator: string;
  connections: number;
  durationS: number;
  rounds: number;
  caravan: { full: Load; notModified: Load };
  reference: { full: Load; notModified: Load };
  /** Every round's req/s, in the order [reference 200, Caravan 200, reference 304, Caravan 304]. */
  perRound: number[][];
  /**
   * Server CPU time per request (µs, all rounds together), in the same order: what each server
   * spends on a request whatever else the machine runs, so it varies far less than req/s.
   */
  cpuPerRequestUs: number[];
}

/** Response headers both servers send on their own (Node adds them): not part of what is compared. */
const perConnection = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);
/** What wrk sends: no Accept-Encoding (fetch would ask for gzip). */
const identity = { 'Accept-Encoding': 'identity' };
const headersOf = (res: Response) => Object.fromEntries([...res.headers].filter(([k]) => !perConnection.has(k)));

async function startReference(spec: object): Promise<{ base: string; pid: number; stop(): Promise<void> }> {
  const file = join(outDir, 'reference-spec.json');
  writeFileSync(file, JSON.stringify(spec));
  const child = spawn(process.execPath, [join(import.meta.dirname, 'reference', 'bareHono.mjs'), file], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bareHono.mjs exited (${code})`)));
    createInterface({ input: child.stdout! }).once('line', resolve);
  });
  const { port } = JSON.parse(line) as { port: number };
  return {
    base: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Same status, same bytes, same headers (but Date and the connection's own). */
async function sameAnswer(a: string, b: string, headers: Record<string, string>): Promise<void> {
  const h = { ...identity, ...headers };
  const [ra, rb] = await Promise.all([fetch(a, { headers: h }), fetch(b, { headers: h })]);
  const [ba, bb] = [Buffer.from(await ra.arrayBuffer()), Buffer.from(await rb.arrayBuffer())];
  const [ha, hb] = [JSON.stringify(headersOf(ra)), JSON.stringify(headersOf(rb))];
  if (ra.status !== rb.status || !ba.equals(bb) || ha !== hb) {
    throw new Error(`reference differs from Caravan (${JSON.stringify(headers)}): ${ra.status} ${ba.length} B ${ha}\n vs ${rb.status} ${bb.length} B ${hb}`);
  }
}

export async function benchServing(dbPath: string, opts: { durationS: number; rounds: number; connections?: number }): Promise<ServingResult> {
  const connections = opts.connections ?? 50;
  const door = await startDoor(dbPath);
  let reference: Awaited<ReturnType<typeof startReference>> | null = null;
  try {
    const url = door.base + feedPath;
    const first = await fetch(url, { headers: identity });
    const body = Buffer.from(await first.arrayBuffer());
    const etag = first.headers.get('etag');
    if (first.status !== 200 || !etag) throw new Error(`${feedPath}: HTTP ${first.status}, ETag ${etag}`);
    const check = await fetch(url, { headers: { ...identity, 'If-None-Match': etag } });
    await check.arrayBuffer();
    if (check.status !== 304) throw new Error(`${feedPath} with If-None-Match: HTTP ${check.status}, expected 304`);
    reference = await startReference({ path: feedPath, etag, body: body.toString('base64'), headers200: headersOf(first), headers304: headersOf(check) });
    const refUrl = reference.base + feedPath;
    await sameAnswer(refUrl, url, {});
    await sameAnswer(refUrl, url, { 'If-None-Match': etag });

    const inm = { 'If-None-Match': etag };
    const paths: [string, Record<string, string>][] = [[refUrl, {}], [url, {}], [refUrl, inm], [url, inm]];
    // Warm up JIT and connections on every path.
    for (const [u, headers] of paths) await load(u, { durationS: 1, connections, headers });
    const pids = [reference.pid, door.process.pid!, reference.pid, door.process.pid!];
    const cpu = [0, 0, 0, 0];
    const requests = [0, 0, 0, 0];
    const rounds: Load[][] = [];
    for (let i = 0; i < opts.rounds; i++) {
      const order = i % 2 === 0 ? [0, 1, 2, 3] : [3, 2, 1, 0];
      const round: Load[] = [];
      for (const p of order) {
        const before = cpuSeconds(pids[p]!);
        round[p] = await load(paths[p]![0], { durationS: opts.durationS, connections, headers: paths[p]![1] });
        cpu[p] += cpuSeconds(pids[p]!) - before;
        requests[p] += round[p]!.requests;
      }
      rounds.push(round);
    }
    const median = (p: number) => medianLoad(rounds.map((r) => r[p]!));
    const result: ServingResult = {
      bytes: body.length, generator: loadGenerator(), connections, durationS: opts.durationS, rounds: opts.rounds,
      reference: { full: median(0), notModified: median(2) },
      caravan: { full: median(1), notModified: median(3) },
      perRound: rounds.map((r) => r.map((l) => Math.round(l.rps))),
      cpuPerRequestUs: cpu.map((c, p) => (c / requests[p]!) * 1e6),
    };
    for (const [name, l] of [['reference 200', result.reference.full], ['Caravan 200', result.caravan.full], ['reference 304', result.reference.notModified], ['Caravan 304', result.caravan.notModified]] as const) {
      if (l.bad > 0) throw new Error(`serving ${name}: ${l.bad} failed requests`);
    }
    return result;
  } finally {
    await reference?.stop();
    await door.stop();
  }
}
