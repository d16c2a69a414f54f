import type { ClassifiedLine } from './classifyLine.js';
import { contentWords } from './contentWords.js';
import { wordCount } from './textShape.js';

/** How long a standfirst is (words), and how much of it the article's text must echo. */
const standfirstWords = [12, 60] as const;
const standfirstEcho = 0.5;

/**
 * Line `i` heads a standfirst: the next line under it (past blanks and chrome, within four lines)
 * is a long line of prose, not yet the text (above `firstParagraph`), most of whose subject words
 * the text (`body`) repeats. That is what a headline has under it; a teaser's blurb is about
 * something else, and a caption is followed by the text itself.
 */
export function headsStandfirst(lines: ClassifiedLine[], i: number, body: ReadonlySet<string>, firstParagraph: number): boolean {
  for (let j = i + 1; j < firstParagraph && j <= i + 4; j++) {
    const l = lines[j]!;
    if (!l.text || l.cls.kind === 'chrome') continue;
    const words = wordCount(l.text);
    if (words < standfirstWords[0] || words > standfirstWords[1] || (l.cls.kind !== 'text' && l.cls.kind !== 'heading') || isTitleCase(l.text)) return false;
    const own = contentWords(l.text);
    let echoed = 0;
    for (const w of own) if (body.has(w)) echoed++;
    return own.size >= 4 && echoed >= standfirstEcho * own.size;
  }
  return false;
}

/** Most longer words capitalised ("Friday's Best Deals: Books, Lamps and More"): a headline or a list of names, not a standfirst's sentence. */
export function isTitleCase(text: string): boolean {
  let long = 0;
  let upper = 0;
  for (const w of text.split(/\s+/)) {
    if (w.length < 4) continue;
    long++;
    if (/^["'“‘(]*\p{Lu}/u.test(w)) upper++;
  }
  return long > 0 && 2 * upper > long;
}
