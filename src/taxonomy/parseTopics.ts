/** Validates config/topics.json (already parsed) into topic definitions with their terms. */

import type { TopicDef } from './taxonomy.js';
import { Place, TOPICS_FILE, type Claim, claim, entryObject, phraseList, requiredText, rootObject, slugOf } from './configChecks.js';

export interface TopicEntry {
  def: TopicDef;
  terms: string[];
  exclude: string[];
}

const TOPIC_KEYS = ['slug', 'name', 'description', 'terms', 'exclude'] as const;

export function parseTopics(json: unknown): TopicEntry[] {
  const root = rootObject(TOPICS_FILE, json, ['topics']);
  const taken = new Map<string, Claim>();
  return (root.topics as unknown[]).map((raw, i) => {
    let at = new Place(TOPICS_FILE, `topics[${i}]`);
    const obj = entryObject(at, raw, TOPIC_KEYS);
    const slug = slugOf(at, obj);
    at = at.withSlug(slug);
    claim(at, taken, slug, 'slug');
    const def: TopicDef = { slug, name: requiredText(at, obj, 'name'), description: requiredText(at, obj, 'description') };
    return { def, terms: phraseList(at, obj, 'terms', true), exclude: phraseList(at, obj, 'exclude', false) };
  });
}
