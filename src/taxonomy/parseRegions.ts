/**
 * Validates config/regions.json (already parsed): groups, then countries that name the groups they
 * roll up into. Slugs, ISO codes and extra aliases share one namespace (all work in region URLs).
 */

import type { RegionDef } from './taxonomy.js';
import {
  Place, REGIONS_FILE, type Claim, type Json, checkSlug, claim, entryObject, phraseList, requiredText, rootObject,
  slugOf, stringList,
} from './configChecks.js';

export interface RegionEntry {
  def: RegionDef;
  /** Extra alias slugs ("uk", "usa") besides the ISO code. */
  aliases: string[];
  terms: string[];
  exclude: string[];
}

const GROUP_KEYS = ['slug', 'name', 'description', 'aliases', 'terms', 'exclude'] as const;
const COUNTRY_KEYS = ['slug', 'name', 'code', 'aliases', 'groups', 'terms', 'exclude'] as const;
const ISO_CODE = /^[a-z]{2}$/;

export function parseRegions(json: unknown): RegionEntry[] {
  const root = rootObject(REGIONS_FILE, json, ['groups', 'countries']);
  const taken = new Map<string, Claim>();
  const groups = (root.groups as unknown[]).map((raw, i) => {
    const { at, obj, entry } = common(new Place(REGIONS_FILE, `groups[${i}]`), raw, GROUP_KEYS, 'group', taken);
    if (obj.description !== undefined) requiredText(at, obj, 'description');
    return entry;
  });
  const bySlug = new Map(groups.map((g) => [g.def.slug, g.def]));
  const countries = (root.countries as unknown[]).map((raw, i) => {
    const c = common(new Place(REGIONS_FILE, `countries[${i}]`), raw, COUNTRY_KEYS, 'country', taken);
    const at: Place = c.at;
    const { obj, entry } = c;
    const code = obj.code;
    if (code === undefined) at.fail('missing "code" (ISO 3166-1 alpha-2, lower case)');
    if (typeof code !== 'string' || !ISO_CODE.test(code)) at.fail(`"code" must be two lower-case letters, got ${JSON.stringify(code)}`);
    claim(at, taken, code, 'code');
    entry.def.code = code;
    const parents = stringList(at, obj, 'groups', true);
    for (const g of parents) {
      const group = bySlug.get(g);
      if (group === undefined) at.fail(`unknown group "${g}" (groups: ${[...bySlug.keys()].join(', ')})`);
      if (entry.def.parents.includes(g)) at.fail(`group "${g}" listed twice`);
      entry.def.parents.push(g);
      group.members.push(entry.def.slug);
    }
    return entry;
  });
  return [...groups, ...countries];
}

function common(at: Place, raw: unknown, keys: readonly string[], kind: RegionDef['kind'], taken: Map<string, Claim>) {
  const obj: Json = entryObject(at, raw, keys);
  const slug = slugOf(at, obj);
  at = at.withSlug(slug);
  claim(at, taken, slug, 'slug');
  const aliases = stringList(at, obj, 'aliases', false);
  for (const a of aliases) {
    checkSlug(at, a, 'alias');
    claim(at, taken, a, 'alias');
  }
  const def: RegionDef = { slug, name: requiredText(at, obj, 'name'), kind, code: null, parents: [], members: [] };
  const entry: RegionEntry = { def, aliases, terms: phraseList(at, obj, 'terms', true), exclude: phraseList(at, obj, 'exclude', false) };
  return { at, obj, entry };
}
