/**
 * Tags an article with the topics and regions it is about, not every name it drops: terms in
 * the title weigh most, then the start of the lead, then the body with diminishing returns
 * (scoreMatches.ts). Countries bring the groups they roll up into (kazakhstan → central-asia);
 * groups can also be matched directly ("Central Asian economies"). Hints from the source are
 * added to what the text says, never replacing it. Slugs come out sorted.
 */

import type { CompiledTaxonomy, RegionDef, Tags, Taxonomy } from './taxonomy.js';
import { LEAD_MAX_WORDS, MIN_SCORE, TOPIC_LEAD_SUPPORT, TOPIC_RELATIVE, scoreAll, selectOwners } from './scoreMatches.js';
import { Words } from './tokenize.js';

export interface ClassifyInput {
  title: string;
  /** First paragraph(s). Only the first LEAD_MAX_WORDS words count as lead. */
  lead: string;
  /** The whole body (normally including the lead). */
  text: string;
}

export interface ClassifyHints {
  /** Topic slugs; unknown ones are ignored. */
  topics?: string[];
  /** Region slugs or aliases (ISO codes); unknown ones are ignored. */
  regions?: string[];
}

/**
 * A taxonomy from `loadTaxonomy` carries compiled matchers; any other `Taxonomy` (a hand-built
 * stub) has nothing to match with, so only the hints apply.
 */
export function classify(input: ClassifyInput, taxonomy: Taxonomy, hints?: ClassifyHints): Tags {
  const topics = new Set<string>();
  const regions = new Set<string>();
  const addRegion = (r: RegionDef): void => {
    regions.add(r.slug);
    for (const p of r.parents) regions.add(p);
  };

  const matchers = (taxonomy as Partial<CompiledTaxonomy>).matchers;
  if (matchers !== undefined) {
    const title = new Words(input.title);
    const body = new Words(input.text);
    // The lead usually starts the body: its words are the body's first ones.
    const lead = body.head(input.lead, LEAD_MAX_WORDS) ?? new Words(input.lead, LEAD_MAX_WORDS);
    const topicScores = scoreAll(matchers.topics, taxonomy.topics.length, title, lead, body, TOPIC_LEAD_SUPPORT);
    for (const i of selectOwners(topicScores, MIN_SCORE, TOPIC_RELATIVE)) topics.add(taxonomy.topics[i].slug);
    const regionScores = scoreAll(matchers.regions, taxonomy.regions.length, title, lead, body);
    for (const i of selectOwners(regionScores, MIN_SCORE, 0)) addRegion(taxonomy.regions[i]);
  }

  return withHints(topics, regions, taxonomy, hints);
}

/**
 * Tags the text earned (`classify` without hints) with the source's hints added: what `classify`
 * with those hints gives, without matching the text again.
 */
export function addHints(textTags: Tags, taxonomy: Taxonomy, hints?: ClassifyHints): Tags {
  if ((hints?.topics ?? []).length === 0 && (hints?.regions ?? []).length === 0) return { topics: [...textTags.topics], regions: [...textTags.regions] };
  return withHints(new Set(textTags.topics), new Set(textTags.regions), taxonomy, hints);
}

function withHints(topics: Set<string>, regions: Set<string>, taxonomy: Taxonomy, hints?: ClassifyHints): Tags {
  for (const slug of hints?.topics ?? []) {
    const t = taxonomy.topic(slug);
    if (t !== undefined) topics.add(t.slug);
  }
  for (const name of hints?.regions ?? []) {
    const r = taxonomy.region(name);
    if (r !== undefined) {
      regions.add(r.slug);
      for (const p of r.parents) regions.add(p);
    }
  }
  return { topics: [...topics].sort(), regions: [...regions].sort() };
}
