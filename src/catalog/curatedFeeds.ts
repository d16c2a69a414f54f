import type { Taxonomy } from '../taxonomy/taxonomy.js';

/** A named combination of topics, regions and a search query, from config/feeds.json. */
export interface CuratedFeed {
  slug: string;
  title: string;
  description: string;
  topics: string[];
  regions: string[];
  q: string | null;
}

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Validate config/feeds.json; errors name the file, the entry and the problem. */
export function parseCuratedFeeds(json: unknown, fileName: string, taxonomy: Taxonomy): CuratedFeed[] {
  const fail = (where: string, problem: string): never => {
    throw new Error(`${fileName}: ${where}: ${problem}`);
  };
  const list = (json as { feeds?: unknown } | null)?.feeds;
  if (!Array.isArray(list)) fail('top level', 'expected an object with a "feeds" array');
  const seen = new Set<string>();
  return (list as unknown[]).map((raw, index) => {
    const entry = (raw ?? {}) as Record<string, unknown>;
    const where = `feeds[${index}]${typeof entry.slug === 'string' ? ` (${entry.slug})` : ''}`;
    if (typeof entry.slug !== 'string' || !slugPattern.test(entry.slug)) fail(where, '"slug" must be lower-case letters, digits and dashes');
    const slug = entry.slug as string;
    if (seen.has(slug)) fail(where, `duplicate slug "${slug}"`);
    seen.add(slug);
    if (typeof entry.title !== 'string' || !entry.title.trim()) fail(where, '"title" is required');
    const strings = (key: string): string[] => {
      const value = entry[key] ?? [];
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) fail(where, `"${key}" must be an array of slugs`);
      return value as string[];
    };
    const topics = strings('topics');
    for (const t of topics) if (!taxonomy.topic(t)) fail(where, `unknown topic "${t}"`);
    const regions = strings('regions').map((r) => taxonomy.region(r)?.slug ?? fail(where, `unknown region "${r}"`));
    const q = entry.q === undefined || entry.q === null ? null : String(entry.q).trim() || null;
    if (topics.length === 0 && regions.length === 0 && q === null) fail(where, 'needs at least one of "topics", "regions" or "q"');
    return {
      slug,
      title: (entry.title as string).trim(),
      description: typeof entry.description === 'string' ? entry.description : (entry.title as string),
      topics,
      regions,
      q,
    };
  });
}
