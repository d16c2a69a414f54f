/**
 * The runtime of one Workers isolate: config parsed, config files validated, app built, D1 store
 * migrated once, then reused by every request and scheduled event (rebuilt only if the bindings
 * change).
 */
import { migrations } from '../../build/worker-data/migrations.js';
import { pages } from '../../build/worker-data/pages.js';
import { createApp } from '../app.js';
import { parseConfig, type Config, type Env } from '../config.js';
import { loadConfigData, type ConfigData } from '../configData.js';
import { memoryPages } from '../ingest/pageReader.js';
import { runIngestion } from '../ingest/run.js';
import { createLog, type Log } from '../log.js';
import { fillEmptyStore } from '../runtime/fillEmptyStore.js';
import { ingestDepsFor } from '../runtime/ingestDeps.js';
import { retentionAfterRun } from '../runtime/retention.js';
import { ingestControl, once } from '../runtime/runControl.js';
import { d1Connector, type D1DatabaseLike } from '../store/d1.js';
import { createSqlStore } from '../store/sqlStore.js';
import { withWriteProbe } from '../store/writeProbe.js';
import type { IngestRun, ItemStore } from '../store/store.js';
import { bundledConfigFiles } from './bundledConfig.js';

/** The bindings of wrangler.toml: `DB` (D1), the [vars], and the `ADMIN_TOKEN` secret. */
export interface WorkerEnv {
  DB: D1DatabaseLike;
  ADMIN_TOKEN?: string;
  /** Upstream sources fetched per scheduled invocation at most (default 20). */
  INGEST_MAX_UPSTREAM?: string;
  /** Article pages of `fullText` sources fetched per scheduled invocation at most (default 10). */
  INGEST_MAX_FULLTEXT?: string;
  [name: string]: unknown;
}

export interface WorkerRuntime {
  config: Config;
  data: ConfigData;
  log: Log;
  store: ItemStore;
  app: ReturnType<typeof createApp>;
  /** Before the first request of an isolate: migrated, and filled if empty (INGEST_ON_START). */
  ready: () => Promise<void>;
  /** One ingestion run (after migrating); null when another run holds the lease or one is running here. */
  ingest: () => Promise<IngestRun | null>;
}

/** The runtime of this isolate, for one D1 binding and one set of settings. */
let current: { db: D1DatabaseLike; signature: string; runtime: WorkerRuntime } | null = null;

export function workerRuntime(env: WorkerEnv): WorkerRuntime {
  // Only string bindings are settings; `DB` and other bindings are not.
  const settings: Env = Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string'));
  const signature = JSON.stringify(Object.entries(settings).sort(([a], [b]) => (a < b ? -1 : 1)));
  if (current && current.db === env.DB && current.signature === signature) return current.runtime;
  const runtime = buildRuntime(env.DB, settings);
  current = { db: env.DB, signature, runtime };
  return runtime;
}

function buildRuntime(db: D1DatabaseLike, settings: Env): WorkerRuntime {
  const config = parseConfig(settings, 'workers');
  const log = createLog(config.logLevel);
  const data = loadConfigData(bundledConfigFiles, 'config');
  const store = withWriteProbe(createSqlStore(d1Connector(db), migrations));
  // The bundled pages, listed in the order the generator walked feeds/ (the Node door's order).
  const pageReader = memoryPages(bundledPages(pages), { keepOrder: true });
  const deps = ingestDepsFor(config, data, log, {
    store,
    pages: pageReader,
    // Called unbound, workerd's fetch throws "Illegal invocation".
    fetch: (input, init) => fetch(input, init),
  });
  const control = ingestControl(() => runIngestion(deps), log, {
    after: retentionAfterRun(config.retentionDays, store, data.sources.pages.enabled ? pageReader : null, log),
  });
  const migrated = once(() => store.migrate());
  // Migration failures reject (a store that cannot be migrated fails the invocation visibly);
  // runIngestion itself never throws.
  const ingest = async () => {
    await migrated();
    return control.ingest();
  };
  // As on Node with INGEST_ON_START: an empty store is filled before the first request is answered
  // (a fresh D1 serves full feeds without waiting for the first cron tick).
  const ready = once(async () => {
    await migrated();
    // /healthz knows a database that refuses writes before a run fails on it.
    const unwritable = await store.probe();
    if (unwritable) log.error('store: not writable', { error: unwritable });
    await fillEmptyStore(store, config.ingestOnStart, control.ingest);
  });

  const app = createApp({ store, taxonomy: data.taxonomy, curated: data.curated, config, log, now: () => new Date(), ingest });
  return { config, data, log, store, app, ready, ingest };
}

/** The bundle's pages as text or bytes (HTML pages are bundled as base64: their charset is in the bytes). */
function bundledPages(record: Record<string, string | { base64: string }>): Record<string, string | Uint8Array> {
  return Object.fromEntries(
    Object.entries(record).map(([ref, page]) => [ref, typeof page === 'string' ? page : Uint8Array.from(atob(page.base64), (c) => c.charCodeAt(0))]),
  );
}
