import type { ClassifiedLine as Line } from './classifyLine.js';

/** Is the outlet line `i` part of a related-article card (after a stamp, or after its own name)? */
export function isOutletCard(lines: Line[], i: number, name: string): boolean {
  for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
    const c = lines[j]!.cls;
    if (c.kind === 'blank') continue;
    return c.kind === 'relative' || c.kind === 'date' || c.kind === 'time' || lines[j]!.text === name;
  }
  return false;
}
