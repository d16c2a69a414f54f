/**
 * The Node runtime both `serve` and `ingest` use: settings, config files, the store, and one
 * ingestion control (one run at a time, stopped by SIGTERM) wired with the shared ingestion deps.
 */
import { resolve } from 'node:path';
import { parseConfig, type Config, type Env } from '../config.js';
import { loadConfigData, type ConfigData } from '../configData.js';
import type { IngestDeps } from '../ingest/run.js';
import { createLog, type Log } from '../log.js';
import { ingestDepsFor } from '../runtime/ingestDeps.js';
import { retentionAfterRun } from '../runtime/retention.js';
import { ingestControl, type IngestControl } from '../runtime/runControl.js';
import type { IngestRun } from '../store/store.js';
import { checkFolder } from './checkFolder.js';
import { readConfigFiles } from './configFiles.js';
import { feedReaderPool } from './feedReaderPool.js';
import { folderPages } from './folderPages.js';
import { pageParserPool } from './pageParserPool.js';
import { defaultPageLimits } from '../ingest/pageText.js';
import { leaseIdentity, reclaimLease } from './lease.js';
import { withWriteProbe } from '../store/writeProbe.js';
import { openNodeStore, type NodeStore } from './openStore.js';
import { pinnedFetch } from './pinnedFetch.js';
import { resolveHost } from './resolveHost.js';
import { nodeSha256, nodeSha256Hex } from './sha256.js';

/**
 * Items written per transaction on Node (whole sources; see `IngestDeps.writeBatchItems`): a
 * transaction's fixed cost (commit, full-text index flush, WAL pages) is shared by ~20 feeds of
 * 10 new items, or by the pages parsed while the one before was written, and one write still
 * holds the event loop only tens of milliseconds.
 */
export const nodeWriteBatchItems = 200;

export interface NodeRuntime extends Omit<IngestControl, 'signal'> {
  config: Config;
  data: ConfigData;
  log: Log;
  ingestDeps: IngestDeps;
  store: NodeStore;
}

/** The config data, and the parsed taxonomy files it was built from (for the feed reader's threads, which tag too). */
export type NodeConfigData = ConfigData & { taxonomyFiles: { topics: unknown; regions: unknown } };

/**
 * CONFIG_DIR and its files, and FEEDS_DIR when local pages are on: checked and loaded before any
 * store is opened or ingestion starts; a problem throws one line naming the setting or file.
 */
export function loadNodeConfigData(config: Pick<Config, 'configDir' | 'feedsDir'>): NodeConfigData {
  checkFolder('CONFIG_DIR', config.configDir);
  const files = readConfigFiles(config.configDir);
  const data = loadConfigData(files, config.configDir);
  if (data.sources.pages.enabled) checkFolder('FEEDS_DIR', config.feedsDir);
  return { ...data, taxonomyFiles: { topics: files['topics.json'], regions: files['regions.json'] } };
}

/** What the server watches in the runtime: run outcomes and removed items (its metrics). */
export interface RuntimeObserver {
  run?: (run: IngestRun | null, seconds: number) => void;
  removed?: (reason: 'retention' | 'admin', count: number) => void;
}

/**
 * `ingestNow`: a run follows at once (`npm run ingest`): the page parser's threads start loading
 * their code now, while this one opens the store and loads the run.
 */
export async function openNodeRuntime(env: Env, observer: RuntimeObserver = {}, options: { ingestNow?: boolean } = {}): Promise<NodeRuntime> {
  const config = parseConfig(env);
  const log = createLog(config.logLevel);
  const data = loadNodeConfigData(config);
  // The parser's thread prepares pages' articles while it is ahead of this one (pageParserPool).
  const pageParsing = pageParserPool(undefined, 'when ahead', data.taxonomyFiles);
  const pages = folderPages(resolve(config.feedsDir), config.feedsDir);
  if (options.ingestNow && data.sources.pages.enabled) {
    pageParsing.start();
    // The first pages are parsed while this thread opens the store and loads the run.
    void pageParsing.prefetch(pages, { ...defaultPageLimits, maxBytes: config.pageMaxBytes });
  }
  const store = withWriteProbe(await openNodeStore(config));
  const unwritable = await store.probe();
  if (unwritable) log.error('store: not writable', { ...(store.kind === 'sqlite' ? { path: config.dbPath } : { store: 'postgres' }), error: unwritable });
  if (config.websubHub && !config.baseUrl) log.warn('websub: WEBSUB_HUB is set but BASE_URL is not; hub pings are off');

  const me = leaseIdentity();
  let ingestDeps: IngestDeps;
  const control = ingestControl(async () => {
    // The page parser's threads load their code while this one takes the lease and loads the run.
    if (data.sources.pages.enabled) pageParsing.start();
    await reclaimLease(store, me, log).catch((error: unknown) => log.warn('ingest: cannot check the lease', { error: String(error) }));
    // Loaded on the first run, not at start-up: the ingestion pipeline's packages (sanitize-html,
    // rss-parser, linkedom) take most of a second to load, and serving needs none of them.
    const { runIngestion } = await import('../ingest/run.js');
    const run = await runIngestion(ingestDeps);
    if (run === null) {
      const holder = await store.leaseHolder('ingest').catch(() => null);
      if (holder) log.warn('ingest: lease held', { owner: holder.owner, until: holder.expires });
    }
    return run;
  }, log, {
    after: retentionAfterRun(config.retentionDays, store, data.sources.pages.enabled ? pages : null, log, (n) => observer.removed?.('retention', n)),
    observe: (run, seconds) => observer.run?.(run, seconds),
  });
  ingestDeps = ingestDepsFor(config, data, log, {
    store,
    pages,
    fetch: globalThis.fetch,
    extra: {
      signal: control.signal, leaseOwner: me.owner, resolveHost, pinnedFetch, writeBatchItems: nodeWriteBatchItems, readFeed: feedReaderPool(undefined, undefined, data.taxonomyFiles),
      pageParsing, sha256: nodeSha256, hashHex: nodeSha256Hex,
    },
  });
  const { ingest, stop, idle } = control;
  return { config, data, log, ingestDeps, store, ingest, stop, idle };
}
