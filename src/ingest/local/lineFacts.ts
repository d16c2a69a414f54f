import { isLetterUnit, latinUnit } from './letterRatio.js';

/**
 * What one scan of a line's start tells the line rules, as plain data: its letters, words, wide
 * (Chinese, Japanese, Korean) characters, figures and white space. classifyLine reads a line once
 * and its rules test these numbers instead of each scanning the line again; a rule a line cannot
 * match (a date without four figures in a row, a file name with a space) is not asked at all.
 *
 * Counts are of the first `factsSpan` characters, so for a longer line they describe only its
 * start: the rules that read them are held to shorter lines.
 */
export interface LineFacts {
  /** Letters and visible (non-white-space) characters: their quotient is `letterRatio`. */
  letters: number;
  visible: number;
  /** Runs of characters above U+0020 (`wordCount`), and those among the first 400 characters. */
  words: number;
  words400: number;
  /** Characters of the scripts written without spaces among the first 400 (`wideCount`). */
  wide: number;
  /** An ASCII figure (what `\d` matches), and four of them in a row (what `\d{4}` matches). */
  digit: boolean;
  fourDigits: boolean;
  /** A white-space character (what `\s` matches). */
  white: boolean;
}

/** The characters scanned: all of a line up to this length. */
export const factsSpan = 600;

/** `letterRatio` from a line's facts (the same quotient: they count its first 600 characters too). */
export function letterShare(f: LineFacts): number {
  return f.visible ? f.letters / f.visible : 0;
}

/** What `\s` matches, by code unit. */
export function isWhiteUnit(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

export function lineFacts(line: string): LineFacts {
  const n = Math.min(line.length, factsSpan);
  let letters = 0;
  let visible = 0;
  let words = 0;
  let words400 = 0;
  let wide = 0;
  let inWord = false;
  let figures = 0;
  let digit = false;
  let fourDigits = false;
  let white = false;
  for (let i = 0; i < n; i++) {
    const c = line.charCodeAt(i);
    if (i === 400) words400 = words;
    if (c <= 32) {
      inWord = false;
      figures = 0;
      if (c === 32 || (c >= 9 && c <= 13)) white = true;
      continue;
    }
    if (!inWord) words++;
    inWord = true;
    visible++;
    if (c < 0x250) {
      if (c >= 48 && c <= 57) {
        digit = true;
        if (++figures >= 4) fourDigits = true;
        continue;
      }
      figures = 0;
      if (latinUnit[c] === 1) letters++;
      else if (c === 0xa0) white = true;
      continue;
    }
    figures = 0;
    if (c >= 0x2000 && c <= 0x2bff) {
      if (c <= 0x200a || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f) white = true;
      continue;
    }
    if (i < 400 && ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff))) wide++;
    if (c === 0x1680 || c === 0x3000 || c === 0xfeff) white = true;
    if (isLetterUnit(c)) letters++;
  }
  if (n <= 400) words400 = words;
  return { letters, visible, words, words400, wide, digit, fourDigits, white };
}
