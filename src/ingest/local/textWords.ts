import type { PlacedDraft } from './articleDraft.js';
import { isGoodProse } from './contentWords.js';
import { wordCount } from './textShape.js';

/**
 * Words of running prose in a draft's text, to find the page's main article. A list item of a
 * sentence or more counts half: an article may be written as a bulleted list, a menu is not.
 */
export const textWords = (d: PlacedDraft) => d.paragraphs.reduce((n, p) => {
  if (isGoodProse(p)) return n + wordCount(p) + (p.length >> 3);
  const w = wordCount(p);
  return w >= 10 ? n + (w >> 1) : n;
}, 0);
