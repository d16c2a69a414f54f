import type { ClassifiedLine } from './classifyLine.js';

/** Lines above a draft searched for the teaser box it may close. */
const teaserBoxLines = 40;

/** Between two drafts, a headline with its own stamp and no text under it: an entry of a box of teasers. */
export function teaserBoxAbove(lines: ClassifiedLine[], aEnd: number, titleLine: number): boolean {
  let heading = false;
  for (let j = Math.max(aEnd + 1, titleLine - teaserBoxLines); j < titleLine; j++) {
    const c = lines[j]!.cls;
    if (c.kind === 'heading') heading = true;
    else if (heading && (c.kind === 'date' || c.kind === 'byline' || c.kind === 'relative')) return true;
  }
  return false;
}
