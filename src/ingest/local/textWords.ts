import type { PlacedDraft } from './articleDraft.js';
import { isGoodProse } from './contentWords.js';
import { wordCount, wordsOf } from './textShape.js';

/**
 * Words of running prose in a draft's text, to find the page's main article. A list item of a
 * sentence or more counts half: an article may be written as a bulleted list, a menu is not.
 * Chinese and Japanese prose counts two characters to a word (see wordsOf), as it has no spaces.
 */
export const textWords = (d: PlacedDraft) => d.paragraphs.reduce((n, p) => {
  if (isGoodProse(p)) return n + wordsOf(p) + (p.length >> 3);
  const w = wordCount(p);
  return w >= 10 ? n + (w >> 1) : n;
}, 0);

/** At least textWords(d), from the paragraphs' lengths alone: a word takes a character and a space, a wide script's two characters a word. */
export const mostTextWords = (d: PlacedDraft) => d.paragraphs.reduce((n, p) => n + ((p.length + 1) >> 1) + (p.length >> 3), 0);
