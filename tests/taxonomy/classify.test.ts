import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/taxonomy/classify.js';
import { loadTaxonomy } from '../../src/taxonomy/loadTaxonomy.js';
import { LEAD_MAX_WORDS } from '../../src/taxonomy/scoreMatches.js';
import type { Taxonomy } from '../../src/taxonomy/taxonomy.js';
import { WordGate, Words, hasWord, tokenize } from '../../src/taxonomy/tokenize.js';
import { taxonomy } from './configFiles.js';

/** Regions for an article whose every field is `text` (title, lead and body alike). */
const regionsOf = (text: string): string[] => classify({ title: text, lead: text, text }, taxonomy).regions;
const topicsOf = (text: string): string[] => classify({ title: text, lead: text, text }, taxonomy).topics;
/** `n` words that match nothing. */
const filler = (n: number): string => Array.from({ length: n }, () => 'lorem').join(' ');

describe('tokenize', () => {
  it('splits on punctuation, hyphens and straight, curly and modifier apostrophes', () => {
    expect(tokenize("Kazakhstan’s Kazakh-Russian U.S. Déjà vu it's Kazakhstanʼs")).toEqual(
      ['Kazakhstan', 's', 'Kazakh', 'Russian', 'U', 'S', 'Déjà', 'vu', 'it', 's', 'Kazakhstan', 's']);
  });
  it('stops at the limit and leaves no state behind', () => {
    expect(tokenize('one two three four', 2)).toEqual(['one', 'two']);
    expect(tokenize('one two three four', 2)).toEqual(['one', 'two']);
    expect(tokenize('five six')).toEqual(['five', 'six']);
  });
  it('hasWord says whether tokenize finds any word', () => {
    for (const text of ['', '--', ' . , ', 'ʼ’\'', '\u0301', 'a', '--7--', 'Déjà', '  ñ', '\u{1D400}', '\uD835', 'Алматы', '東京']) {
      expect(hasWord(text)).toBe(tokenize(text).length > 0);
    }
    expect(hasWord('--')).toBe(false);
    expect(hasWord('-- x')).toBe(true);
  });
});

describe('WordGate: which words may start a term, told without making the word', () => {
  const piece = fc.constantFrom('Almaty', 'ΟΔΟΣ', 'σ', 'İstanbul', "'", ' ', '\n', '.', '-', '2024', '字', '😀', 'e\u0301', 'Kazakhstan', 'USA', 'a', 'x'.repeat(40));
  const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));

  it('lets through every word it was given, in any text (a word whose bit is clear starts no term)', () => {
    fc.assert(
      fc.property(text, text, (given, other) => {
        const gate = new WordGate();
        const taught = new Words(given);
        for (let i = 0; i < taught.length; i++) gate.add(taught.lowerAt(i));
        for (const words of [taught, new Words(`${other} ${given}`), new Words(given.toUpperCase())]) {
          for (let i = 0; i < words.length; i++) {
            const lower = words.lowerAt(i);
            const through = words.lowerIfMay(i, gate);
            if (through !== null) expect(through).toBe(lower);
            if (taught.lower.includes(lower)) expect(through).toBe(lower);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('turns away words that share no first, second and last letter and length with one given', () => {
    const gate = new WordGate();
    gate.add('kazakhstan');
    const words = new Words('The Kazakhstan KAZAKHSTAN kazakh');
    expect(Array.from({ length: words.length }, (_, i) => words.lowerIfMay(i, gate))).toEqual([null, 'kazakhstan', 'kazakhstan', null]);
  });
});

describe('Words.head: a lead that starts the body, from the body\'s words', () => {
  const piece = fc.constantFrom('Almaty', 'ΟΔΟΣ', 'σ', 'İstanbul', "'", '’', ' ', '\n\n', '\u00a0', '.', '-', '2024', '字', '😀', 'e\u0301', 'Kazakhstan', 'USA');
  const text = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''));
  const same = (a: Words, b: Words) => {
    expect(a.lower).toEqual(b.lower);
    expect(Array.from({ length: a.length }, (_, i) => a.exact(i))).toEqual(Array.from({ length: b.length }, (_, i) => b.exact(i)));
  };

  it('gives what tokenizing the lead gives, whenever it gives anything', () => {
    fc.assert(
      fc.property(text, text, fc.integer({ min: 1, max: 60 }), (lead, rest, limit) => {
        for (const body of [`${lead}\n\n${rest}`, lead, `${lead}${rest}`]) {
          const head = new Words(body).head(lead, limit);
          if (head !== null) same(head, new Words(lead, limit));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('is taken for a paragraph that starts the text, and refused where a word or case would differ', () => {
    expect(new Words('Almaty metro opens\n\nMore text').head('Almaty metro opens', 2)!.lower).toEqual(['almaty', 'metro']);
    expect(new Words('Almaty metropolis').head('Almaty metro')).toBeNull();
    expect(new Words('Almaty İstanbul').head('Almaty')).toBeNull();
    expect(new Words('Almaty').head('Astana')).toBeNull();
  });
});

describe('classify: word boundaries and case', () => {
  const mini = loadTaxonomy(
    { topics: [{ slug: 'security', name: 'Security', description: 'Spies.', terms: ['spy'] }] },
    {
      groups: [{ slug: 'asia', name: 'Asia', terms: ['Asia'] }],
      countries: [
        { slug: 'kazakh-only', name: 'K', code: 'kk', groups: ['asia'], terms: ['Kazakh'] },
        { slug: 'iran-only', name: 'I', code: 'ii', groups: ['asia'], terms: ['Iran'] },
        { slug: 'oman', name: 'Oman', code: 'om', groups: ['asia'], terms: ['Oman'] },
      ],
    },
  );
  const mini3 = (text: string) => classify({ title: text, lead: text, text }, mini);

  it('matches whole words only', () => {
    expect(mini3('Kazakhstan and the Iranian spyware in Romania').regions).toEqual([]);
    expect(mini3('Kazakhstan and the Iranian spyware in Romania').topics).toEqual([]);
    expect(mini3('A Kazakh spy in Iran and Oman').regions).toEqual(['asia', 'iran-only', 'kazakh-only', 'oman']);
    expect(mini3('A Kazakh spy in Iran and Oman').topics).toEqual(['security']);
  });

  it('lists demonyms and adjectives separately in the real data', () => {
    expect(regionsOf('Iranian drones')).toEqual(['iran', 'middle-east']);
    expect(regionsOf('Romania votes')).toEqual(['eastern-europe', 'europe', 'romania']);
    expect(regionsOf('Kazakhstani and Kazakh officials')).toEqual(['central-asia', 'kazakhstan']);
  });

  it('does not match lower-case country names (the bird, the porcelain)', () => {
    expect(regionsOf('We served turkey on fine china and a jordan almond')).toEqual([]);
    expect(regionsOf('Turkey and China sign a deal')).toEqual(['china', 'east-asia', 'europe', 'middle-east', 'turkey']);
  });

  it('matches shouted headlines', () => {
    expect(regionsOf('KAZAKHSTAN AND UZBEKISTAN SIGN DEAL')).toEqual(['central-asia', 'kazakhstan', 'uzbekistan']);
    expect(topicsOf('ESPIONAGE CASE')).toEqual(['security']);
  });

  it('keeps the US state of Georgia out of the country', () => {
    expect(regionsOf('Voters in Atlanta, Georgia turn out')).toEqual(['americas', 'united-states']);
    expect(regionsOf("Georgia's governor signs the bill")).toEqual(['americas', 'united-states']);
    expect(regionsOf('georgia peaches')).toEqual([]);
    expect(regionsOf('Protests in Tbilisi, Georgia')).toEqual(['caucasus', 'georgia']);
  });

  it('handles possessives with curly apostrophes and hyphenated pairs', () => {
    expect(regionsOf('Kazakhstan’s foreign policy')).toEqual(['central-asia', 'kazakhstan']);
    expect(regionsOf('The Kazakh-Russian border')).toEqual(['central-asia', 'eastern-europe', 'europe', 'kazakhstan', 'russia']);
  });

  it('lets the longest phrase win', () => {
    expect(regionsOf('South Korea protests')).toEqual(['east-asia', 'south-korea']);
    expect(regionsOf('Wildfires in New Mexico')).toEqual(['americas', 'united-states']);
    expect(regionsOf('Latin American remittances')).toEqual(['americas']);
    expect(regionsOf('Trouble for Central Asian economies')).toEqual(['central-asia']);
    expect(topicsOf('A looming trade war')).toEqual(['economy']);
  });

  it('ignores excluded phrases such as outlet names', () => {
    expect(regionsOf('Japan Today')).toEqual([]);
    expect(regionsOf('The Kyiv Independent news desk')).toEqual([]);
  });
});

describe('classify: weighing where a name occurs', () => {
  it('tags what the title names, not a passing mention in the body', () => {
    const tags = classify({
      title: 'Kazakhstan raises its base rate',
      lead: 'The National Bank of Kazakhstan raised its base rate on Friday.',
      text: `The National Bank of Kazakhstan raised its base rate on Friday. ${filler(60)} Analysts compared it with Russia.`,
    }, taxonomy);
    expect(tags).toEqual({ topics: [], regions: ['central-asia', 'kazakhstan'] });
  });

  it('counts a topic word in the lead only when the topic recurs in the body', () => {
    const once = 'The president was met on the tarmac at the airport by the prime minister.';
    expect(classify({ title: 'Arrival', lead: once, text: `${once} ${filler(60)}` }, taxonomy).topics).toEqual([]);
    const again = `${once} ${filler(30)} His flight had been delayed.`;
    expect(classify({ title: 'Arrival', lead: once, text: again }, taxonomy).topics).toEqual(['aviation']);
  });

  it('counts a lead mention, but only in the first LEAD_MAX_WORDS words of the lead', () => {
    const early = `Officials from Poland met on Friday. ${filler(LEAD_MAX_WORDS)}`;
    const late = `${filler(LEAD_MAX_WORDS)} Officials from Poland met on Friday.`;
    expect(classify({ title: 'Talks held', lead: early, text: early }, taxonomy).regions).toEqual(['eastern-europe', 'europe', 'poland']);
    expect(classify({ title: 'Talks held', lead: late, text: late }, taxonomy).regions).toEqual([]);
  });

  it('tags a country recurring in four separate body passages, not three', () => {
    const passages = (n: number) => Array.from({ length: n }, () => `Japan said so. ${filler(25)}`).join(' ');
    expect(classify({ title: 'A story', lead: filler(10), text: passages(4) }, taxonomy).regions).toEqual(['east-asia', 'japan']);
    expect(classify({ title: 'A story', lead: filler(10), text: passages(3) }, taxonomy).regions).toEqual([]);
  });

  it('counts a cluster of names in one sentence as one passage', () => {
    const text = `${filler(30)} U.S. envoy Witkoff went to Washington before the Alaska summit with President Trump. ${filler(30)}`;
    expect(classify({ title: 'A story', lead: filler(10), text }, taxonomy).regions).toEqual([]);
  });
});

describe('classify: hints and output', () => {
  const article = { title: 'Kazakhstan hit by espionage scandal', lead: '', text: '' };

  it('adds hints to what the text says, resolving ISO codes and rolling up groups', () => {
    expect(classify(article, taxonomy, { topics: ['energy'], regions: ['ua'] })).toEqual({
      topics: ['energy', 'security'],
      regions: ['central-asia', 'eastern-europe', 'europe', 'kazakhstan', 'ukraine'],
    });
  });

  it('accepts group hints and ignores unknown hints', () => {
    expect(classify({ title: '', lead: '', text: '' }, taxonomy, { topics: ['nope'], regions: ['caucasus', 'narnia'] }))
      .toEqual({ topics: [], regions: ['caucasus'] });
  });

  it('returns sorted slugs and is deterministic', () => {
    const input = { title: 'Uzbekistan, Azerbaijan and Kazakhstan sign energy and trade deals', lead: '', text: '' };
    const first = classify(input, taxonomy);
    expect(first).toEqual({
      topics: ['economy', 'energy'],
      regions: ['azerbaijan', 'caucasus', 'central-asia', 'kazakhstan', 'uzbekistan'],
    });
    expect(classify(input, taxonomy)).toEqual(first);
  });

  it('applies only hints with a hand-built taxonomy that has no compiled matchers', () => {
    const stub: Taxonomy = {
      topics: [{ slug: 'cyber', name: 'Cyber', description: 'Hacking.' }],
      regions: [],
      topic: (s) => (s === 'cyber' ? { slug: 'cyber', name: 'Cyber', description: 'Hacking.' } : undefined),
      region: () => undefined,
    };
    expect(classify(article, stub, { topics: ['cyber'] })).toEqual({ topics: ['cyber'], regions: [] });
  });
});

describe('tokenize: scripts beyond ASCII', () => {
  it('keeps Cyrillic, accented and astral-plane letters in one word, and splits on emoji and dashes', () => {
    expect(tokenize('Қазақстан — Astana’da Zürich 𝐀𝐁c 🙂ok')).toEqual(['Қазақстан', 'Astana', 'da', 'Zürich', '𝐀𝐁c', 'ok']);
  });
});

describe('classify: phrases that belong to another country', () => {
  it('gives India the Congress party and the US its Congress', () => {
    expect(regionsOf('The Congress party rallies')).toEqual(['india', 'south-asia']);
    expect(regionsOf('Congress passes the bill')).toEqual(['americas', 'united-states']);
  });
});

describe('classify: any input', () => {
  const known = new Set(taxonomy.regions.map((r) => r.slug));
  const knownTopics = new Set(taxonomy.topics.map((t) => t.slug));
  const vocabulary = fc.constantFrom('Kazakhstan', 'Kazakh', '’s', ' ', ', ', '-', 'war', 'U.S.', 'Georgia', 'İstanbul', '🙂', '𝐀', 'ʼ', '\n', 'oil');
  const text = fc.oneof(fc.string({ unit: 'grapheme' }), fc.array(vocabulary, { maxLength: 40 }).map((a) => a.join('')));

  it('never throws and returns sorted, known, duplicate-free slugs with groups rolled up', () => {
    fc.assert(fc.property(text, text, text, (title, lead, body) => {
      const tags = classify({ title, lead, text: body }, taxonomy);
      expect(tags.regions).toEqual([...new Set(tags.regions)].sort());
      expect(tags.topics).toEqual([...new Set(tags.topics)].sort());
      for (const r of tags.regions) {
        expect(known.has(r)).toBe(true);
        for (const p of taxonomy.region(r)?.parents ?? []) expect(tags.regions).toContain(p);
      }
      for (const t of tags.topics) expect(knownTopics.has(t)).toBe(true);
    }), { numRuns: 300 });
  });
});
