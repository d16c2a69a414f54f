/**
 * Shape predicates for single lines: does a line look like a headline, a section label, or running
 * prose? They look only at form (length, capitals, punctuation), never at particular wording, so
 * they hold for any outlet.
 */
import { letterRatio } from './letterRatio.js';

export { letterRatio };

/** Tokens that end with a full stop without ending a sentence ("Gen. Syrskyi", "Sept. 16"). */
const abbreviations = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'sen', 'rep', 'gov', 'col', 'lt', 'sgt', 'capt', 'cpt', 'maj',
  'st', 'jr', 'sr', 'inc', 'ltd', 'co', 'corp', 'no', 'vs', 'etc', 'approx', 'est', 'dept', 'univ',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

/** "U.S.", "U.N.", "J." and the words above: a full stop after them does not end a sentence. */
export function isAbbreviation(token: string): boolean {
  const bare = token.replace(/^[("'“‘]+/, '').replace(/\.$/, '');
  if (/^(?:\p{L}\.)*\p{L}$/u.test(bare) && bare.length <= 5 && bare.includes('.')) return true; // U.S, U.N
  if (/^\p{Lu}$/u.test(bare)) return true; // an initial
  return abbreviations.has(bare.toLowerCase());
}

/** Words, counting a Chinese or Japanese line's characters two to a word. */
export function wordsOf(line: string): number {
  return Math.max(wordCount(line), Math.ceil(wideCount(line) / 2));
}

export function wordCount(line: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const space = line.charCodeAt(i) <= 32;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/** A capital or a figure first, after any opening quotes and brackets (none of them is either). */
const startsCapitalised = /^["'“‘«„「『（(]*[\p{Lu}\p{N}]/u;

/** Ends on , ; : – — - ( [ / or |: the line runs on. */
function endsUnfinished(line: string): boolean {
  switch (line.charCodeAt(line.length - 1)) {
    case 0x2c: case 0x3b: case 0x3a: case 0x2013: case 0x2014: case 0x2d: case 0x28: case 0x5b: case 0x2f: case 0x7c:
      return true;
    default:
      return false;
  }
}
/** Closing quotes and brackets, and a reference work's citation marks ("... in 1921.[1][2]", "[citation needed]"), after a line's last word. */
const closingMarks = /(?:["'”’»)\]」』）]|\[(?:\d{1,3}|[a-z]|note \d{1,3}|citation needed)\])+$/iu;

/** Ends the way a sentence ends: . ! ? or an ellipsis (or the full-width 。！？), possibly inside closing quotes. */
export function endsLikeSentence(line: string): boolean {
  // End-anchored patterns scan the whole string in JS; the tail is all they need.
  return /[.!?…。！？]$/u.test(withoutClosingMarks(line.slice(-40)));
}

/** Closing quotes and brackets: " ' ” ’ » ) ] 」 』 ）, the last character of any closing mark. */
export function isCloser(c: number): boolean {
  return c === 0x22 || c === 0x27 || c === 0x201d || c === 0x2019 || c === 0xbb || c === 0x29 || c === 0x5d || c === 0x300d || c === 0x300f || c === 0xff09;
}

/** The line without its closing marks (asked of the pattern only when the line ends with a closer). */
function withoutClosingMarks(line: string): string {
  return isCloser(line.charCodeAt(line.length - 1)) ? line.replace(closingMarks, '') : line;
}

/**
 * How many characters of the scripts written without spaces (Chinese, Japanese) the line holds,
 * in a sample of its start. One such character carries about as much as a short word.
 */
export function wideCount(line: string): number {
  const n = Math.min(line.length, 400);
  let wide = 0;
  for (let i = 0; i < n; i++) {
    const c = line.charCodeAt(i);
    if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff)) wide++;
  }
  return wide;
}

const wideProbe = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]/;

/** A line mostly in a script written without spaces. */
export function isWideScript(line: string): boolean {
  if (!wideProbe.test(line)) return false;
  const wide = wideCount(line);
  return wide >= 2 && wide * 2 >= Math.min(line.length, 400) - wordCount(line.slice(0, 400));
}

/**
 * The line's length in Latin characters' worth: a Chinese or Japanese character weighs as much as
 * three Latin ones (a word and its space), so a paragraph of 50 characters counts as one.
 */
export function proseLength(line: string): number {
  return line.length + 2 * wideCount(line);
}

/** Longest headline, in characters, in the scripts written without spaces (a Latin letter in it weighs a third). */
const maxWideHeadline = 48;

/**
 * A headline in Chinese or Japanese: short, no sentence-ending 。 (a ？ or ！ may stand inside, as in
 * a question headline), not cut off.
 */
function wideHeadlineShape(line: string): 'headline' | null {
  if ((line.length > maxWideHeadline && wideCount(line) + (line.length - wideCount(line)) / 3 > maxWideHeadline) || /[。，、；：,;:]$/u.test(line) || /。./u.test(line) || withoutClosingMarks(line).endsWith('。')) return null;
  if (endsWithEllipsis(line) || letterRatio(line) < 0.6) return null;
  return 'headline';
}

/** Ends with "..." or "…": the page cut the text here. */
export function endsWithEllipsis(line: string): boolean {
  const tail = line.slice(-12).trimEnd();
  return tail.endsWith('...') || tail.endsWith('…');
}

const innerBreak = /([.!?])["'”’)]*\s+["'“‘(]*\p{Lu}/gu;

/**
 * True when a sentence ends inside the line and another begins ("... revolt. But can ...").
 * Headlines are one sentence; standfirsts and paragraphs usually are not.
 */
export function hasInnerSentenceBreak(line: string): boolean {
  // Find the punctuation first and look back for its word, so a long line costs one pass.
  const re = innerBreak;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line)) !== null) {
    if (m[1] !== '.') return true;
    const wordStart = line.lastIndexOf(' ', m.index) + 1;
    if (!isAbbreviation(line.slice(wordStart, m.index + 1))) return true;
  }
  return false;
}

/**
 * Looks like a headline: one short sentence that starts with a capital (or a digit or a quote)
 * and does not run on. "Latin America" passes too; whether it is a title or a label is decided by
 * position, not shape. 'fullStop': it would be one but ends with a full stop, as news-feed
 * headlines do ("Arms procurement head should keep post, supervisory board says.").
 */
export function headlineShape(line: string): 'headline' | 'fullStop' | null {
  if (line.length < 2 || line.length > 200) return null;
  if (isWideScript(line)) return wideHeadlineShape(line);
  if (endsUnfinished(line)) return null;
  if (!startsCapitalised.test(line)) return null;
  if (wordCount(line) > 30) return null;
  // Judge the end inside closing quotes: `... "political statement."` ends a sentence.
  const end = withoutClosingMarks(line);
  if (endsWithEllipsis(end)) return null;
  let shape: 'headline' | 'fullStop' = 'headline'; // a full stop, or 。 after a Latin start
  if ((end.endsWith('.') && !isAbbreviation(end.slice(end.lastIndexOf(' ') + 1))) || end.endsWith('。')) {
    if (end !== line) return null;
    shape = 'fullStop';
  }
  if (letterRatio(line) < 0.6 || hasInnerSentenceBreak(line)) return null;
  return shape;
}

export interface HeadlineShapeOptions {
  /** Accept a final full stop (news-feed headlines). */
  allowFullStop?: boolean;
}

export function isHeadlineShaped(line: string, options: HeadlineShapeOptions = {}): boolean {
  const shape = headlineShape(line);
  return shape === 'headline' || (shape === 'fullStop' && options.allowFullStop === true);
}

/**
 * Looks like a section label or a short name ("Latin America", "Washington Politics", "Japan
 * Today"): at most four capitalised words, no sentence punctuation, no digits.
 */
export function isLabelShaped(line: string): boolean {
  if (line.length > 40) return false;
  const words = line.split(/\s+/);
  if (words.length < 1 || words.length > 4) return false;
  return words.every((w) => w === '&' || /^\p{Lu}[\p{L}'’.-]*$/u.test(w)) && !/[.]$/.test(line);
}

/** SHOUTED short lines ("MORE NEWS", "QIOSK"): section furniture; letters of a script without case are no shouting. */
export function isShoutedLabel(line: string): boolean {
  return line.length <= 30 && wordCount(line) <= 3 && /\p{Lu}{2,}/u.test(line) && !/[\p{Ll}\p{Lo}\d]/u.test(line);
}

/**
 * Looks like running prose: mostly letters, and either finished like a sentence or long enough
 * that it cannot be a label or an image alt text.
 */
export function isProseShaped(line: string): boolean {
  return (endsLikeSentence(line) || line.length >= 120 || (line.length >= 40 && proseLength(line) >= 120)) && letterRatio(line) >= 0.5;
}
