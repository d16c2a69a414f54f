/**
 * The Node door: environment → config, SQLite store, the same `createApp` and `runIngestion`,
 * served by @hono/node-server and scheduled by node-cron.
 *
 *   tsx src/node.ts serve    (npm start)       serve feeds, ingest at start-up and on INGEST_CRON
 *   tsx src/node.ts ingest   (npm run ingest)  one ingestion run, print a summary, exit
 *   tsx src/node.ts report   (npm run report)  print what each local page yields, store nothing
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import cron from 'node-cron';
import { createApp } from './app.js';
import { parseConfig, type Config, type Env } from './config.js';
import { configFileNames, loadConfigData, type ConfigData, type ConfigFiles } from './configData.js';
import type { PageReader } from './ingest/pageReader.js';
import { reportPages } from './ingest/reportPages.js';
import { runIngestion, type IngestDeps } from './ingest/run.js';
import { formatRunSummary } from './ingest/runSummary.js';
import { createLog, type Log } from './log.js';
import { openSqliteStore } from './store/sqlite.js';
import type { IngestRun } from './store/store.js';

export interface NodeRuntime {
  config: Config;
  data: ConfigData;
  log: Log;
  ingestDeps: IngestDeps;
  /** One ingestion at a time in this process; a call during a run waits for that run. */
  ingest: () => Promise<IngestRun | null>;
  /** Resolves when no ingestion is running. */
  idle: () => Promise<void>;
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

/** Every `.txt` page under the folder, as paths relative to it with forward slashes. */
export function folderPages(root: string): PageReader {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))
      .flatMap((entry) => {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) return walk(path);
        return entry.isFile() && entry.name.endsWith('.txt') ? [relative(root, path).split(sep).join('/')] : [];
      });
  return {
    list: async () => (statSync(root, { throwIfNoEntry: false })?.isDirectory() ? walk(root) : []),
    read: async (ref) => readFileSync(join(root, ref), 'utf8'),
  };
}

export async function openNodeRuntime(env: Env): Promise<NodeRuntime & { store: IngestDeps['store'] }> {
  const config = parseConfig(env);
  const log = createLog(config.logLevel);
  const data = loadConfigData(readConfigFiles(config.configDir), config.configDir);
  const store = await openSqliteStore(config.dbPath === ':memory:' ? ':memory:' : resolve(config.dbPath));
  const ingestDeps: IngestDeps = {
    store, taxonomy: data.taxonomy, sources: data.sources, pages: folderPages(resolve(config.feedsDir)),
    fetch: globalThis.fetch, now: () => new Date(), log, userAgent: config.userAgent,
    ...(config.websubHub && config.baseUrl ? { websub: { hub: config.websubHub, baseUrl: config.baseUrl, curated: data.curated } } : {}),
  };
  // Hubs are told the feeds' self links, which only BASE_URL fixes.
  if (config.websubHub && !config.baseUrl) log.warn('websub: WEBSUB_HUB is set but BASE_URL is not; hub pings are off');
  let running: Promise<IngestRun | null> | null = null;
  const ingest = () => {
    running ??= runIngestion(ingestDeps).finally(() => {
      running = null;
    });
    return running;
  };
  const idle = async () => {
    await running?.catch(() => undefined);
  };
  return { config, data, log, ingestDeps, ingest, idle, store };
}

async function startServer(env: Env): Promise<void> {
  const runtime = await openNodeRuntime(env);
  const { config, log, store } = runtime;
  if (!cron.validate(config.ingestCron)) throw new Error(`INGEST_CRON is not a valid cron expression: "${config.ingestCron}"`);
  const app = createApp({ store, taxonomy: runtime.data.taxonomy, curated: runtime.data.curated, config, log, now: () => new Date(), ingest: runtime.ingest });

  // An empty store is filled before the first request so feeds are never empty on first start.
  const empty = ((await store.countTags()).all ?? 0) === 0;
  if (config.ingestOnStart && empty) await runtime.ingest();
  const server: ServerType = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
    log.info('server: listening', { url: `http://${info.address.includes(':') ? `[${info.address}]` : info.address}:${info.port}` });
  });
  if (config.ingestOnStart && !empty) void runtime.ingest();
  const task = cron.schedule(config.ingestCron, () => void runtime.ingest(), { noOverlap: true, name: 'ingest' });
  log.info('ingest: scheduled', { cron: config.ingestCron });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('server: stopping', { signal });
    await task.stop();
    server.close();
    // Let a running ingestion finish its current writes before the store closes.
    await runtime.idle();
    await store.close();
    log.info('server: stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

async function main(command = 'serve'): Promise<void> {
  if (command === 'serve') return startServer(process.env);
  if (command === 'ingest') {
    const runtime = await openNodeRuntime(process.env);
    const run = await runtime.ingest();
    console.log(run ? formatRunSummary(run) : 'Another ingestion is running; nothing done.');
    await runtime.store.close();
    process.exitCode = run && run.status !== 'failed' ? 0 : 1;
    return;
  }
  if (command === 'report') {
    const config = parseConfig(process.env);
    const data = loadConfigData(readConfigFiles(config.configDir), config.configDir);
    console.log(await reportPages(folderPages(resolve(config.feedsDir)), data.taxonomy));
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
