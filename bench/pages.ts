/**
 * Page normalization against a corpus of real pages with gold labels (built by
 * ../shared/corpus/make-pages.py, text or --html): ingest the pages into a fresh store with
 * `npm run ingest`, serve that store with `npm start` on a free 127.0.0.1 port, and run the
 * corpus scorer (score-pages.mjs) against it. Prints the scorer's lines and the ingest speed.
 *
 *   npm run bench:pages -- <corpus dir> [--half first|second] [--scorer <dir>] [--keep] [--detail <file.jsonl>]
 *
 * <corpus dir> holds pages/ (*.txt or *.html) and gold.json. --half scores only the pages whose
 * file names sort in the first (or second) half, copied into a temporary pages folder with their
 * gold (develop on one half, check the other). The scorer is looked up in --scorer, else
 * $PAGES_SCORER_DIR, else ../shared/corpus beside the repository (or beside a folder above it). Exit code: the scorer's
 * (0 when the page-normalization targets hold on this corpus).
 *
 * Not a CI test: the corpus is not in the repository. It runs the npm scripts rather than source
 * paths (after `npm run build` when the package has one), so it measures whatever `npm run ingest`
 * and `npm start` run, built from the current source.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '..');

function usage(message: string): never {
  console.error(`bench:pages: ${message}`);
  console.error('usage: npm run bench:pages -- <corpus dir> [--half first|second] [--scorer <dir>] [--keep] [--detail <file.jsonl>]');
  process.exit(2);
}

/** ../shared/corpus next to the repository, or next to one of its parent folders (a worktree sits deeper). */
function defaultScorerDir(): string {
  for (let dir = repo; ; dir = dirname(dir)) {
    const candidate = resolve(dir, '../shared/corpus');
    if (existsSync(join(candidate, 'score-pages.mjs')) || dirname(dir) === dir) return existsSync(join(candidate, 'score-pages.mjs')) ? candidate : resolve(repo, '../shared/corpus');
  }
}

interface Options {
  corpus: string;
  half: 'first' | 'second' | null;
  scorerDir: string;
  keep: boolean;
  detail: string | null;
}

function parseArgs(argv: string[]): Options {
  let corpus: string | null = null;
  let half: Options['half'] = null;
  let scorerDir = process.env.PAGES_SCORER_DIR || defaultScorerDir();
  let keep = false;
  let detail: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => argv[++i] ?? usage(`${a} needs a value`);
    if (a === '--half') {
      const v = value();
      if (v !== 'first' && v !== 'second') usage(`--half must be first or second, got "${v}"`);
      half = v;
    } else if (a === '--scorer') scorerDir = resolve(value());
    else if (a === '--keep') keep = true;
    else if (a === '--detail') detail = resolve(value());
    else if (a.startsWith('--')) usage(`unknown option ${a}`);
    else if (corpus === null) corpus = resolve(a);
    else usage(`one corpus dir only, got "${a}" too`);
  }
  if (!corpus) usage('the corpus dir is missing');
  return { corpus, half, scorerDir, keep, detail };
}

interface Gold {
  version?: unknown;
  pages: Record<string, { ref: string } & Record<string, unknown>>;
}

/** A free port on 127.0.0.1 (asked of the OS, then released for the server to take). */
function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => ok(port));
    });
  });
}

/** Run a command to its end, its output (stdout and stderr) into one file; resolves to the exit code. */
function runToFile(cmd: string, args: string[], env: NodeJS.ProcessEnv, file: string): Promise<number> {
  return new Promise((ok, fail) => {
    const out: Buffer[] = [];
    const child = spawn(cmd, args, { cwd: repo, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => out.push(b));
    child.once('error', fail);
    child.once('close', (code) => {
      writeFileSync(file, Buffer.concat(out));
      ok(code ?? 1);
    });
  });
}

/** Stop the server and everything npm started under it (it runs in its own process group). */
function stopGroup(child: ChildProcess): Promise<void> {
  return new Promise((ok) => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return ok();
    const pid = child.pid;
    const timer = setTimeout(() => {
      try { process.kill(-pid, 'SIGKILL'); } catch { /* already gone */ }
    }, 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      ok();
    });
    try { process.kill(-pid, 'SIGTERM'); } catch { ok(); }
  });
}

async function waitForHealth(base: string, server: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}) before answering:\n${log()}`);
    try {
      const r = await fetch(`${base}/healthz`);
      if (r.status === 200) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server did not answer /healthz in 60 s:\n${log()}`);
}

const opts = parseArgs(process.argv.slice(2));
const scorer = join(opts.scorerDir, 'score-pages.mjs');
const sourcePages = join(opts.corpus, 'pages');
const goldFile = join(opts.corpus, 'gold.json');
if (!existsSync(sourcePages)) usage(`${sourcePages} does not exist`);
if (!existsSync(goldFile)) usage(`${goldFile} does not exist`);
if (!existsSync(scorer)) usage(`the scorer ${scorer} does not exist (give --scorer <dir> or PAGES_SCORER_DIR)`);

const work = mkdtempSync(join(tmpdir(), 'caravan-bench-pages-'));
let server: ChildProcess | null = null;
let exitCode = 1;
try {
  const gold = JSON.parse(readFileSync(goldFile, 'utf8')) as Gold;
  const files = readdirSync(sourcePages).filter((f) => /\.(?:txt|html?)$/i.test(f)).sort();
  let pagesDir = sourcePages;
  let goldPath = goldFile;
  let chosen = files;
  if (opts.half) {
    const cut = Math.ceil(files.length / 2);
    chosen = opts.half === 'first' ? files.slice(0, cut) : files.slice(cut);
    pagesDir = join(work, 'pages');
    mkdirSync(pagesDir);
    for (const f of chosen) copyFileSync(join(sourcePages, f), join(pagesDir, f));
    const keep = new Set(chosen);
    const pages = Object.fromEntries(Object.entries(gold.pages).filter(([, g]) => keep.has(g.ref)));
    goldPath = join(work, 'gold.json');
    writeFileSync(goldPath, JSON.stringify({ ...gold, pages }));
  }
  const label = opts.half ? `${opts.half} half (${chosen[0]} … ${chosen[chosen.length - 1]})` : 'all';
  console.log(`bench:pages: ${chosen.length} pages of ${opts.corpus} (${label})`);

  // `npm run ingest` and `npm start` may run a compiled build: build it from the current source first.
  const scripts = (JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
  if (scripts.build) {
    const buildLog = join(work, 'build.log');
    const code = await runToFile('npm', ['run', '--silent', 'build'], process.env, buildLog);
    if (code !== 0) {
      console.error(readFileSync(buildLog, 'utf8'));
      throw new Error(`npm run build exited ${code}`);
    }
  }

  const dbPath = join(work, 'caravan.db');
  const ingestLog = join(work, 'ingest.log');
  const env = { ...process.env, FEEDS_DIR: pagesDir, DB_PATH: dbPath, LOG_LEVEL: process.env.LOG_LEVEL ?? 'info' };
  const t0 = performance.now();
  const ingestCode = await runToFile('npm', ['run', '--silent', 'ingest'], env, ingestLog);
  const wallS = (performance.now() - t0) / 1000;
  if (ingestCode !== 0) {
    console.error(readFileSync(ingestLog, 'utf8'));
    throw new Error(`npm run ingest exited ${ingestCode}`);
  }
  const runLine = /^Ingestion \S+ in ([\d.]+) s/m.exec(readFileSync(ingestLog, 'utf8'));
  const insideS = runLine ? Number(runLine[1]) : null;

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const serverOut: Buffer[] = [];
  server = spawn('npm', ['start', '--silent'], {
    cwd: repo,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', INGEST_ON_START: 'false', INGEST_CRON: '0 0 1 1 *' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  server.stdout!.on('data', (b: Buffer) => serverOut.push(b));
  server.stderr!.on('data', (b: Buffer) => serverOut.push(b));
  await waitForHealth(base, server, () => Buffer.concat(serverOut).toString('utf8'));

  const scorerEnv: NodeJS.ProcessEnv = { ...process.env, ...(opts.detail ? { PAGES_DETAIL: opts.detail } : {}) };
  delete scorerEnv.INGEST_WALL_S;
  const scoreCode = await new Promise<number>((ok, fail) => {
    const child = spawn(process.execPath, [scorer, base, goldPath, ingestLog], { cwd: dirname(scorer), env: scorerEnv, stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', fail);
    child.once('close', (code) => ok(code ?? 1));
  });
  const rate = (s: number | null) => (s === null ? 'unknown' : `${(chosen.length / Math.max(s, 1e-3)).toFixed(0)} pages/s`);
  console.log(
    `bench:pages: ingest of ${chosen.length} pages: ${insideS === null ? 'run time not in the log' : `${insideS.toFixed(2)} s inside the run (${rate(insideS)})`}; ` +
      `${wallS.toFixed(2)} s wall for npm run ingest including start-up (${rate(wallS)})`,
  );
  exitCode = scoreCode;
} catch (error) {
  console.error(`bench:pages: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  if (server) await stopGroup(server);
  if (opts.keep) console.log(`bench:pages: kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
process.exit(exitCode);
