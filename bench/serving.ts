/**
 * Serving: autocannon (50 connections, loopback) against /regions/central-asia.atom, full 200
 * and If-None-Match 304, each divided by /__bench/static (same size, same server process). The
 * server runs in its own process; the three paths alternate in rounds so drift hits all alike.
 */
import autocannon from 'autocannon';
import { startBenchServer } from './child.js';

export const feedPath = '/regions/central-asia.atom';

export interface Load {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  bad: number;
}

export interface ServingResult {
  bytes: number;
  static: Load;
  full: Load;
  notModified: Load;
  durationS: number;
  rounds: number;
}

async function load(url: string, durationS: number, headers: Record<string, string> = {}): Promise<Load & { latencies: number[] }> {
  const r = await autocannon({ url, connections: 50, duration: durationS, headers });
  return {
    rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, requests: r.requests.total,
    bad: r.errors + r.timeouts + r['4xx'] + r['5xx'], latencies: [r.latency.p50, r.latency.p99],
  };
}

/** Requests-weighted mean of rounds. */
function combine(rounds: Load[]): Load {
  const total = rounds.reduce((n, r) => n + r.requests, 0);
  const w = (f: (r: Load) => number) => rounds.reduce((s, r) => s + f(r) * r.requests, 0) / Math.max(1, total);
  return { rps: w((r) => r.rps), p50: w((r) => r.p50), p99: w((r) => r.p99), requests: total, bad: rounds.reduce((n, r) => n + r.bad, 0) };
}

export async function benchServing(dbPath: string, opts: { durationS: number; rounds: number }): Promise<ServingResult> {
  const server = await startBenchServer(dbPath);
  try {
    const base = `http://127.0.0.1:${server.port}`;
    const first = await fetch(base + feedPath);
    const bytes = (await first.arrayBuffer()).byteLength;
    const etag = first.headers.get('etag');
    if (first.status !== 200 || !etag) throw new Error(`${feedPath}: HTTP ${first.status}, ETag ${etag}`);
    const check = await fetch(base + feedPath, { headers: { 'If-None-Match': etag } });
    if (check.status !== 304) throw new Error(`${feedPath} with If-None-Match: HTTP ${check.status}, expected 304`);
    const staticBytes = (await (await fetch(`${base}/__bench/static`)).arrayBuffer()).byteLength;
    if (staticBytes !== bytes) throw new Error(`static route is ${staticBytes} bytes, feed ${bytes}`);

    // Warm up JIT and connections on every path.
    for (const [url, h] of [[`${base}/__bench/static`, {}], [base + feedPath, {}], [base + feedPath, { 'If-None-Match': etag }]] as const) {
      await load(url, 1, h);
    }
    const rounds: { static: Load; full: Load; notModified: Load }[] = [];
    for (let i = 0; i < opts.rounds; i++) {
      rounds.push({
        static: await load(`${base}/__bench/static`, opts.durationS),
        full: await load(base + feedPath, opts.durationS),
        notModified: await load(base + feedPath, opts.durationS, { 'If-None-Match': etag }),
      });
    }
    const result: ServingResult = {
      bytes,
      static: combine(rounds.map((r) => r.static)),
      full: combine(rounds.map((r) => r.full)),
      notModified: combine(rounds.map((r) => r.notModified)),
      durationS: opts.durationS,
      rounds: opts.rounds,
    };
    for (const [name, l] of Object.entries(result)) {
      if (typeof l === 'object' && l.bad > 0) throw new Error(`serving ${name}: ${l.bad} failed requests`);
    }
    return result;
  } finally {
    await server.stop();
  }
}
