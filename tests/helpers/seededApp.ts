import { createApp } from '../../src/app.js';
import { memoryPages } from '../../src/ingest/pageReader.js';
import { runIngestion } from '../../src/ingest/run.js';
import { memoryLog } from '../../src/log.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { realConfigData, seedPages } from './configData.js';

/** The app over an in-memory store that has ingested the seed pages, with the real config. */
export async function seededApp() {
  const data = realConfigData();
  const store = await openSqliteStore(':memory:');
  await runIngestion({
    store, taxonomy: data.taxonomy, sources: data.sources, pages: memoryPages(seedPages()),
    fetch: globalThis.fetch, now: () => new Date('2025-03-01T00:00:00Z'), log: memoryLog(), userAgent: 'test',
  });
  const app = createApp({
    store, taxonomy: data.taxonomy, curated: data.curated, log: memoryLog(), now: () => new Date(),
    config: { baseUrl: null, cacheMaxAge: 300, websubHub: null, adminToken: null },
  });
  return { data, store, app };
}
