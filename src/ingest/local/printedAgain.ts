import type { ClassifiedLine } from './classifyLine.js';
import { contentWords } from './contentWords.js';

/** Share of a headline's subject words another line must hold to be a copy of it. */
const copyShare = 0.8;

/** The subject words of each line from `from` to `to` (null for a blank or a long line), for printedAgain. */
export function lineWords(lines: ClassifiedLine[], from: number, to: number): Array<Set<string> | null> {
  const out: Array<Set<string> | null> = [];
  for (let j = from; j <= to && j < lines.length; j++) {
    const t = lines[j]!.text;
    out.push(t && t.length <= 300 ? contentWords(t) : null);
  }
  return out;
}

/**
 * The page prints the words of line `k` (of the lines `sets` holds, see lineWords) again on
 * another of them: a breadcrumb's last crumb, a share text, an image's "Illustration for article
 * titled ...". A page repeats its own headline, not a caption or a label. Needs three subject
 * words, so a one-word label is no copy of anything.
 */
export function printedAgain(k: number, sets: ReadonlyArray<ReadonlySet<string> | null>): boolean {
  const own = sets[k];
  if (!own || own.size < 3) return false;
  const need = Math.ceil(copyShare * own.size);
  for (let m = 0; m < sets.length; m++) {
    const other = sets[m];
    if (m === k || !other || other.size < need) continue;
    let n = 0;
    for (const w of own) if (other.has(w)) n++;
    if (n >= need) return true;
  }
  return false;
}
