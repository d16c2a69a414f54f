/**
 * The Node door: environment → config, SQLite store, the same `createApp` and `runIngestion`,
 * served by @hono/node-server and scheduled by node-cron.
 *
 *   tsx src/node.ts serve    (npm start)       serve feeds, ingest at start-up and on INGEST_CRON
 *   tsx src/node.ts ingest   (npm run ingest)  one ingestion run, print a summary, exit
 *   tsx src/node.ts report   (npm run report)  print what each local page yields, store nothing
 */
import { randomUUID } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import cron from 'node-cron';
import { createApp, type AppDeps } from './app.js';
import { parseConfig, type Config, type Env } from './config.js';
import { configFileNames, loadConfigData, type ConfigData, type ConfigFiles } from './configData.js';
import type { PageReader } from './ingest/pageReader.js';
import { reportPages } from './ingest/reportPages.js';
import { runIngestion, type IngestDeps } from './ingest/run.js';
import { formatRunSummary } from './ingest/runSummary.js';
import { createLog, type Log } from './log.js';
import type { AdminDeps } from './http/admin.js';
import { openSqliteStore, type SqliteStore } from './store/sqlite.js';
import type { IngestRun } from './store/store.js';

export interface NodeRuntime {
  config: Config;
  data: ConfigData;
  log: Log;
  ingestDeps: IngestDeps;
  /**
   * One ingestion run. One at a time in this process: a call while a run is going (a cron tick
   * during a manual run) does nothing, logs `ingest: skipped`, and resolves to null, as does a call
   * while another process holds the ingestion lease. Never rejects.
   */
  ingest: () => Promise<IngestRun | null>;
  /** Ask a running ingestion to stop after its current write (SIGTERM); later calls do nothing. */
  stop: (reason: string) => void;
  /** Resolves when no ingestion is running. */
  idle: () => Promise<void>;
}

/** `node:<host>:<pid>:<instance>`: who holds the ingestion lease, readable by the next process. */
function leaseIdentity(): { host: string; pid: number; instance: string; owner: string } {
  const host = hostname().replace(/:/g, '-');
  const instance = randomUUID().slice(0, 8);
  return { host, pid: process.pid, instance, owner: `node:${host}:${process.pid}:${instance}` };
}

/**
 * Why the lease owner is gone (a process of this host that no longer runs, or this process between
 * runs), or null if it may still be running. Asked only when this process is not ingesting.
 */
export function deadLeaseOwner(owner: string, me: { host: string; pid: number; instance: string }): string | null {
  const [kind, host, pidText, instance] = owner.split(':');
  const pid = Number(pidText);
  if (kind !== 'node' || host !== me.host || !Number.isInteger(pid) || pid <= 0) return null;
  // Asked only when this process runs no ingestion: a lease of its own is one a failed release left.
  if (pid === me.pid) return instance === me.instance ? 'left by an earlier run of this process' : `an earlier process with this pid (${pid}) stopped`;
  try {
    process.kill(pid, 0);
    return null;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH' ? `process ${pid} no longer runs` : null;
  }
}

/** Every address a hostname resolves to (A and AAAA), for the upstream private-address check. */
async function resolveHost(name: string): Promise<string[]> {
  return (await lookup(name, { all: true, verbatim: true })).map((a) => a.address);
}

function readConfigFiles(dir: string): ConfigFiles {
  const entries = configFileNames.map((name) => {
    const path = join(dir, name);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new Error(`${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    try {
      return [name, JSON.parse(text)];
    } catch (error) {
      throw new Error(`${path}: not valid JSON (${(error as Error).message})`);
    }
  });
  return Object.fromEntries(entries) as ConfigFiles;
}

/**
 * Why the pages folder cannot be used (it does not exist, is not a folder, cannot be read), or
 * null when it can. One line naming the setting and the path.
 */
export function feedsDirProblem(root: string): string | null {
  let stat;
  try {
    stat = statSync(root, { throwIfNoEntry: false });
  } catch (error) {
    return `FEEDS_DIR ${root} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
  }
  if (stat === undefined) return `FEEDS_DIR ${root} does not exist`;
  if (!stat.isDirectory()) return `FEEDS_DIR ${root} is not a folder`;
  return null;
}

/** A file system error in words: `permission denied (EACCES)`. */
function fileError(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  const words: Record<string, string> = {
    EACCES: 'permission denied', EPERM: 'operation not permitted', ENOENT: 'the file is gone', EISDIR: 'it is a folder',
    EIO: 'I/O error', ELOOP: 'too many symbolic links', EMFILE: 'too many open files',
  };
  return code ? `cannot read: ${words[code] ?? message} (${code})` : `cannot read: ${message}`;
}

/**
 * Every `.txt`, `.html` and `.htm` page under the folder, as paths relative to it with forward slashes. Listing a
 * folder that does not exist throws (`FEEDS_DIR ./feeds does not exist`): the run reports it.
 */
export function folderPages(root: string, shownAs = root): PageReader {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))
      .flatMap((entry) => {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) return walk(path);
        return entry.isFile() && (entry.name.endsWith('.txt') || /\.html?$/i.test(entry.name)) ? [relative(root, path).split(sep).join('/')] : [];
      });
  const readBytes = async (ref: string): Promise<Uint8Array> => {
    // Yield to the event loop between pages: requests and signals are answered during a long run.
    await new Promise((done) => setImmediate(done));
    try {
      return new Uint8Array(readFileSync(join(root, ref)));
    } catch (error) {
      throw new Error(fileError(error));
    }
  };
  return {
    list: async () => {
      const problem = feedsDirProblem(root);
      if (problem !== null) throw new Error(problem.replace(root, shownAs));
      try {
        return walk(root);
      } catch (error) {
        throw new Error(`FEEDS_DIR ${shownAs}: ${fileError(error)}`);
      }
    },
    size: async (ref) => {
      try {
        return statSync(join(root, ref)).size;
      } catch (error) {
        throw new Error(fileError(error));
      }
    },
    read: async (ref) => new TextDecoder().decode(await readBytes(ref)),
    readBytes,
  };
}

export async function openNodeRuntime(env: Env): Promise<NodeRuntime & { store: SqliteStore }> {
  const config = parseConfig(env);
  const log = createLog(config.logLevel);
  const data = loadConfigData(readConfigFiles(config.configDir), config.configDir);
  const store = await openSqliteStore(config.dbPath === ':memory:' ? ':memory:' : resolve(config.dbPath));
  const unwritable = await store.checkWritable();
  if (unwritable) log.error('store: not writable', { path: config.dbPath, error: unwritable });
  const me = leaseIdentity();
  const stopper = new AbortController();
  const ingestDeps: IngestDeps = {
    store, taxonomy: data.taxonomy, sources: data.sources, pages: folderPages(resolve(config.feedsDir), config.feedsDir), pageLimits: { maxBytes: config.pageMaxBytes },
    fetch: globalThis.fetch, now: () => new Date(), log, userAgent: config.userAgent,
    ...(config.websubHub && config.baseUrl ? { websub: { hub: config.websubHub, baseUrl: config.baseUrl, curated: data.curated } } : {}),
    signal: stopper.signal, leaseOwner: me.owner, resolveHost,
  };
  // Hubs are told the feeds' self links, which only BASE_URL fixes.
  if (config.websubHub && !config.baseUrl) log.warn('websub: WEBSUB_HUB is set but BASE_URL is not; hub pings are off');

  /** A lease left by a killed process of this host is taken back at once, not after it expires. */
  const reclaimLease = async () => {
    const holder = await store.leaseHolder('ingest');
    if (holder === null) return;
    const why = deadLeaseOwner(holder.owner, me);
    if (why === null) return;
    await store.releaseLease('ingest', holder.owner);
    log.warn('ingest: took over the lease of a stopped ingestion', { owner: holder.owner, reason: why });
  };
  const runOnce = async (): Promise<IngestRun | null> => {
    await reclaimLease().catch((error: unknown) => log.warn('ingest: cannot check the lease', { error: String(error) }));
    const run = await runIngestion(ingestDeps);
    if (run === null) {
      const holder = await store.leaseHolder('ingest').catch(() => null);
      if (holder) log.warn('ingest: lease held', { owner: holder.owner, until: holder.expires });
    }
    return run;
  };
  let running: Promise<IngestRun | null> | null = null;
  const ingest = (): Promise<IngestRun | null> => {
    if (stopper.signal.aborted) return Promise.resolve(null);
    if (running) {
      log.warn('ingest: skipped, an ingestion is already running in this process');
      return Promise.resolve(null);
    }
    running = runOnce()
      .catch((error: unknown) => {
        log.error('ingest: failed', { error: error instanceof Error ? error.message : String(error) });
        return null;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const stop = (reason: string) => {
    if (!stopper.signal.aborted) stopper.abort(reason);
  };
  const idle = async () => {
    await running;
  };
  return { config, data, log, ingestDeps, ingest, stop, idle, store };
}

async function startServer(env: Env): Promise<void> {
  const runtime = await openNodeRuntime(env);
  const { config, log, store } = runtime;
  if (!cron.validate(config.ingestCron)) throw new Error(`INGEST_CRON is not a valid cron expression: "${config.ingestCron}"`);

  let server: ServerType | null = null;
  let task: ReturnType<typeof cron.schedule> | null = null;
  let stopping = false;
  // SIGTERM / SIGINT: stop taking requests, let the ingestion finish the write it is in and stop,
  // close the store, exit 0. Registered first, so a stop during the start-up ingestion is clean too.
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('server: stopping', { signal });
    runtime.stop(signal);
    await task?.stop();
    server?.close();
    await runtime.idle();
    await store.close();
    log.info('server: stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  const deps: AppDeps & AdminDeps = {
    store, taxonomy: runtime.data.taxonomy, curated: runtime.data.curated, config, log, now: () => new Date(), ingest: runtime.ingest,
    // The admin rate limit counts per remote address of the connection (never a client-sent header).
    clientKey: (c) => getConnInfo(c).remote.address ?? 'unknown',
  };
  const app = createApp(deps);

  // An empty store is filled before the first request so feeds are never empty on first start.
  // One index probe, not a count: counting reads the whole tag index (most of a second at 1M items).
  const empty = (await store.queryItems({ limit: 1 })).items.length === 0;
  if (config.ingestOnStart && empty) await runtime.ingest();
  if (stopping) return;
  server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
    log.info('server: listening', { url: `http://${info.address.includes(':') ? `[${info.address}]` : info.address}:${info.port}` });
  });
  if (config.ingestOnStart && !empty) void runtime.ingest();
  task = cron.schedule(config.ingestCron, () => runtime.ingest(), { noOverlap: true, name: 'ingest' });
  log.info('ingest: scheduled', { cron: config.ingestCron });
}

async function main(command = 'serve'): Promise<void> {
  if (command === 'serve') return startServer(process.env);
  if (command === 'ingest') {
    const runtime = await openNodeRuntime(process.env);
    // SIGTERM / SIGINT: the write in progress finishes, the rest is left for the next run, exit 0.
    const stop = (signal: string) => {
      runtime.log.info('ingest: stopping', { signal });
      runtime.stop(signal);
    };
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.on('SIGINT', () => stop('SIGINT'));
    const run = await runtime.ingest();
    console.log(run ? formatRunSummary(run) : 'Skipped: another ingestion is running (see the log line "ingest: lease held"); nothing done.');
    await runtime.store.close();
    // Skipped (another run is doing the work) and interrupted (a clean stop) are not failures.
    process.exitCode = run === null || run.status !== 'failed' ? 0 : 1;
    return;
  }
  if (command === 'report') {
    const config = parseConfig(process.env);
    const data = loadConfigData(readConfigFiles(config.configDir), config.configDir);
    console.log(await reportPages(folderPages(resolve(config.feedsDir), config.feedsDir), data.taxonomy, { maxBytes: config.pageMaxBytes }));
    return;
  }
  throw new Error(`unknown command "${command}"; use serve, ingest or report`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv[2]).catch((error: unknown) => {
    console.error(`caravan: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
