import type { ClassifiedLine } from './classifyLine.js';
import { isGoodProse } from './contentWords.js';

/** How many headlines must stand between a teaser and the text (the block's other teasers). */
const teasersBelow = 4;
/** How far above a teaser its block's heading may stand (lines). */
const blockReach = 60;

/**
 * Line `i` stands in a block of other articles' teasers between a headline and its text (which
 * starts at `lead`): under a section heading ("You may also like", "More from Lake Notes") with no
 * prose between, and with several more headlines below it before the text. A page's own headline
 * stands above such a block, or is the last headline before its text. Looks no higher than `from`.
 */
export function inTeaserBlock(lines: ClassifiedLine[], i: number, from: number, lead: number): boolean {
  let heading = false;
  for (let j = i - 1; j >= from && j >= i - blockReach; j--) {
    const c = lines[j]!.cls;
    if (c.kind === 'chrome' && c.boundary && c.what === 'section heading') {
      heading = true;
      break;
    }
    if (c.kind === 'text' && isGoodProse(lines[j]!.text)) return false;
  }
  if (!heading) return false;
  let below = 0;
  for (let j = i + 1; j < lead && below < teasersBelow; j++) {
    const c = lines[j]!.cls;
    if (c.kind === 'heading' && c.words >= 3 && lines[j]!.text !== lines[i]!.text) below++;
  }
  return below >= teasersBelow;
}
