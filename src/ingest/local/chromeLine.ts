/**
 * Page chrome: the lines a scrape picks up around the articles — navigation, share and comment
 * widgets, newsletter forms, tickers, result counters, photo credits, image file names. Rules
 * describe kinds of chrome as whole lines; none is tied to one site's wording more than needed.
 *
 * Two kinds matter downstream:
 * - `boundary`: a widget or section heading ("Related Articles", "Comments", "MORE NEWS"); what
 *   follows belongs to something else, so the article above ends here.
 * - inline chrome: noise inside or between articles (a caption, "Advertisement", a form field);
 *   dropped, and the article around it goes on.
 */
export interface ChromeMatch {
  /** What kind of chrome, for the page notes ("ticker", "newsletter form"). */
  what: string;
  boundary: boolean;
}

import { type Rule, boundaryRules, inlineRules } from './chromeRules.js';
import { counterPatterns, isCounterLine } from './counterLine.js';

/**
 * The rules `startGate` holds: anchored at the line's start, and case-insensitive or free of
 * cased letters (the gate is, so a rule matches alone just when its part of the gate does).
 * The others (`loose`) are asked of every line. One gate for all (most lines start no rule):
 * each big alternation costs its thread milliseconds to compile, so there is no second one per list.
 */
const caseFree = (source: string) => !/[A-Za-z]/.test(source.replace(/\\[sSdDwWbB]/g, ''));
const gated = ([re]: Rule) => (re.flags === 'i' || (re.flags === '' && caseFree(re.source))) && re.source.startsWith('^');
const looseOf = (rules: readonly Rule[]) => rules.filter((rule) => !gated(rule)).map(([re]) => re);
const boundaryLoose = looseOf(boundaryRules);
const inlineLoose = looseOf(inlineRules);
/** The gated rules in the gate's order (the boundary list's, then the inline list's), and each rule's place there (-1: loose). */
const gatedRules = [...boundaryRules, ...inlineRules].filter(gated);
const boundaryGated = boundaryRules.filter(gated).length;
const boundaryAt = boundaryRules.map((rule) => gatedRules.indexOf(rule));
const inlineAt = inlineRules.map((rule) => gatedRules.indexOf(rule));
const ruleMarks = gatedRules.map((_, k) => `r${k}`);

/** "(Michael Kappeler/Picture Alliance via Getty Images)", "(Gage Skidmore/Flickr)" at the end of a line. */
// No `i` flag: \p{Lu} must mean a capital, so "(Gage Skidmore/Flickr)" is a credit and
// "(the CIA/MI6 coup)" is not.
const creditParenthetical = /\((?:[^()]*\/[^()]*\bvia\s+[^()]+|(?:[Pp]hoto|[Ii]mage)s?\s+via\s+[^()]+|[^()]*\b(?:Getty|Shutterstock|shutterstock|Flickr|Reuters|REUTERS|AFP|AP Photo|EPA|Sputnik|TASS|Anadolu|Alamy|Wikimedia|Unsplash|Pool|[Pp]ress [Ss]ervice)\b[^()]*|\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,2}\s?\/\s?[^()]{2,60}|[^()\s]+\.(?:ru|com|org|kz|uz|kg|tj|tm|ua|az|am|ge|gov|net)(?:\/[^()]*)?)\)$/u;

/** An image caption: a line (or line end) carrying a photo credit, in parentheses or after "Credit:". */
export function isCaptionLine(line: string): boolean {
  // The parenthetical closes the line; the trailing credit has a colon or the word "Credit" (tested first: most lines have neither).
  const tail = line.length > 400 ? '' : line.slice(-80);
  return (line.endsWith(')') && tail !== '' && creditParenthetical.test(line)) || ((tail.includes(':') || tail.includes('Credit')) && trailingCredit.test(tail));
}

/** "... on the day after the takeover Credit: CITY GAZETTE", "... in Kabul. Photograph: Jane Doe/AP", "... on Tuesday. Credit Jane Doe for Lake Notes": a caption's credit at its end. */
const trailingCredit = /\s(?:Credits?|Photograph|Photo|Picture|Image)\s?:\s*\p{Lu}[^.!?:]{1,60}$|[.!?]["”’]?\s+Credits?\s+\p{Lu}[^.!?:]{1,60}$/u;

/** Currency and market tickers: figures, codes and signs, no running words ("• KGS/USD = 0.01144 0%"). */
export function isTickerLine(line: string): boolean {
  if (line.length > 200 || !/\d/.test(line) || /\p{Ll}{3,}/u.test(line)) return false;
  return /[=%$€£¥₽₸]|\b\p{Lu}{3}\s*\/\s*\p{Lu}{3}\b/u.test(line);
}

/** Image file names left where the image was ("1600px-kassym-jomart_tokayev_2019-04-03_03"). */
export function isImageFileName(line: string): boolean {
  if (line.length < 6 || line.length > 200 || /\s/.test(line)) return false;
  return /\.(?:jpe?g|png|gif|webp|avif|svg|tiff?)$/i.test(line) || (/_/.test(line) && /^[\w.,()-]+$/.test(line)) || /^\d+px-/i.test(line);
}

/**
 * Markup a scrape left as text: a tracking pixel or an embed as one lone tag (`<img src="..."
 * style="display:none">`), or an ad slot a text browser printed as "[INS:word:INS] [INS:word:INS] ...".
 * Code in an article about HTML (a document, several tags) stays text.
 */
export function isLeakedMarkup(line: string): boolean {
  if (line.startsWith('<') && line.length >= 60 && /^<(?:img|iframe)\s[^<]*\bsrc=[^<]*>$/i.test(line)) return true;
  let ins = 0;
  for (let at = line.indexOf('[INS:'); at >= 0 && ins < 3; at = line.indexOf('[INS:', at + 5)) ins++;
  return ins >= 3;
}

const slideCounter = /^(?:[•▪*·]\s*)?(\d{1,3})\s?\/\s?(\d{2,3})\s+\S/u;

/**
 * A slide of a photo gallery ("• 12/50 Airport put up for sale", its caption under it): the
 * gallery is the site's, after the article; a fraction in a recipe ("3/4 cup") counts too few.
 */
export function isGallerySlide(line: string): boolean {
  const m = slideCounter.exec(line);
  return m !== null && Number(m[2]) >= 10 && Number(m[1]) >= 1 && Number(m[1]) <= Number(m[2]);
}

/** Lines of hashtags only ("#Kazakhstan #Russia"). */
export function isHashtagLine(line: string): boolean {
  return /^#[\p{L}\p{N}_]+(?:[\s,]+#[\p{L}\p{N}_]+)*$/u.test(line);
}

/** A comment's "Reply" link, with its counts ("• Reply", "924Reply", "3 12Reply <span ...>" when the scrape left its markup). */
const replyLink = /^(?:[•*]\s*)?(?:\d+\s*){0,3}repl(?:y|ies)(?:\s*<|\s*$)/i;

/** Whether a line is a comment's "Reply" link (see `replyLink`). */
export const isReplyLink = (line: string): boolean => replyLink.test(line);

/**
 * One pattern for every rule read from the line's start (most lines start none): the gated rules,
 * each followed by an empty group named after its place, the reply link, a gallery's counter,
 * result counters, hashtags (by their "#"). An alternation answers with its first alternative that
 * matches, so the group that took part names the first gated rule the line matches: the rules are
 * not asked (nor compiled) one by one.
 */
const startGate = new RegExp(`^(?:${[
  ...gatedRules.map(([re], k) => `(?:${re.source})(?<${ruleMarks[k]}>)`),
  ...[replyLink.source, slideCounter.source, ...counterPatterns.map((re) => re.source), '#'].map((src) => `(?:${src})`),
].join('|')})`, 'i');

/** The place in `gatedRules` of the first one the gate's match took (`gatedRules.length`: none, another start rule matched). */
function firstGated(m: RegExpExecArray | null): number {
  const groups = m?.groups;
  if (groups) for (let k = 0; k < ruleMarks.length; k++) if (groups[ruleMarks[k]!] !== undefined) return k;
  return gatedRules.length;
}

/** The chrome a line is, or null when it is not chrome by itself (it may still be by position). */
export function matchChrome(line: string): ChromeMatch | null {
  const m = startGate.exec(line);
  const start = m !== null;
  if (start && replyLink.test(line)) return { what: 'comments widget', boundary: true };
  if (line.length > 500) return null;
  // A gated rule matches when it is the first the gate found; the loose ones are asked. The
  // boundary rules come first in the gate, so when one of them was found (in a line too long for
  // them) the gate says nothing of the inline rules, which are then asked one by one.
  const first = firstGated(m);
  if (line.length <= 60 && (start || boundaryLoose.some((re) => re.test(line)))) {
    for (let k = 0; k < boundaryRules.length; k++) {
      const [re, what] = boundaryRules[k]!;
      const at = boundaryAt[k]!;
      if (at < 0 ? re.test(line) : at === first) return { what, boundary: true };
    }
  }
  if (start || inlineLoose.some((re) => re.test(line))) {
    const known = first >= boundaryGated;
    for (let k = 0; k < inlineRules.length; k++) {
      const [re, what] = inlineRules[k]!;
      const at = inlineAt[k]!;
      if (at < 0 || !known ? re.test(line) : at === first) return { what, boundary: false };
    }
  }
  if (isLeakedMarkup(line)) return { what: 'ad or tracking markup', boundary: false };
  if (start && isGallerySlide(line)) return { what: 'gallery slide', boundary: true };
  if (isTickerLine(line)) return { what: 'ticker', boundary: false };
  if (start && isCounterLine(line)) return { what: 'result counter', boundary: false };
  if (isImageFileName(line)) return { what: 'image file name', boundary: false };
  if (start && isHashtagLine(line)) return { what: 'hashtags', boundary: false };
  if (isCaptionLine(line)) return { what: 'photo caption', boundary: false };
  return null;
}
