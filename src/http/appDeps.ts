import type { CuratedFeed } from '../catalog/curatedFeeds.js';
import type { Config } from '../config.js';
import type { Log } from '../log.js';
import type { RenderCache } from './renderCache.js';
import type { IngestRun, ItemStore } from '../store/store.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import type { Sha256 } from './renderCache.js';
import type { Compress } from '../render/contentEncoding.js';

/** What `createApp` is built from; each door (Node, Workers) builds these for its runtime. */
export interface AppDeps {
  store: ItemStore;
  taxonomy: Taxonomy;
  curated: CuratedFeed[];
  config: Pick<Config, 'baseUrl' | 'cacheMaxAge' | 'websubHub' | 'adminToken'> & Partial<Pick<Config, 'metricsToken'>>;
  log: Log;
  now: () => Date;
  /** SHA-256 for feed ETags when the door has a faster one than Web Crypto's (renderCache.ts). */
  sha256?: Sha256;
  /** gzip / deflate for feed bodies when the door has a faster one than `CompressionStream` (same bytes). */
  compress?: Compress;
  /** Run one ingestion now (admin route); absent where the door cannot ingest on request. */
  ingest?: () => Promise<IngestRun | null>;
  /** The feeds' render cache, when the door reads its hit and miss counts (/metrics); else the feed routes make one. */
  renderCache?: RenderCache;
  /** `/metrics` in the Prometheus text format; absent where the door keeps no metrics (Workers): no route. */
  metrics?: () => Promise<{ contentType: string; body: string }>;
  /** An item was removed on request (`DELETE /admin/items/{id}`): counted where the door keeps metrics. */
  removed?: (reason: 'admin' | 'retention', count: number) => void;
}
