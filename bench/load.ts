/**
 * HTTP load on loopback: `wrk` (one thread, C, so the load generator takes at most one of the two
 * cores and little of it) when installed, else autocannon (Node, in this process; noisier, and on
 * 2 cores it competes with the server). Every figure in RESULTS.md says which one measured it.
 */
import { execFile, execFileSync } from 'node:child_process';
import autocannon from 'autocannon';

export interface Load {
  rps: number;
  /** Latency percentiles in ms. */
  p50: number;
  p99: number;
  requests: number;
  /** Socket errors, timeouts and responses other than 2xx/3xx. */
  bad: number;
}

export interface LoadOptions {
  durationS: number;
  connections?: number;
  headers?: Record<string, string>;
}

let wrkPath: string | null | undefined;
/** The wrk binary, or null when it is not installed. */
export function wrk(): string | null {
  if (wrkPath === undefined) {
    try {
      wrkPath = execFileSync('sh', ['-c', 'command -v wrk'], { encoding: 'utf8' }).trim() || null;
    } catch {
      wrkPath = null;
    }
  }
  return wrkPath;
}

export const loadGenerator = () => (wrk() ? 'wrk -t1' : 'autocannon');

const toMs = (value: string, unit: string) => Number(value) * ({ us: 0.001, ms: 1, s: 1000, m: 60_000 } as Record<string, number>)[unit]!;

/** Parses wrk's `--latency` report. */
export function parseWrk(out: string): Load {
  const num = (re: RegExp) => {
    const m = re.exec(out);
    if (!m) throw new Error(`wrk output without ${re}:\n${out}`);
    return m;
  };
  const rps = Number(num(/Requests\/sec:\s+([\d.]+)/)[1]);
  const requests = Number(num(/(\d+) requests in/)[1]);
  const p50 = num(/\s50%\s+([\d.]+)(us|ms|s|m)\b/);
  const p99 = num(/\s99%\s+([\d.]+)(us|ms|s|m)\b/);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(out);
  const bad = (socket ? socket.slice(1).reduce((n, v) => n + Number(v), 0) : 0) + (non2xx ? Number(non2xx[1]) : 0);
  return { rps, requests, p50: toMs(p50[1]!, p50[2]!), p99: toMs(p99[1]!, p99[2]!), bad };
}

export async function load(url: string, opts: LoadOptions): Promise<Load> {
  const connections = opts.connections ?? 50;
  const headers = opts.headers ?? {};
  const bin = wrk();
  if (bin) {
    const args = ['-t1', `-c${connections}`, `-d${opts.durationS}s`, '--latency', ...Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`]), url];
    const out = await new Promise<string>((resolve, reject) =>
      execFile(bin, args, { encoding: 'utf8' }, (error, stdout, stderr) => (error ? reject(new Error(`wrk: ${error.message} ${stderr}`)) : resolve(stdout))),
    );
    return parseWrk(out);
  }
  const r = await autocannon({ url, connections, duration: opts.durationS, headers });
  return {
    rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, requests: r.requests.total,
    bad: r.errors + r.timeouts + r['4xx'] + r['5xx'],
  };
}

/** The median of each figure over rounds (rounds of one path, measured in turn with the others). */
export function medianLoad(rounds: Load[]): Load {
  const med = (f: (l: Load) => number) => {
    const v = rounds.map(f).sort((a, b) => a - b);
    const mid = Math.floor(v.length / 2);
    return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
  };
  return { rps: med((l) => l.rps), p50: med((l) => l.p50), p99: med((l) => l.p99), requests: rounds.reduce((n, l) => n + l.requests, 0), bad: rounds.reduce((n, l) => n + l.bad, 0) };
}
