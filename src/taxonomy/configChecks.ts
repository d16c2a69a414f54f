/**
 * Small validators for the taxonomy config files. Every failure throws an Error whose message
 * starts with the file and the entry ("config/regions.json: countries[4] (kazakhstan): ...").
 */

import { hasWord } from './tokenize.js';

export const TOPICS_FILE = 'config/topics.json';
export const REGIONS_FILE = 'config/regions.json';

const SLUG = /^[a-z0-9-]+$/;

/** Where a problem is: file, list and index, plus the slug once it is known. */
export class Place {
  constructor(readonly file: string, readonly path: string, readonly slug?: string) {}
  fail(problem: string): never {
    const slug = this.slug === undefined ? '' : ` (${this.slug})`;
    throw new Error(`${this.file}: ${this.path}${slug}: ${problem}`);
  }
  withSlug(slug: string): Place {
    return new Place(this.file, this.path, slug);
  }
}

export type Json = Record<string, unknown>;

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function rootObject(file: string, json: unknown, lists: readonly string[]): Json {
  const at: Place = new Place(file, '(top level)');
  if (!isObject(json)) at.fail(`expected an object with ${lists.map((l) => `"${l}"`).join(' and ')}`);
  checkKeys(at, json, lists);
  for (const l of lists) if (!Array.isArray(json[l])) at.fail(`"${l}" must be an array`);
  return json;
}

/** Keys starting with `$` are comments; anything else not in `allowed` is a typo worth reporting. */
export function checkKeys(at: Place, obj: Json, allowed: readonly string[]): void {
  for (const key of Object.keys(obj)) {
    if (!key.startsWith('$') && !allowed.includes(key)) at.fail(`unknown key "${key}" (allowed: ${allowed.join(', ')})`);
  }
}

export function entryObject(at: Place, v: unknown, allowed: readonly string[]): Json {
  if (!isObject(v)) at.fail('expected an object');
  checkKeys(typeof v.slug === 'string' ? at.withSlug(v.slug) : at, v, allowed);
  return v;
}

export function slugOf(at: Place, obj: Json, key = 'slug'): string {
  const v = obj[key];
  if (v === undefined) at.fail(`missing "${key}"`);
  if (typeof v !== 'string') at.fail(`"${key}" must be a string`);
  checkSlug(at, v, key);
  return v;
}

export function checkSlug(at: Place, v: string, what: string): void {
  if (!SLUG.test(v)) at.fail(`${what} "${v}" may only contain a-z, 0-9 and "-"`);
}

export function requiredText(at: Place, obj: Json, key: string): string {
  const v = obj[key];
  if (v === undefined) at.fail(`missing "${key}"`);
  if (typeof v !== 'string' || v.trim() === '') at.fail(`"${key}" must be a non-empty string`);
  return v;
}

export function stringList(at: Place, obj: Json, key: string, required: boolean): string[] {
  const v = obj[key];
  if (v === undefined) {
    if (required) at.fail(`missing "${key}"`);
    return [];
  }
  if (!Array.isArray(v)) at.fail(`"${key}" must be an array of strings`);
  v.forEach((s, i) => {
    if (typeof s !== 'string' || s.trim() === '') at.fail(`"${key}"[${i}] must be a non-empty string`);
  });
  return v as string[];
}

/** Terms and excluded phrases must contain a word: punctuation alone can never match. */
export function phraseList(at: Place, obj: Json, key: string, required: boolean): string[] {
  const list = stringList(at, obj, key, required);
  for (const p of list) if (!hasWord(p)) at.fail(`"${key}" entry "${p}" has no letters or digits`);
  return list;
}

/** What a slug or alias is already used as: "slug of countries[3] (kazakhstan)". */
export interface Claim { what: string; by: string }

/** Records a slug or alias in one namespace, failing on a duplicate or a clash with another kind. */
export function claim(at: Place, taken: Map<string, Claim>, name: string, what: string): void {
  const prior = taken.get(name);
  if (prior !== undefined) {
    if (prior.what === what) at.fail(`duplicate ${what} "${name}" (already used by ${prior.by})`);
    at.fail(`${what} "${name}" clashes with the ${prior.what} of ${prior.by}`);
  }
  taken.set(name, { what, by: at.slug === undefined ? at.path : `${at.path} (${at.slug})` });
}
