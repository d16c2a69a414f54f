import type { Config } from '../config.js';
import type { ConfigData } from '../configData.js';
import type { PageReader } from '../ingest/pageReader.js';
import type { IngestDeps } from '../ingest/run.js';
import type { Log } from '../log.js';
import type { ItemStore } from '../store/store.js';

/** What only a door can give the ingestion: its store, pages, fetch, and runtime extras. */
export interface DoorIngestParts {
  store: ItemStore;
  pages: PageReader | null;
  fetch: typeof fetch;
  /** Extras of one runtime: the stop signal, lease owner, DNS lookup, write batches, feed-reading and page-parsing threads and body hashes on Node. */
  extra?: Pick<IngestDeps, 'signal' | 'leaseOwner' | 'resolveHost' | 'pinnedFetch' | 'writeBatchItems' | 'readFeed' | 'pageParsing' | 'sha256' | 'hashHex'>;
}

/** The ingestion dependencies of both doors, from config, config files and the door's parts. */
export function ingestDepsFor(config: Config, data: ConfigData, log: Log, parts: DoorIngestParts): IngestDeps {
  return {
    store: parts.store,
    taxonomy: data.taxonomy,
    sources: data.sources,
    pages: parts.pages,
    fetch: parts.fetch,
    now: () => new Date(),
    log,
    userAgent: config.userAgent,
    pageLimits: { maxBytes: config.pageMaxBytes },
    ...(config.maxUpstreamPerRun !== null ? { maxUpstreamPerRun: config.maxUpstreamPerRun } : {}),
    limits: { fullTextPerRun: config.maxFullTextPerRun },
    // Hubs are told the feeds' self links, which only BASE_URL fixes.
    ...(config.websubHub && config.baseUrl ? { websub: { hub: config.websubHub, baseUrl: config.baseUrl, curated: data.curated } } : {}),
    ...parts.extra,
  };
}
