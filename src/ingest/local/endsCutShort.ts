import type { PlacedDraft } from './articleDraft.js';
import { isGoodProse } from './contentWords.js';
import { endsWithEllipsis } from './textShape.js';

/** Paragraphs of running prose a teaser holds at most: an article's last paragraph may trail off ("...") too. */
const maxTeaserProse = 2;

/** A teaser cut short by the page: a paragraph or two, the last ending in "…". */
export function endsCutShort(d: PlacedDraft): boolean {
  if (!endsWithEllipsis(d.paragraphs[d.paragraphs.length - 1] ?? '')) return false;
  let prose = 0;
  for (const p of d.paragraphs) if (isGoodProse(p) && ++prose > maxTeaserProse) return false;
  return true;
}
