import { ces, dan, deu, eng, fin, fra, hun, ind, ita, nld, nob, pol, por, ron, rus, spa, swe, tur, ukr } from 'stopword';

/**
 * The words of a text that carry its subject: lower-cased words minus the function words of the
 * languages pages are written in (from the `stopword` package). For scripts written without spaces
 * (Chinese, Japanese) each pair of adjacent characters counts as a word. Used to tell whether two
 * stretches of text are about the same thing (a sub-heading's section and the article above it
 * share their vocabulary; two teasers of a listing do not) and how much of a line is prose.
 */
/** The languages pages come in that space their words (Chinese and Japanese are handled by characters). */
export const stopwords: ReadonlySet<string> = new Set(
  [eng, fra, deu, spa, por, ita, nld, rus, ukr, ces, pol, tur, swe, dan, nob, fin, ron, hun, ind].flat().map((w) => w.toLowerCase()),
);

const cjkRun = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+/gu;
const word = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Any character of the wide scripts (checked by code point, cheaper than a regex per word). */
function hasWide(w: string): boolean {
  for (let i = 0; i < w.length; i++) if (w.charCodeAt(i) >= 0x3040) return true;
  return false;
}

function isDigits(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Distinct content words of the text (at most `limit` read, so long texts stay cheap). */
export function contentWords(text: string, limit = 600): Set<string> {
  const out = new Set<string>();
  let n = 0;
  for (const m of text.matchAll(word)) {
    if (++n > limit) break;
    const raw = m[0];
    if (raw.length < 3 && raw.charCodeAt(0) < 0x3000) continue;
    const w = raw.toLowerCase();
    if (hasWide(w)) {
      for (const run of w.matchAll(cjkRun)) for (let i = 0; i + 1 < run[0].length; i++) out.add(run[0].slice(i, i + 2));
      continue;
    }
    if (stopwords.has(w) || isDigits(w)) continue;
    out.add(w);
  }
  return out;
}

/** Share of the smaller set found in the larger: 1 when one text's vocabulary is inside the other's. */
export function cohesion(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const w of small) if (large.has(w)) shared++;
  return shared / small.size;
}

/** Share of a line's words that are function words: high in prose, low in menus, names and labels. */
export function stopwordDensity(text: string): number {
  let words = 0;
  let stops = 0;
  for (const m of text.slice(0, 800).matchAll(word)) {
    words++;
    if (stopwords.has(m[0].toLowerCase())) stops++;
  }
  return words ? stops / words : 0;
}

const wide = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]/gu;

/**
 * A paragraph of running prose, as jusText judges one: long enough, and (in languages that space
 * their words) dense in function words. Menus, link lists, credits and labels are not; a list item
 * (a bullet first) is not either, whatever its length.
 */
export function isGoodProse(text: string): boolean {
  if (text.length < 25 || /^[•▪◦●○■□◆*·‣⁃]\s/u.test(text)) return false;
  const known = proseMemo.get(text);
  if (known !== undefined) return known;
  const verdict = judgeProse(text);
  // Several stages ask about the same paragraphs; a bounded memo keeps that one judgement each.
  if (proseMemo.size > 20_000) proseMemo.clear();
  proseMemo.set(text, verdict);
  return verdict;
}

const proseMemo = new Map<string, boolean>();

function judgeProse(text: string): boolean {
  const wideChars = (text.slice(0, 400).match(wide) ?? []).length;
  if (wideChars >= 25) return true;
  return text.length >= 70 && stopwordDensity(text.slice(0, 300)) >= 0.2;
}
