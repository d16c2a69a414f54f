import { parseCuratedFeeds, type CuratedFeed } from './catalog/curatedFeeds.js';
import { parseSources } from './ingest/upstream/parseSources.js';
import type { SourcesConfig } from './ingest/upstream/types.js';
import { loadTaxonomy } from './taxonomy/loadTaxonomy.js';
import type { Taxonomy } from './taxonomy/taxonomy.js';

/** The parsed contents of the four files in config/ (read from disk on Node, bundled on Workers). */
export interface ConfigFiles {
  'topics.json': unknown;
  'regions.json': unknown;
  'feeds.json': unknown;
  'sources.json': unknown;
}

export interface ConfigData {
  taxonomy: Taxonomy;
  curated: CuratedFeed[];
  sources: SourcesConfig;
}

export const configFileNames = ['topics.json', 'regions.json', 'feeds.json', 'sources.json'] as const;

/** Validate config/ as a whole; any problem throws a message naming the file and the entry. */
export function loadConfigData(files: ConfigFiles, dir = 'config'): ConfigData {
  const taxonomy = loadTaxonomy(files['topics.json'], files['regions.json']);
  const curated = parseCuratedFeeds(files['feeds.json'], `${dir}/feeds.json`, taxonomy);
  const sources = parseSources(files['sources.json'], `${dir}/sources.json`);
  for (const [index, source] of sources.upstream.entries()) {
    for (const t of source.topics) {
      if (!taxonomy.topic(t)) throw new Error(`${dir}/sources.json: upstream[${index}] (${source.url}): unknown topic "${t}"`);
    }
    source.regions = source.regions.map((r) => {
      const region = taxonomy.region(r);
      if (!region) throw new Error(`${dir}/sources.json: upstream[${index}] (${source.url}): unknown region "${r}"`);
      return region.slug;
    });
  }
  return { taxonomy, curated, sources };
}
