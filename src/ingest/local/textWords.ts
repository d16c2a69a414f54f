import type { PlacedDraft } from './articleDraft.js';
import { isGoodProse } from './contentWords.js';
import { wordCount, wordsOf } from './textShape.js';

/**
 * Words of running prose in a draft's text, to find the page's main article. A list item of a
 * sentence or more counts half: an article may be written as a bulleted list, a menu is not.
 * Chinese and Japanese prose counts two characters to a word (see wordsOf), as it has no spaces.
 */
export const paragraphWords = (p: string): number => {
  if (isGoodProse(p)) return proseWords(p);
  const w = wordCount(p);
  return w >= 10 ? w >> 1 : 0;
};
export const textWords = (d: PlacedDraft) => d.paragraphs.reduce((n, p) => n + paragraphWords(p), 0);

/** What a paragraph of prose counts, and at least paragraphWords(p) of any paragraph (what is no prose counts less). */
export const proseWords = (p: string): number => wordsOf(p) + (p.length >> 3);
/** At least paragraphWords(p), from its length alone: a word takes a character and a space, a wide script's two characters a word. */
export const mostParagraphWords = (p: string): number => ((p.length + 1) >> 1) + (p.length >> 3);
/** At least textWords(d), from the paragraphs' lengths alone. */
export const mostTextWords = (d: PlacedDraft) => d.paragraphs.reduce((n, p) => n + mostParagraphWords(p), 0);
