/**
 * The taxonomy: topics and a region hierarchy, loaded from config/topics.json and config/regions.json.
 * Types only; `loadTaxonomy` builds one from the parsed JSON, `classify` applies it.
 */

import type { PhraseMatcher } from './phraseMatcher.js';

export interface TopicDef {
  slug: string;
  name: string;
  description: string;
}

export interface RegionDef {
  slug: string;
  name: string;
  kind: 'country' | 'group';
  /** ISO 3166-1 alpha-2 code for countries (lower case), usable as an alias slug. */
  code: string | null;
  /** Group slugs this region rolls up into (countries), empty for groups. */
  parents: string[];
  /** Member country slugs (groups), empty for countries. */
  members: string[];
}

export interface Taxonomy {
  topics: TopicDef[];
  regions: RegionDef[];
  topic(slug: string): TopicDef | undefined;
  /** By slug or alias (ISO code): `kz` and `kazakhstan` both give Kazakhstan. */
  region(slugOrAlias: string): RegionDef | undefined;
}

export interface Tags {
  topics: string[];
  /** Countries the text is about plus the groups they roll up into. */
  regions: string[];
}

/**
 * Compiled matching rules, built once by `loadTaxonomy` (never per `classify` call).
 * Owner numbers index `Taxonomy.topics` / `Taxonomy.regions`.
 */
export interface TaxonomyMatchers {
  topics: PhraseMatcher;
  regions: PhraseMatcher;
}

/** A taxonomy as built by `loadTaxonomy`: the public shape plus its compiled matchers. */
export interface CompiledTaxonomy extends Taxonomy {
  matchers: TaxonomyMatchers;
}
