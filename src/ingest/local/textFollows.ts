import type { ClassifiedLine as Line } from './classifyLine.js';

/** Lines looked at past a date for the text it belongs to (share bars and captions stand between). */
const dateLookahead = 20;

/** Does running text (not a headline) come next after line `i`, past chrome, labels and captions? */
export function textFollows(lines: Line[], i: number): boolean {
  for (let j = i + 1; j < lines.length && j <= i + dateLookahead; j++) {
    const c = lines[j]!.cls;
    if (c.kind === 'blank' || (c.kind === 'chrome' && !c.boundary) || c.kind === 'label') continue;
    return c.kind === 'text';
  }
  return false;
}
