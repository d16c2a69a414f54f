import type { ClassifiedLine } from './classifyLine.js';
import { contentWords } from './contentWords.js';
import { headerLineKind } from './headerLine.js';
import { isBreadcrumb } from './isBreadcrumb.js';
import { wordCount } from './textShape.js';

/** "News | Sport | Weather", "• Home": a row of links (or a list of them). */
export const linkRow = /\s[|•·]\s.*\s[|•·]\s|^[•*▪◦]\s/u;

/** The nearest line above `i` that is neither blank nor chrome (a caption may stand between headline and standfirst). */
export function previousNonBlank(lines: ClassifiedLine[], i: number, chromeToo = false): number | null {
  for (let j = i - 1; j >= 0 && j >= i - 6; j--) if (lines[j]!.text && (chromeToo || lines[j]!.cls.kind !== 'chrome')) return j;
  return null;
}

/**
 * The standfirst under its headline: a long line right below a shorter headline-shaped one, or
 * a line as long right below a headline that also names the article's subject (`body`).
 */
export function isStandfirst(lines: ClassifiedLine[], i: number, words: number, text: string, body: ReadonlySet<string>, common?: ReadonlySet<string>): boolean {
  const above = previousNonBlank(lines, i);
  if (above === null || words < 5) return false;
  const a = lines[above]!;
  const aw = wordCount(a.text);
  const headlineAbove = (a.cls.kind === 'heading' || (a.cls.kind === 'text' && a.cls.headlineLike)) && aw >= 3 && !headerLineKind(a, common) && !linkRow.test(a.text) && !isBreadcrumb(a.text);
  let aEcho = 0;
  let aWords = 0;
  if (headlineAbove && !(words >= 13 && aw < words)) {
    for (const w of contentWords(a.text)) {
      aWords++;
      if (body.has(w)) aEcho++;
    }
  }
  // The same line twice is the headline printed twice, not a headline and its standfirst.
  return headlineAbove && a.text !== text && ((words >= 13 && aw < words) || (aw >= 6 && (words >= 8 || aw > words) && aEcho >= 2 && 2 * aEcho > aWords));
}
