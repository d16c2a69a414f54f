import type { ClassifiedLine } from './classifyLine.js';
import { endsWithEllipsis } from './textShape.js';

/**
 * Line `i` heads a card for another article set inside this one: the heading, one teaser line the
 * page cut short ("…"), then its "Read more" link. Its headline is that article's, not this one's.
 */
export function isLinkCard(lines: ClassifiedLine[], i: number): boolean {
  let teaser = false;
  for (let j = i + 1, seen = 0; j < lines.length && seen < 3; j++) {
    const l = lines[j]!;
    if (!l.text) continue;
    seen++;
    if (!teaser) {
      if (l.cls.kind !== 'text' || !endsWithEllipsis(l.text)) return false;
      teaser = true;
    } else return l.cls.kind === 'cut';
  }
  return false;
}
