import type { ClassifiedLine } from './classifyLine.js';

/**
 * A paginated plain-text document (a specification, a draft standard, a manual printed page by
 * page) repeats a running head at the top of every page: "Internet-Draft   Lake Timetables
 * December 2014". Its middle part is the document's title, and the document prints that title
 * alone near its start. This finds that line: a short line before `before` (the main text's
 * first paragraph) whose text stands, between other words, inside a line the page prints at
 * least three times, a page apart, that also carries a year. Returns its index, or null.
 *
 * One pass over the page's lines, only when asked for the main article.
 */
const minRepeats = 3;
/** How far from the page's top the title may stand (lines), and how long it may be. */
const titleReach = 80;
const maxTitleChars = 80;
const year = /\b(?:19|20)\d{2}\b/;

/** A running head stands a page apart: at least this many lines between two of its printings. */
const pageLines = 15;

export function runningTitle(lines: ClassifiedLine[], before: number): number | null {
  // Each repeated line with a year: how often, spread a page apart, and where last.
  const seen = new Map<string, { n: number; last: number }>();
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text;
    if (!text || text.length > 120 || !year.test(text)) continue;
    const s = seen.get(text);
    if (!s) seen.set(text, { n: 1, last: i });
    else if (i - s.last >= pageLines) {
      s.n++;
      s.last = i;
    }
  }
  const heads: string[] = [];
  for (const [text, s] of seen) if (s.n >= minRepeats) heads.push(text);
  if (heads.length === 0) return null;
  for (let i = 0; i < Math.min(before, titleReach, lines.length); i++) {
    const t = lines[i]!.text;
    if (!t || t.length > maxTitleChars || year.test(t) || seen.has(t)) continue;
    for (const head of heads) {
      const at = head.indexOf(` ${t} `);
      if (at > 0 && at + t.length + 2 < head.length) return i;
    }
  }
  return null;
}
