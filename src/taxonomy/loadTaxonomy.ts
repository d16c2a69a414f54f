/**
 * Builds the taxonomy from the parsed contents of config/topics.json and config/regions.json.
 * No I/O: Node callers read and JSON.parse the files, Workers import them. Validation errors name
 * the file, the entry and the problem. The term matchers are compiled once, on first use.
 */

import type { CompiledTaxonomy, RegionDef, TaxonomyMatchers, TopicDef } from './taxonomy.js';
import { PhraseMatcher } from './phraseMatcher.js';
import { parseTopics } from './parseTopics.js';
import { parseRegions } from './parseRegions.js';

export function loadTaxonomy(topicsJson: unknown, regionsJson: unknown): CompiledTaxonomy {
  const topicEntries = parseTopics(topicsJson);
  const regionEntries = parseRegions(regionsJson);
  const topics: TopicDef[] = topicEntries.map((e) => e.def);
  const regions: RegionDef[] = regionEntries.map((e) => e.def);

  const topicBySlug = new Map(topics.map((t) => [t.slug, t]));
  const regionByName = new Map<string, RegionDef>();
  for (const { def, aliases } of regionEntries) {
    regionByName.set(def.slug, def);
    if (def.code !== null) regionByName.set(def.code, def);
    for (const a of aliases) regionByName.set(a, def);
  }

  // Compiled on first use (the first classification), not here: serving never classifies, and
  // building the two matchers is a good part of a server's start-up. The terms were checked above.
  let matchers: TaxonomyMatchers | undefined;

  return {
    topics,
    regions,
    get matchers() {
      return (matchers ??= {
        topics: new PhraseMatcher(topicEntries.map((e, owner) => ({ owner, terms: e.terms, exclude: e.exclude }))),
        regions: new PhraseMatcher(regionEntries.map((e, owner) => ({ owner, terms: e.terms, exclude: e.exclude }))),
      });
    },
    topic: (slug) => topicBySlug.get(slug.toLowerCase()),
    region: (slugOrAlias) => regionByName.get(slugOrAlias.toLowerCase()),
  };
}
