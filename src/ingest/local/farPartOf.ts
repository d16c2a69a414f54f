import type { PlacedDraft } from './articleDraft.js';
import { cohesion, contentWords, isGoodProse } from './contentWords.js';
import { wordCount } from './textShape.js';

/** Across a long run of chrome (a chart, a table): the share of subject words, and the prose words the part below needs. */
export const minFarCohesion = 0.15;
const minFarWords = 50;
/** Below a box of teasers inside the article (the box itself says the article goes on), less is enough. */
export const minBoxCohesion = 0.1;
/** Prose paragraphs compared across a long gap: the last ones above it, the first ones below. */
const farProse = 8;

/** Is `b`, below a long run of chrome, a part of `a`: enough prose, on the same subject as the prose above? */
export function farPartOf(a: PlacedDraft, b: PlacedDraft, min = minFarCohesion): boolean {
  const below = b.paragraphs.filter(isGoodProse).slice(0, farProse);
  let words = 0;
  for (const p of below) words += wordCount(p);
  if (words < minFarWords) return false;
  const above = a.paragraphs.filter(isGoodProse).slice(-farProse);
  return cohesion(contentWords(above.join('\n'), 300), contentWords(below.join('\n'), 300)) >= min;
}
