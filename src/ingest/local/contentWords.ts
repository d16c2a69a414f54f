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

/** Per UTF-16 code unit beyond ASCII: 1 a letter or digit, 2 not, 0 not asked yet (a Unicode regex per character is slow; asked once). */
const wordUnit = new Uint8Array(0x10000);
function isWordUnit(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  let v = wordUnit[c]!;
  if (v === 0) wordUnit[c] = v = /[\p{L}\p{N}]/u.test(String.fromCharCode(c)) ? 1 : 2;
  return v === 1;
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

/** End of the word that starts at `start` (a word unit): letters and digits, with inner apostrophes. */
function wordEnd(text: string, start: number): number {
  const len = text.length;
  let i = start;
  for (;;) {
    while (i < len && isWordUnit(text.charCodeAt(i))) i++;
    const q = text.charCodeAt(i);
    if ((q === 39 || q === 0x2019) && i + 1 < len && isWordUnit(text.charCodeAt(i + 1))) {
      i++;
      continue;
    }
    return i;
  }
}

/** The scripts written without spaces, by code unit (the ranges whose adjacent pairs count as words). */
function isCjkUnit(c: number): boolean {
  return (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff);
}

/** Each pair of adjacent characters of the word's runs of the wide scripts. */
function addWidePairs(w: string, out: Set<string>): void {
  for (let i = 0; i < w.length; ) {
    if (!isCjkUnit(w.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < w.length && isCjkUnit(w.charCodeAt(end))) end++;
    for (let k = i; k + 1 < end; k++) out.add(w.slice(k, k + 2));
    i = end;
  }
}

/**
 * Distinct content words of the text (at most `limit` read, so long texts stay cheap). The words
 * are runs of letters and digits with inner apostrophes ("don't", "l’État"), scanned by hand (the
 * same as a Unicode word pattern, several times cheaper): a word too short to count is never cut out.
 */
export function contentWords(text: string, limit = 600): Set<string> {
  const out = new Set<string>();
  let n = 0;
  const len = text.length;
  for (let i = 0; i < len; ) {
    const first = text.charCodeAt(i);
    if (!isWordUnit(first)) {
      i++;
      continue;
    }
    const start = i;
    i = wordEnd(text, start);
    if (++n > limit) break;
    if (i - start < 3 && first < 0x3000) continue;
    const raw = text.slice(start, i);
    // Lower-casing calls into the runtime; a word of lower-case ASCII letters needs none.
    if (isLowerAscii(raw)) {
      if (!stopwords.has(raw) && !isDigits(raw)) out.add(raw);
      continue;
    }
    const w = raw.toLowerCase();
    if (hasWide(w)) addWidePairs(w, out);
    else if (!stopwords.has(w) && !isDigits(w)) out.add(w);
  }
  return out;
}

/** Only ASCII characters, none of them a capital: `toLowerCase` would return the word as it is. */
function isLowerAscii(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 128 || (c >= 65 && c <= 90)) return false;
  }
  return true;
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
  const sample = text.length > 800 ? text.slice(0, 800) : text;
  let words = 0;
  let stops = 0;
  for (let i = 0; i < sample.length; ) {
    if (!isWordUnit(sample.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    i = wordEnd(sample, start);
    words++;
    const w = sample.slice(start, i);
    if (stopwords.has(isLowerAscii(w) ? w : w.toLowerCase())) stops++;
  }
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
