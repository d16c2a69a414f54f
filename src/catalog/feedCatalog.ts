import type { ItemQuery } from '../store/store.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import type { CuratedFeed } from './curatedFeeds.js';

export type FeedKind = 'all' | 'topic' | 'region' | 'region-topic' | 'curated';

/** One feed Caravan serves, independent of format: `/topics/aviation` + `.rss|.atom|.json`. */
export interface FeedDef {
  kind: FeedKind;
  /** URL path without the format extension. */
  path: string;
  title: string;
  description: string;
  /** The tag the catalog counts items under (`topic:aviation`), null for search-based feeds. */
  countTag: string | null;
  filter: Pick<ItemQuery, 'topics' | 'regions' | 'q'>;
}

export const siteTitle = 'Caravan';

export function allFeed(): FeedDef {
  return {
    kind: 'all', path: '/feed', title: `${siteTitle}: all articles`,
    description: 'Every article Caravan has collected, newest first.', countTag: 'all', filter: {},
  };
}

export function topicFeed(taxonomy: Taxonomy, slug: string): FeedDef | null {
  const topic = taxonomy.topic(slug);
  if (!topic) return null;
  return {
    kind: 'topic', path: `/topics/${topic.slug}`, title: `${siteTitle}: ${topic.name}`,
    description: topic.description, countTag: `topic:${topic.slug}`, filter: { topics: [topic.slug] },
  };
}

export function regionFeed(taxonomy: Taxonomy, slugOrAlias: string): FeedDef | null {
  const region = taxonomy.region(slugOrAlias);
  if (!region) return null;
  return {
    kind: 'region', path: `/regions/${region.slug}`, title: `${siteTitle}: ${region.name}`,
    description: `Articles about ${region.name}${region.kind === 'group' ? ' and its countries' : ''}.`,
    countTag: `region:${region.slug}`, filter: { regions: [region.slug] },
  };
}

export function regionTopicFeed(taxonomy: Taxonomy, regionSlug: string, topicSlug: string): FeedDef | null {
  const region = taxonomy.region(regionSlug);
  const topic = taxonomy.topic(topicSlug);
  if (!region || !topic) return null;
  return {
    kind: 'region-topic', path: `/regions/${region.slug}/topics/${topic.slug}`,
    title: `${siteTitle}: ${region.name}, ${topic.name}`,
    description: `${topic.name} articles about ${region.name}.`, countTag: null,
    filter: { regions: [region.slug], topics: [topic.slug] },
  };
}

export function curatedFeed(feed: CuratedFeed): FeedDef {
  return {
    kind: 'curated', path: `/feeds/${feed.slug}`, title: `${siteTitle}: ${feed.title}`, description: feed.description,
    countTag: null,
    filter: { topics: feed.topics, regions: feed.regions, ...(feed.q ? { q: feed.q } : {}) },
  };
}

/** Every feed listed in the catalog and the OPML: everything, each topic, each region, each curated feed. */
export function feedCatalog(taxonomy: Taxonomy, curated: CuratedFeed[]): FeedDef[] {
  return [
    allFeed(),
    ...taxonomy.topics.map((t) => topicFeed(taxonomy, t.slug)!),
    ...taxonomy.regions.map((r) => regionFeed(taxonomy, r.slug)!),
    ...curated.map(curatedFeed),
  ];
}
