import { headlineShape, isCloser } from './textShape.js';

/**
 * Stage 0, lines → logical lines. Text dumps of web pages wrap paragraphs: a `<br>` inside a
 * paragraph, a fixed-width column, a text browser's line width. Every later stage reads a line as
 * one unit (a headline, a byline, a paragraph), so a paragraph broken over five lines would read as
 * five headlines. A line is joined to the next one of the same block (no blank line between) when
 * it visibly runs on:
 *
 * - it does not end the way a paragraph, a headline or a label ends (no final . ! ? : ; or closing
 *   quote), and
 * - the next line continues it: it starts in lower case, or this line cannot stand alone as a
 *   headline (it ends on a word that never ends a headline, such as "the", "of", "and", or on a comma; it holds a
 *   sentence break; it is too long), and
 * - neither line is a list item, and the next line is not metadata or chrome (the caller says so).
 *
 * A headline followed directly by its first paragraph, as some dumps write them, stays two lines.
 * Lines of scripts written without spaces (Chinese, Japanese) are joined without a space.
 */
export interface JoinOptions {
  /** True when the line is metadata or chrome on its own (a byline, a date, a share bar): never joined onto. */
  standsAlone: (line: string) => boolean;
  /** Does the line end its paragraph whatever follows (a copyright sign-off)? */
  closes?: (line: string) => boolean;
  /** Could the line stand as a headline by its shape (the caller's cached answer; default: `headlineShape`)? */
  headlineShaped?: (line: string) => boolean;
}

const listItem = /^(?:[•▪◦●○■□◆*·‣⁃–—-]\s|\d{1,3}[.)]\s|\[[ xX]?\])/u;

/** . ! ? … and the full-width 。！？: a sentence's end. */
function isSentenceStop(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026 || c === 0x3002 || c === 0xff01 || c === 0xff1f;
}

/**
 * Ends like a finished line: sentence punctuation, a colon or semicolon (: ; ： ；), or a closing
 * quote or bracket after a sentence's end. Read from the end by hand: a pattern anchored at the
 * end would scan a long paragraph from its start.
 */
function isFinished(line: string): boolean {
  const end = line.length;
  if (end === 0) return false;
  const last = line.charCodeAt(end - 1);
  if (isSentenceStop(last) || last === 0x3a || last === 0x3b || last === 0xff1a || last === 0xff1b) return true;
  let k = end;
  while (k > 0 && isCloser(line.charCodeAt(k - 1))) k--;
  return k < end && k > 0 && isSentenceStop(line.charCodeAt(k - 1));
}

/** Ends on a comma, a dash or an opening bracket: , - – — ( */
function endsOpen(line: string): boolean {
  const c = line.charCodeAt(line.length - 1);
  return c === 0x2c || c === 0x2d || c === 0x2013 || c === 0x2014 || c === 0x28;
}
/** Words that never end a headline or a label: the line runs on. */
const connectors = new Set([
  'a', 'an', 'the', 'of', 'and', 'or', 'but', 'that', 'which', 'whose', 'than', 'with', 'from', 'into',
  'their', 'its', 'his', 'her', 'our', 'your', 'my', 'these', 'those', 'are', 'was', 'were', 'been',
  'has', 'have', 'had', 'if', 'because', 'will', 'would', 'could', 'should', 'must',
  'de', 'la', 'le', 'les', 'des', 'du', 'et', 'un', 'une', 'el', 'los', 'las', 'y', 'del', 'que',
  'der', 'die', 'das', 'und', 'von', 'mit', 'zu', 'für', 'ein', 'eine', 'и', 'в', 'на', 'с', 'что',
]);
/** A character of the scripts written without spaces, or their punctuation (one UTF-16 unit). */
function isCjkUnit(c: number): boolean {
  return (c >= 0x3000 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xff00 && c <= 0xffef);
}
const lowerFirst = /^\p{Ll}/u;
/** Starts with a lower-case letter (ASCII by its code; the pattern only beyond). */
function startsLower(line: string): boolean {
  const c = line.charCodeAt(0);
  return c < 0x80 ? c >= 0x61 && c <= 0x7a : lowerFirst.test(line);
}
/** A long line wraps where a headline never would. */
const maxHeadlineLength = 110;

function runsOn(line: string, next: string, headlineShaped: (line: string) => boolean): boolean {
  if (isFinished(line)) return false;
  if (endsOpen(line)) return true;
  if (startsLower(next)) return true;
  // Two lines of a CJK paragraph: a wrapped column, unless the first is a short title.
  if (isCjkUnit(line.charCodeAt(line.length - 1)) && isCjkUnit(next.charCodeAt(0))) return line.length >= 20;
  const lastWord = line.slice(line.lastIndexOf(' ') + 1).toLowerCase();
  if (connectors.has(lastWord)) return true;
  return line.length > maxHeadlineLength || (line.length >= 40 && line.includes(' ') && !headlineShaped(line));
}

/** The lines with wrapped paragraphs joined; blank lines and everything else kept in place. */
export function joinWrappedLines(lines: string[], options: JoinOptions): string[] {
  const out: string[] = [];
  const headlineShaped = options.headlineShaped ?? ((line: string) => headlineShape(line) !== null);
  let open = null as string | null;
  for (const line of lines) {
    // (Each test is pure: the cheapest, whether the open line runs on at all, goes first.)
    if (open !== null && line && runsOn(open, line, headlineShaped) && !listItem.test(line) && !options.closes?.(open) && !options.standsAlone(line)) {
      const glue: string = isCjkUnit(open.charCodeAt(open.length - 1)) && isCjkUnit(line.charCodeAt(0)) ? '' : ' ';
      open = open.endsWith('-') && startsLower(line) && /\p{L}-$/u.test(open.slice(-3)) ? open + line : open + glue + line;
      continue;
    }
    if (open !== null) out.push(open);
    open = line && !listItem.test(line) && !options.standsAlone(line) ? line : null;
    if (open === null) out.push(line);
  }
  if (open !== null) out.push(open);
  return out;
}
