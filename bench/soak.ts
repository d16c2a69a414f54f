/**
 * Soak: serving load and repeated ingestion of a changing upstream set, together, for a bounded
 * time, on loopback only. Reports errors (must be 0), p99 latency over time and the server's RSS
 * over time (must stay flat); prints a table and appends it to bench/SOAK.md.
 *
 *   npm run soak                    180 s (--seconds N to change)
 *   npm run soak -- --quick         12 s, 3 s windows (the test suite runs this with --no-record)
 *   options: --seconds N  --window S  --connections C  --no-record
 *
 * The real server (the compiled door, `node dist/node.js serve`, as `npm start` runs it) runs in its own process with a temporary DB, the seed
 * pages, and 12 upstream feeds served from this process whose items change every 3 s (a new
 * item, an updated one, the oldest dropped). Ingestion runs every 2 s on INGEST_CRON; the load is
 * autocannon cycling through feeds, search, the catalog and /healthz in consecutive windows.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { buildDoor, doorArgv } from './door.js';
import { describeMachine, machine } from './machine.js';

const root = join(import.meta.dirname, '..');

interface Args {
  seconds: number;
  windowS: number;
  connections: number;
  record: boolean;
  quick: boolean;
}

function parseArgs(argv: string[]): Args {
  const quick = argv.includes('--quick');
  const value = (name: string, fallback: number) => {
    const i = argv.indexOf(name);
    if (i === -1) return fallback;
    const n = Number(argv[i + 1]);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} needs a positive number, got "${argv[i + 1]}"`);
    return n;
  };
  const seconds = value('--seconds', quick ? 12 : 180);
  return { seconds, windowS: value('--window', quick ? 3 : 10), connections: value('--connections', 8), record: !argv.includes('--no-record'), quick };
}

/** The changing upstream: feed n holds items [e-19, e] of epoch e; item e-1 gains a paragraph in epoch e. */
async function startChangingUpstream(feeds: number, changeEveryMs: number) {
  const served = { ok: 0, notModified: 0 };
  const epoch = () => Math.floor(Date.now() / changeEveryMs);
  const server = http.createServer((req, res) => {
    const n = Number(/^\/feeds\/(\d+)\.xml$/.exec(req.url ?? '')?.[1] ?? Number.NaN);
    if (!Number.isInteger(n) || n < 0 || n >= feeds) {
      res.writeHead(404).end();
      return;
    }
    const e = epoch();
    const etag = `"${n}-${e}"`;
    if (req.headers['if-none-match'] === etag) {
      served.notModified++;
      res.writeHead(304, { etag }).end();
      return;
    }
    served.ok++;
    const items = Array.from({ length: 20 }, (_, k) => e - k).map((i) => {
      const update = i === e - 1 ? ' Update: officials in Almaty added figures for the airport and the railway.' : '';
      return `<item><title>Soak feed ${n} story ${i}: Kazakhstan airport works continue</title><link>https://soak.example/${n}/${i}</link>` +
        `<guid>soak-${n}-${i}</guid><pubDate>${new Date(i * changeEveryMs).toUTCString()}</pubDate>` +
        `<description>Officials in Astana said on day ${i} that the airport plan of feed ${n} would continue.${update}</description></item>`;
    });
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag });
    res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Soak ${n}</title><link>https://soak.example/${n}</link>${items.join('')}</channel></rss>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    urls: Array.from({ length: feeds }, (_, n) => `${origin}/feeds/${n}.xml`),
    served,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** Resident set size of a process in bytes (Linux /proc; `ps` elsewhere). */
function rssOf(pid: number): number {
  const status = `/proc/${pid}/status`;
  if (existsSync(status)) {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(status, 'utf8'))?.[1];
    if (kb) return Number(kb) * 1024;
  }
  return Number.NaN;
}

interface Window {
  t: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  rssMB: number;
  runs: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const dir = mkdtempSync(join(tmpdir(), 'caravan-soak-'));
  const upstream = await startChangingUpstream(12, 3_000);
  const configDir = join(dir, 'config');
  cpSync(join(root, 'config'), configDir, { recursive: true });
  const sources = JSON.parse(readFileSync(join(configDir, 'sources.json'), 'utf8'));
  sources.upstream = upstream.urls.map((url) => ({ url, allowPrivate: true, intervalMinutes: 0.05 }));
  writeFileSync(join(configDir, 'sources.json'), JSON.stringify(sources));

  const { BASE_URL: _ignored, ...parentEnv } = process.env;
  buildDoor();
  const child = spawn(process.execPath, doorArgv(), {
    cwd: root,
    env: {
      ...parentEnv, HOST: '127.0.0.1', PORT: '0', DB_PATH: join(dir, 'soak.db'), CONFIG_DIR: configDir, FEEDS_DIR: join(root, 'feeds'),
      INGEST_CRON: '*/2 * * * * *', LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const cleanup = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
    await upstream.close();
    rmSync(dir, { recursive: true, force: true });
  };
  // Stopped from outside (Ctrl-C, a test's time limit): take the server down with us.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`soak: ${signal}, stopping`);
      void cleanup().finally(() => process.exit(1));
    });
  }

  try {
    const base = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
      const check = () => {
        const m = /server: listening url=(http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      };
      child.stdout.on('data', check);
      child.on('exit', () => reject(new Error(`server exited:\n${output}`)));
    });
    const paths = [
      '/feed.atom', '/feed.json?limit=50', '/regions/kazakhstan.rss', '/regions/central-asia/topics/aviation.atom', '/topics/aviation.json',
      '/items?q=kazakhstan&limit=20', '/items?q=soak%20airport', '/items?limit=50', '/feeds', '/feeds.opml', '/healthz',
    ];
    const m = machine();
    console.log(`soak: ${args.seconds} s in ${args.windowS} s windows, ${args.connections} connections, ${paths.length} paths; ${describeMachine(m)}`);

    const windows: Window[] = [];
    const started = Date.now();
    const runsSoFar = () => (output.match(/ingest: finished/g) ?? []).length;
    while (Date.now() - started < args.seconds * 1000 - 500) {
      const left = Math.max(1, Math.min(args.windowS, Math.round((args.seconds * 1000 - (Date.now() - started)) / 1000)));
      // `requests` (each connection cycles through the paths) is autocannon API the shared typings leave out.
      const options = { url: base, connections: args.connections, duration: left, requests: paths.map((path) => ({ method: 'GET', path })) };
      const r = await autocannon(options);
      windows.push({
        t: Math.round((Date.now() - started) / 1000), requests: r.requests.total, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99,
        max: r.latency.max, errors: r.errors + r.timeouts + r.non2xx, rssMB: rssOf(child.pid!) / 2 ** 20, runs: runsSoFar(),
      });
    }

    child.kill('SIGTERM');
    const code = await exited;
    const runs = output.match(/ingest: finished status=\w+ pages=\d+ new=\d+ updated=\d+/g) ?? [];
    const inserted = runs.reduce((n, line) => n + Number(/new=(\d+)/.exec(line)![1]), 0);
    const updated = runs.reduce((n, line) => n + Number(/updated=(\d+)/.exec(line)![1]), 0);
    const failedRuns = (output.match(/ingest: failed|ingest: finished status=(failed|partial)/g) ?? []).length;
    const serverErrors = (output.match(/ ERROR /g) ?? []).length;
    const skipped = (output.match(/ingest: skipped/g) ?? []).length;
    const requestErrors = windows.reduce((n, w) => n + w.errors, 0);
    const total = windows.reduce((n, w) => n + w.requests, 0);

    // RSS is flat when the last third of the windows sits within a margin of the first third
    // (the first window, warm-up, left out of the baseline).
    const rss = windows.map((w) => w.rssMB).filter(Number.isFinite);
    const third = Math.max(1, Math.floor((rss.length - 1) / 3));
    const early = median(rss.slice(1, 1 + third).length ? rss.slice(1, 1 + third) : rss.slice(0, 1));
    const late = median(rss.slice(-third));
    const growthMB = late - early;
    const allowedMB = args.quick ? 50 : Math.max(20, early * 0.15);
    const flat = Number.isNaN(growthMB) || growthMB <= allowedMB;

    const table = [
      '| t (s) | requests | req/s | p50 (ms) | p99 (ms) | max (ms) | errors | RSS (MB) | runs done |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...windows.map((w) => `| ${w.t} | ${w.requests} | ${Math.round(w.rps)} | ${w.p50} | ${w.p99} | ${w.max} | ${w.errors} | ${w.rssMB.toFixed(1)} | ${w.runs} |`),
    ].join('\n');
    const ok = requestErrors === 0 && failedRuns === 0 && serverErrors === 0 && flat && runs.length > 0 && code === 0;
    const summary = [
      `requests ${total}, errors ${requestErrors}; ingestion runs ${runs.length} (${inserted} items new, ${updated} updated, ${failedRuns} failed, ` +
        `${skipped} ticks skipped while a run was going); server ERROR lines ${serverErrors}; upstream served ${upstream.served.ok} full, ` +
        `${upstream.served.notModified} 304; RSS ${early.toFixed(1)} → ${late.toFixed(1)} MB (growth ${growthMB.toFixed(1)} MB, allowed ${allowedMB.toFixed(0)}): ` +
        `${flat ? 'flat' : 'GROWING'}; server exit ${code}`,
      ok ? 'verdict: PASS' : 'verdict: FAIL',
    ].join('\n');
    console.log(`\n${table}\n\n${summary}`);
    console.log(`SOAK-RESULT ${JSON.stringify({ ok, total, requestErrors, runs: runs.length, inserted, updated, failedRuns, serverErrors, growthMB, flat, exit: code, windows })}`);
    if (args.record) {
      const file = join(root, 'bench', 'SOAK.md');
      const head = existsSync(file) ? '' : '# Soak results\n\nAppended by `npm run soak` (bench/soak.ts): serving load and repeated ingestion of a changing upstream set, together.\n';
      appendFileSync(file, `${head}\n## ${m.date}: ${args.seconds} s, ${args.connections} connections\n\n${describeMachine(m)}\n\n${table}\n\n${summary}\n`);
      console.log(`appended to ${file}`);
    }
    return ok ? 0 : 1;
  } finally {
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`soak: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    process.exit(1);
  },
);
