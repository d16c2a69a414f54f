import { matchChrome } from './chromeLine.js';
import { stopwordDensity } from './contentWords.js';
import { endsWithCopyright, parseCopyrightLine } from './copyrightTrailer.js';
import { type Byline, parseByline } from './parseByline.js';
import { type TimeOfDay, isRelativeTime, parseDateLine, parseTimeLine } from './parseDateline.js';
import { parseSourceNote } from './sourceNote.js';
import { wireAgencyName } from './wireAgency.js';
import { headlineShape, isLabelShaped, isProseShaped, isShoutedLabel, letterRatio, wordCount, wordsOf } from './textShape.js';

/**
 * What one line is, judged on the line alone. Whether a headline-shaped line is a title, a label
 * or leftover chrome depends on what surrounds it; `assembleDrafts` decides that.
 */
export type LineClass =
  | { kind: 'blank' }
  /** Dropped; `boundary` also ends the article above (see chromeLine). */
  | { kind: 'chrome'; what: string; boundary: boolean }
  /** "keep reading", "Read more", "Show less": the page cut the article above. */
  | { kind: 'cut' }
  | { kind: 'date'; iso: string; updated: boolean }
  /** A bare clock time: a news-feed entry starts here. */
  | { kind: 'time'; time: TimeOfDay }
  /** "5 hours ago": a stamp, but not a date. */
  | { kind: 'relative' }
  /** "- Japan Today": the outlet of the related article that follows (when its context agrees). */
  | { kind: 'outlet'; name: string }
  | { kind: 'byline'; byline: Byline }
  /** "This article was republished with permission from Eurasianet." */
  | { kind: 'sourceNote'; name: string }
  /** A notice on its own line; `wire` when the holder is a news agency (else it is the site footer). */
  | { kind: 'copyright'; holder: string; wire: boolean }
  /** Section labels that are never text: "Analysis | Reporting | Europe", "QIOSK". */
  | { kind: 'label' }
  /** Headline-shaped; `labelShaped` when it could equally be a section label ("Latin America"). */
  | { kind: 'heading'; labelShaped: boolean; words: number }
  /** Prose. `headlineLike`: one short sentence that could be a news-feed headline. `signOff`: ends with a copyright notice. */
  | { kind: 'text'; headlineLike: boolean; signOff: boolean };

export interface ClassifiedLine {
  text: string;
  cls: LineClass;
}

/** "keep readingShow less", "Continue reading »", "Read more…": a teaser's cut marker, glued or not. */
const mayBeCutMarker = /read|show|keep|contin/i;

export function isCutMarker(line: string): boolean {
  if (line.length > 60 || !mayBeCutMarker.test(line)) return false;
  const squeezed = line.toLowerCase().replace(/[\s.…»›→>|·•:-]+/g, '');
  return /^(?:keepreading|continuereading|readmore|readfullstory|readfullarticle|readthefullstory|readthefullarticle|readtherest|showless)+$/.test(squeezed);
}

/**
 * A cut marker glued to the end of a paragraph ("... many questions remain.keep readingShow
 * less"): only after the sentence has ended, or together with its "Show less" toggle, because
 * "he wanted to spread more" is prose.
 */
export const trailingCutMarker = /(?<=[.!?…"”'’])\s*(?:keep\s+reading|continue\s+reading|read\s+more)(?:\s*show\s+less)?\s*[.…»›→]*$|\s*(?:keep\s+reading|continue\s+reading|read\s+more)\s*show\s+less$|(?<=[.!?…"”'’])\s*show\s+less$/iu;

const outletLine = /^[-–—]\s*(\S.*)$/;

/** "Analysis | Reporting | Europe": short capitalised parts between pipes or bullets. */
function isPipeLabel(line: string): boolean {
  if (line.length > 80 || !/\s[|•·]\s/.test(line)) return false;
  return line.split(/\s+[|•·]\s+/).every((part) => wordCount(part) <= 4 && /^\p{Lu}/u.test(part) && !/[.!?]$/.test(part));
}

/**
 * Each rule below is asked only of a line that could match it, by tests of the line's first
 * character, its length or its figures: most lines are asked a few integer questions instead of
 * a pattern per rule. Every gate is implied by its rule's own pattern, so a parser taught a new
 * form (a byline opening with another word) needs its gate widened too: lineGates.test.ts compares
 * classifyLine with the rules asked of every line.
 */
export function classifyLine(line: string): LineClass {
  if (!line) return { kind: 'blank' };
  if (isCutMarker(line)) return { kind: 'cut' };
  const length = line.length;
  const c0 = line.charCodeAt(0);
  // "• 14:10": a news feed's stamps are often list items. A clock time starts with a figure (after the bullet and its spaces).
  if (isDigitUnit(c0) || (isTimeBullet(c0) && (isDigitUnit(line.charCodeAt(2)) || isWhiteUnit(line.charCodeAt(2))))) {
    const time = parseTimeLine(/^[•▪◦*·]\s/u.test(line) ? line.slice(2).trimStart() : line);
    if (time) return { kind: 'time', time };
  }
  // "5 hours ago" ends with "ago"; "yesterday", "just now", "moments ago" are short.
  if ((length <= 11 || endsWithAgo(line)) && isRelativeTime(line)) return { kind: 'relative' };
  // Every date pattern holds a four-digit year, and a dateline starts with a letter or a figure (its prefix, a weekday, a month, the day).
  if (length <= 120 && isAsciiAlnum(c0) && fourDigits.test(line)) {
    const date = parseDateLine(line);
    if (date) return { kind: 'date', ...date };
  }
  // "By ...", "Written by ...", "Words by ...", "Reporting by ...", "Text by ...", "Author: ..."
  if (length <= 250 && isBylineStart(c0, line.charCodeAt(1))) {
    const byline = parseByline(line);
    if (byline) return { kind: 'byline', byline };
  }
  if (c0 === 0x2d || c0 === 0x2013 || c0 === 0x2014) {
    const outlet = outletLine.exec(line);
    if (outlet && isLabelShaped(outlet[1] ?? '')) return { kind: 'outlet', name: (outlet[1] ?? '').trim() };
  }
  const chrome = matchChrome(line);
  if (chrome) return { kind: 'chrome', ...chrome };
  // "© 2025 AFP", "(c) ...", "Copyright ...", after any white space (the notice is read trimmed).
  if (length <= 100 && (c0 === 0xa9 || c0 === 0x28 || c0 === 0x43 || c0 === 0x63 || isWhiteUnit(c0))) {
    const holder = parseCopyrightLine(line);
    if (holder) return { kind: 'copyright', holder, wire: wireAgencyName(holder) !== null };
  }
  // "This article was ...", "The above ...", "Originally ...", "First ...", "Republished ...", "Reprinted ..."
  if (length <= 250 && isSourceNoteStart(c0, line.charCodeAt(1))) {
    const note = parseSourceNote(line);
    if (note) return { kind: 'sourceNote', name: note };
  }
  // A label's first part starts with a capital; a SHOUTED one holds no lower-case letter or figure.
  if ((!(c0 < 0x80) || (c0 >= 0x41 && c0 <= 0x5a)) && isPipeLabel(line)) return { kind: 'label' };
  if (!((c0 >= 0x61 && c0 <= 0x7a) || isDigitUnit(c0)) && isShoutedLabel(line)) return { kind: 'label' };
  // A paragraph signed off by an agency ("... the territory. © KYODO") is prose whatever its length.
  const signOff = endsWithCopyright(line);
  const shape = signOff ? null : headlineShape(line);
  if (shape === 'headline') return { kind: 'heading', labelShaped: isLabelShaped(line), words: wordsOf(line) };
  if (signOff || isProseShaped(line)) return { kind: 'text', headlineLike: shape === 'fullStop', signOff };
  // "To see why, take the small example below:": a sentence that introduces what follows.
  const last = line.charCodeAt(length - 1);
  if ((last === 0x3a || last === 0xff1a) && wordCount(line) >= 6 && stopwordDensity(line) >= 0.25) return { kind: 'text', headlineLike: false, signOff: false };
  // A list item inside an article ("- Increase tariffs on imports") is text, though unfinished.
  if (isListMark(c0) && /^[-–•▪*]\s+\S+\s+\S/u.test(line) && letterRatio(line) >= 0.5) return { kind: 'text', headlineLike: false, signOff: false };
  // Short, unfinished, not a headline: image alt text ("remittance tax central america"),
  // form prompts ("Explore what ... can do for you:"), stray fragments.
  return { kind: 'chrome', what: 'fragment', boundary: false };
}

const fourDigits = /\d{4}/;
/** What `\s` matches, by code unit (the copyright notice is read trimmed). */
function isWhiteUnit(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
const isDigitUnit = (c: number) => c >= 48 && c <= 57;
const isAsciiAlnum = (c: number) => isDigitUnit(c) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
/** • ▪ ◦ * · */
const isTimeBullet = (c: number) => c === 0x2022 || c === 0x25aa || c === 0x25e6 || c === 0x2a || c === 0xb7;
/** - – • ▪ * */
const isListMark = (c: number) => c === 0x2d || c === 0x2013 || c === 0x2022 || c === 0x25aa || c === 0x2a;
/**
 * The first two letters, in either case, of a byline's opening word: by, wr(itten), wo(rds),
 * re(porting), te(xt), au(thor). (`c | 0x20` is a lower-case letter only for that letter's two cases.)
 */
function isBylineStart(c: number, d: number): boolean {
  const a = c | 0x20;
  const b = d | 0x20;
  return (a === 0x62 && b === 0x79) || (a === 0x77 && (b === 0x72 || b === 0x6f)) || (a === 0x72 && b === 0x65) || (a === 0x74 && b === 0x65) || (a === 0x61 && b === 0x75);
}
/** th(is, the), or(iginally), fi(rst), re(published, reprinted), in either case. */
function isSourceNoteStart(c: number, d: number): boolean {
  const a = c | 0x20;
  const b = d | 0x20;
  return (a === 0x74 && b === 0x68) || (a === 0x6f && b === 0x72) || (a === 0x66 && b === 0x69) || (a === 0x72 && b === 0x65);
}

/** Ends with "ago" or "ago." in any case. */
function endsWithAgo(line: string): boolean {
  let end = line.length;
  if (line.charCodeAt(end - 1) === 0x2e) end--;
  return end >= 3 && (line.charCodeAt(end - 3) | 0x20) === 0x61 && (line.charCodeAt(end - 2) | 0x20) === 0x67 && (line.charCodeAt(end - 1) | 0x20) === 0x6f;
}
