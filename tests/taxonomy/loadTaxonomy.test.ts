import { describe, expect, it } from 'vitest';
import { classify } from '../../src/taxonomy/classify.js';
import { loadTaxonomy } from '../../src/taxonomy/loadTaxonomy.js';
import { regionsJson, taxonomy, topicsJson } from './configFiles.js';

/** A small valid pair of files; each error test breaks one thing. */
function minimal() {
  return {
    topics: {
      $comment: 'comments are ignored',
      topics: [
        { slug: 'security', name: 'Security', description: 'Spies.', terms: ['espionage'] },
        { slug: 'cyber', name: 'Cyber', description: 'Hacking.', terms: ['malware'], exclude: ['anti-malware'] },
      ],
    },
    regions: {
      groups: [{ slug: 'central-asia', name: 'Central Asia', terms: ['Central Asia'] }],
      countries: [
        { slug: 'kazakhstan', name: 'Kazakhstan', code: 'kz', groups: ['central-asia'], terms: ['Kazakhstan'] },
        { slug: 'united-kingdom', name: 'United Kingdom', code: 'gb', aliases: ['uk'], groups: [], terms: ['Britain'] },
      ],
    },
  };
}

type Files = ReturnType<typeof minimal>;
type AnyJson = Record<string, any>;

function loadBroken(edit: (f: { topics: AnyJson; regions: AnyJson }) => void): () => unknown {
  const f: Files = minimal();
  edit(f as unknown as { topics: AnyJson; regions: AnyJson });
  return () => loadTaxonomy(f.topics, f.regions);
}

describe('loadTaxonomy with the real config', () => {
  it('has every required topic', () => {
    const slugs = taxonomy.topics.map((t) => t.slug);
    for (const s of ['diplomacy', 'security', 'cyber', 'conflict', 'sanctions', 'energy', 'economy', 'aviation', 'media-freedom', 'human-rights']) {
      expect(slugs).toContain(s);
    }
    expect(taxonomy.topic('cyber')).toMatchObject({ slug: 'cyber', name: 'Cyber' });
    expect(taxonomy.topic('nope')).toBeUndefined();
  });

  it('has the required groups with the five Central Asian states', () => {
    const groups = taxonomy.regions.filter((r) => r.kind === 'group').map((r) => r.slug);
    expect(groups).toEqual(expect.arrayContaining(['central-asia', 'europe', 'caucasus', 'east-asia', 'south-asia', 'middle-east', 'americas']));
    expect(taxonomy.region('central-asia')?.members).toEqual(['kazakhstan', 'kyrgyzstan', 'tajikistan', 'turkmenistan', 'uzbekistan']);
    expect(taxonomy.region('caucasus')?.members).toEqual(['azerbaijan', 'armenia', 'georgia']);
  });

  it('has every country the seed pages are about, each with an ISO code and a group', () => {
    const seedCountries = ['russia', 'ukraine', 'poland', 'azerbaijan', 'china', 'japan', 'afghanistan', 'iran', 'israel', 'united-states', 'brazil',
      'germany', 'taiwan', 'south-korea', 'cuba', 'georgia', 'armenia', 'india', 'pakistan', 'turkey', 'kazakhstan', 'kyrgyzstan', 'tajikistan',
      'turkmenistan', 'uzbekistan'];
    for (const s of seedCountries) {
      const r = taxonomy.region(s);
      expect(r?.kind, s).toBe('country');
      expect(r?.code, s).toMatch(/^[a-z]{2}$/);
      expect(r?.parents.length, s).toBeGreaterThan(0);
    }
  });

  it('looks regions up by slug, ISO code and alias, in any case', () => {
    const kz = taxonomy.region('kazakhstan');
    expect(kz).toMatchObject({ slug: 'kazakhstan', kind: 'country', code: 'kz', parents: ['central-asia'], members: [] });
    expect(taxonomy.region('kz')).toBe(kz);
    expect(taxonomy.region('KZ')).toBe(kz);
    expect(taxonomy.region('us')?.slug).toBe('united-states');
    expect(taxonomy.region('usa')?.slug).toBe('united-states');
    expect(taxonomy.region('gb')?.slug).toBe('united-kingdom');
    expect(taxonomy.region('uk')?.slug).toBe('united-kingdom');
    expect(taxonomy.region('narnia')).toBeUndefined();
  });

  it('puts russia in europe and eastern-europe, and keeps members and parents consistent', () => {
    expect(taxonomy.region('ru')?.parents).toEqual(['europe', 'eastern-europe']);
    for (const r of taxonomy.regions) {
      for (const p of r.parents) expect(taxonomy.region(p)?.members, `${r.slug} in ${p}`).toContain(r.slug);
      for (const m of r.members) expect(taxonomy.region(m)?.parents, `${m} of ${r.slug}`).toContain(r.slug);
      if (r.kind === 'group') expect(r.code).toBeNull();
    }
  });
});

describe('editing the config', () => {
  it('picks up a topic, an alias and a term a user adds to the real files', () => {
    const topics = topicsJson() as { topics: unknown[] };
    const regions = regionsJson() as { countries: { slug: string; aliases?: string[]; terms: string[] }[] };
    topics.topics.push({ slug: 'space', name: 'Space', description: 'Launches and space programmes.', terms: ['rocket', 'cosmodrome'] });
    const kz = regions.countries.find((c) => c.slug === 'kazakhstan')!;
    kz.aliases = ['qazaqstan-republic'];
    kz.terms.push('Zhezkazgan');
    const edited = loadTaxonomy(topics, regions);
    expect(edited.region('qazaqstan-republic')?.slug).toBe('kazakhstan');
    expect(classify({ title: 'A rocket lands near Zhezkazgan', lead: '', text: '' }, edited))
      .toEqual({ topics: ['space'], regions: ['central-asia', 'kazakhstan'] });
    expect(classify({ title: 'A rocket lands near Zhezkazgan', lead: '', text: '' }, taxonomy))
      .toEqual({ topics: [], regions: [] });
  });
});

describe('loadTaxonomy validation', () => {
  it('accepts the minimal files', () => {
    const f = minimal();
    const t = loadTaxonomy(f.topics, f.regions);
    expect(t.topics.map((x) => x.slug)).toEqual(['security', 'cyber']);
    expect(t.regions.map((x) => x.slug)).toEqual(['central-asia', 'kazakhstan', 'united-kingdom']);
    expect(t.region('central-asia')?.members).toEqual(['kazakhstan']);
  });

  const cases: [string, (f: { topics: AnyJson; regions: AnyJson }) => void, string][] = [
    ['topics root not an object', (f) => { f.topics = [] as unknown as AnyJson; }, 'config/topics.json: (top level): expected an object with "topics"'],
    ['topics list missing', (f) => { delete f.topics.topics; }, 'config/topics.json: (top level): "topics" must be an array'],
    ['missing slug', (f) => { delete f.topics.topics[1].slug; }, 'config/topics.json: topics[1]: missing "slug"'],
    ['bad slug characters', (f) => { f.topics.topics[0].slug = 'Human Rights'; }, 'config/topics.json: topics[0]: slug "Human Rights" may only contain a-z, 0-9 and "-"'],
    ['duplicate topic slug', (f) => { f.topics.topics[1].slug = 'security'; }, 'config/topics.json: topics[1] (security): duplicate slug "security" (already used by topics[0] (security))'],
    ['missing description', (f) => { delete f.topics.topics[0].description; }, 'config/topics.json: topics[0] (security): missing "description"'],
    ['terms not strings', (f) => { f.topics.topics[0].terms = ['spy', 3]; }, 'config/topics.json: topics[0] (security): "terms"[1] must be a non-empty string'],
    ['term without words', (f) => { f.topics.topics[1].terms = ['--']; }, 'config/topics.json: topics[1] (cyber): "terms" entry "--" has no letters or digits'],
    ['unknown key (typo)', (f) => { f.topics.topics[0].term = ['spy']; }, 'config/topics.json: topics[0] (security): unknown key "term"'],
    ['regions lists missing', (f) => { delete f.regions.groups; }, 'config/regions.json: (top level): "groups" must be an array'],
    ['entry not an object', (f) => { f.regions.countries[1] = 'uk'; }, 'config/regions.json: countries[1]: expected an object'],
    ['unknown group', (f) => { f.regions.countries[0].groups = ['central-asai']; }, 'config/regions.json: countries[0] (kazakhstan): unknown group "central-asai" (groups: central-asia)'],
    ['duplicate region slug', (f) => { f.regions.countries[1].slug = 'kazakhstan'; }, 'config/regions.json: countries[1] (kazakhstan): duplicate slug "kazakhstan" (already used by countries[0] (kazakhstan))'],
    ['country slug equal to a group slug', (f) => { f.regions.countries[1].slug = 'central-asia'; }, 'config/regions.json: countries[1] (central-asia): duplicate slug "central-asia" (already used by groups[0] (central-asia))'],
    ['missing code', (f) => { delete f.regions.countries[0].code; }, 'config/regions.json: countries[0] (kazakhstan): missing "code"'],
    ['bad code', (f) => { f.regions.countries[0].code = 'KAZ'; }, 'config/regions.json: countries[0] (kazakhstan): "code" must be two lower-case letters, got "KAZ"'],
    ['duplicate code', (f) => { f.regions.countries[1].code = 'kz'; }, 'config/regions.json: countries[1] (united-kingdom): duplicate code "kz" (already used by countries[0] (kazakhstan))'],
    ['code clashing with a slug', (f) => { f.regions.groups[0].slug = 'gb'; f.regions.countries[0].groups = ['gb']; }, 'config/regions.json: countries[1] (united-kingdom): code "gb" clashes with the slug of groups[0] (gb)'],
    ['alias clashing with a code', (f) => { f.regions.countries[1].aliases = ['kz']; }, 'config/regions.json: countries[1] (united-kingdom): alias "kz" clashes with the code of countries[0] (kazakhstan)'],
    ['bad alias characters', (f) => { f.regions.countries[1].aliases = ['U.K.']; }, 'config/regions.json: countries[1] (united-kingdom): alias "U.K." may only contain a-z, 0-9 and "-"'],
    ['group listed twice', (f) => { f.regions.countries[0].groups = ['central-asia', 'central-asia']; }, 'config/regions.json: countries[0] (kazakhstan): group "central-asia" listed twice'],
    ['missing region terms', (f) => { delete f.regions.groups[0].terms; }, 'config/regions.json: groups[0] (central-asia): missing "terms"'],
    ['code on a group', (f) => { f.regions.groups[0].code = 'ca'; }, 'config/regions.json: groups[0] (central-asia): unknown key "code"'],
  ];

  it.each(cases)('%s', (_name, edit, message) => {
    expect(loadBroken(edit)).toThrow(message);
  });

  it('messages name the file, the entry and the problem exactly', () => {
    expect(loadBroken((f) => { delete f.topics.topics[1].slug; })).toThrowError(/^config\/topics\.json: topics\[1\]: missing "slug"$/);
  });
});
