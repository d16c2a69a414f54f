/**
 * Deterministic synthetic news: headlines and paragraphs built from the real taxonomy's terms
 * (config/topics.json, config/regions.json) and a plain-English filler vocabulary, so the
 * classifier has real work to do and full-text search has realistic word frequencies.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: a tiny seeded PRNG; the same seed gives the same store on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rand = () => number;
export const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)];

interface Named {
  slug: string;
  terms: string[];
}
export interface Country extends Named {
  name: string;
  groups: string[];
}
export interface Vocabulary {
  topics: Named[];
  countries: Country[];
  /** Cumulative weights: a few topics and countries carry most of the news, as in real feeds. */
  topicWeights: number[];
  countryWeights: number[];
}

/** Single words only: multi-word and odd terms make clumsy sentences and add nothing here. */
const plain = (terms: string[]) => terms.filter((t) => /^[A-Za-z][A-Za-z-]+$/.test(t));

function cumulative(n: number, skew: number): number[] {
  const raw = Array.from({ length: n }, (_, i) => 1 / (i + 1) ** skew);
  const total = raw.reduce((a, b) => a + b, 0);
  let acc = 0;
  return raw.map((w) => (acc += w / total));
}

function weighted(rand: Rand, cum: number[]): number {
  const x = rand();
  const i = cum.findIndex((c) => x < c);
  return i < 0 ? cum.length - 1 : i;
}

export function loadVocabulary(configDir = join(import.meta.dirname, '..', 'config')): Vocabulary {
  const topicsJson = JSON.parse(readFileSync(join(configDir, 'topics.json'), 'utf8')) as { topics: Named[] };
  const regionsJson = JSON.parse(readFileSync(join(configDir, 'regions.json'), 'utf8')) as { countries: Country[] };
  const topics = topicsJson.topics.map((t) => ({ slug: t.slug, terms: plain(t.terms) })).filter((t) => t.terms.length > 0);
  // Central Asia first so its countries are among the heavier ones (the bench's region-group feed).
  const countries = regionsJson.countries
    .map((c) => ({ slug: c.slug, name: c.name, groups: c.groups, terms: plain(c.terms) }))
    .filter((c) => c.terms.length > 0);
  // Spread the weights with a stride so heavy countries are not all neighbours in the file.
  const order = countries.map((_, i) => (i * 37) % countries.length);
  const shuffled = [...new Set(order)].map((i) => countries[i]);
  return {
    topics,
    countries: shuffled,
    topicWeights: cumulative(topics.length, 0.6),
    countryWeights: cumulative(shuffled.length, 0.9),
  };
}

const adjectives = [
  'new', 'former', 'senior', 'local', 'regional', 'national', 'official', 'key', 'major', 'public', 'private', 'recent',
  'long-awaited', 'controversial', 'unexpected', 'joint', 'annual', 'draft', 'final', 'preliminary', 'quiet', 'sharp',
];
const nouns = [
  'government', 'ministry', 'parliament', 'committee', 'court', 'agency', 'company', 'report', 'plan', 'agreement',
  'proposal', 'statement', 'investigation', 'delegation', 'budget', 'project', 'pipeline', 'railway', 'border', 'port',
  'bank', 'network', 'program', 'reform', 'decision', 'meeting', 'visit', 'deal', 'survey', 'strategy', 'law', 'bill',
  'crisis', 'shortage', 'contract', 'tender', 'license', 'corridor', 'summit', 'forum', 'audit', 'probe', 'loan',
];
const verbs = [
  'announced', 'approved', 'rejected', 'signed', 'discussed', 'criticized', 'welcomed', 'delayed', 'confirmed', 'denied',
  'launched', 'suspended', 'reviewed', 'expanded', 'questioned', 'defended', 'unveiled', 'postponed', 'backed', 'blocked',
];
const people = [
  'Aigerim Nurlanova', 'Daniyar Sadykov', 'Olena Kovalenko', 'Giorgi Beridze', 'Farida Yusupova', 'Marat Akhmetov',
  'Anna Nowak', 'Timur Rakhimov', 'Nino Kapanadze', 'Rustam Tursunov', 'Elena Petrova', 'Arman Zhaksylykov',
];
const outlets = ['The Steppe Post', 'Caspian Wire', 'Silk Road Times', 'Eurasia Daily Review', 'Mountain Herald', 'Border Report'];
const whens = ['on Monday', 'on Tuesday', 'this week', 'last month', 'on Friday', 'earlier this year', 'late on Sunday', 'in March'];

export interface Story {
  title: string;
  paragraphs: string[];
  topics: string[];
  /** Country slugs; their groups come from `Country.groups`. */
  countries: Country[];
  author: string;
  outlet: string;
}

function sentence(rand: Rand, topicTerm: string, countryTerm: string): string {
  const s = [
    () => `The ${pick(rand, adjectives)} ${pick(rand, nouns)} ${pick(rand, verbs)} a ${pick(rand, adjectives)} ${pick(rand, nouns)} ${pick(rand, whens)}, according to officials in ${countryTerm}.`,
    () => `${pick(rand, people)} said the ${pick(rand, nouns)} on ${topicTerm} would be ${pick(rand, verbs)} by the ${pick(rand, nouns)} before the end of the year.`,
    () => `Analysts in ${countryTerm} expect the ${pick(rand, nouns)} to shape ${topicTerm} policy and the ${pick(rand, adjectives)} ${pick(rand, nouns)} for years.`,
    () => `Critics ${pick(rand, verbs)} the ${pick(rand, nouns)}, saying it ignored the ${pick(rand, nouns)} and the concerns of the ${pick(rand, adjectives)} ${pick(rand, nouns)}.`,
    () => `A ${pick(rand, adjectives)} ${pick(rand, nouns)} is due to meet ${pick(rand, whens)} to review the ${pick(rand, nouns)} and its costs.`,
    () => `The ${pick(rand, nouns)} has ${pick(rand, verbs)} ${Math.floor(rand() * 90) + 10} percent of the ${pick(rand, nouns)} since ${2015 + Math.floor(rand() * 10)}.`,
  ];
  return pick(rand, s)();
}

/** One story: a headline and 2-4 paragraphs of two sentences (~90 words, a typical feed entry). */
export function makeStory(rand: Rand, vocab: Vocabulary): Story {
  const topicCount = rand() < 0.3 ? 2 : 1;
  const countryCount = rand() < 0.25 ? 2 : 1;
  const topics = new Set<number>();
  while (topics.size < topicCount) topics.add(weighted(rand, vocab.topicWeights));
  const countries = new Set<number>();
  while (countries.size < countryCount) countries.add(weighted(rand, vocab.countryWeights));
  const ts = [...topics].map((i) => vocab.topics[i]);
  const cs = [...countries].map((i) => vocab.countries[i]);
  const term = () => pick(rand, pick(rand, ts).terms);
  const place = () => pick(rand, pick(rand, cs).terms);

  const title = `${place()} ${pick(rand, nouns)} ${pick(rand, verbs)} over ${term()} ${pick(rand, nouns)}`;
  const paragraphs = Array.from({ length: 2 + Math.floor(rand() * 3) }, () =>
    `${sentence(rand, term(), place())} ${sentence(rand, term(), place())}`,
  );
  return {
    title: title[0].toUpperCase() + title.slice(1),
    paragraphs,
    topics: ts.map((t) => t.slug),
    countries: cs,
    author: pick(rand, people),
    outlet: pick(rand, outlets),
  };
}

/** Every region slug an item about these countries carries: the countries and their groups. */
export function regionSlugs(countries: Country[]): string[] {
  return [...new Set(countries.flatMap((c) => [c.slug, ...c.groups]))].sort();
}

export const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
