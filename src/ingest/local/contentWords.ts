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

/** Per UTF-16 code unit beyond ASCII: 1 a letter or digit, 2 not, 0 not asked yet (a Unicode regex per character is slow; asked once). */
const wordUnit = new Uint8Array(0x10000);
function isWordUnit(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  let v = wordUnit[c]!;
  if (v === 0) wordUnit[c] = v = /[\p{L}\p{N}]/u.test(String.fromCharCode(c)) ? 1 : 2;
  return v === 1;
}

/**
 * Calls `each` with every word of the text (letters and digits, with an inner apostrophe: "don't",
 * "l’État"), at most `limit` of them. A hand-written scan: the same as a Unicode word regex, several
 * times cheaper.
 */
export function eachWord(text: string, limit: number, each: (word: string) => void): void {
  let n = 0;
  const len = text.length;
  for (let i = 0; i < len; ) {
    if (!isWordUnit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    for (;;) {
      while (i < len && isWordUnit(text.charCodeAt(i))) i++;
      const q = text.charCodeAt(i);
      if ((q === 39 || q === 0x2019) && i + 1 < len && isWordUnit(text.charCodeAt(i + 1))) {
        i++;
        continue;
      }
      break;
    }
    if (++n > limit) return;
    each(text.slice(start, i));
  }
}

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
  eachWord(text, limit, (raw) => {
    if (raw.length < 3 && raw.charCodeAt(0) < 0x3000) return;
    const w = raw.toLowerCase();
    if (hasWide(w)) {
      for (const run of w.matchAll(cjkRun)) for (let i = 0; i + 1 < run[0].length; i++) out.add(run[0].slice(i, i + 2));
      return;
    }
    if (stopwords.has(w) || isDigits(w)) return;
    out.add(w);
  });
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
  eachWord(text.length > 800 ? text.slice(0, 800) : text, Infinity, (w) => {
    words++;
    if (stopwords.has(w.toLowerCase())) stops++;
  });
  return words ? stops / words : 0;
}

const wide = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]/gu;

/**
 * A paragraph of running prose, as jusText judges one: long enough, and (in languages that space
 * their words) dense in function words. Menus, link lists, credits and labels are not, nor a row
 * of links on one line ("Home | News | Sport"), nor a line holding leaked HTML tags; a list item
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

/** Separators of a row of links printed on one line ("Home | News | Sport", "Tips • Reviews • Deals"). */
const rowSeparator = /\s[|•·]\s/g;
/** Pieces of a row and the words each holds at most. */
const minRowPieces = 3;
const maxRowPieceWords = 8;

/** A row of links on one line: three or more short pieces between separators, none a sentence. */
function isLinkRow(text: string): boolean {
  const seps = text.match(rowSeparator);
  if (!seps || seps.length < minRowPieces - 1) return false;
  return text.split(rowSeparator).every((piece) => piece.trim().split(/\s+/).length <= maxRowPieceWords);
}

/** An HTML tag with attributes the scrape left in the text (`<img id="..."`, `<div class=...`): markup, not prose. */
const leakedTag = /<[a-z]+\s+[a-z-]+=["']/i;

function judgeProse(text: string): boolean {
  if (isLinkRow(text) || leakedTag.test(text)) return false;
  const wideChars = (text.slice(0, 400).match(wide) ?? []).length;
  if (wideChars >= 25) return true;
  return text.length >= 70 && stopwordDensity(text.slice(0, 300)) >= 0.2;
}
