import { isCaptionLine } from './chromeLine.js';
import type { ClassifiedLine } from './classifyLine.js';

/** "Photo by A/Outlet", "Photograph: A", "Credit: A", "A/AFP/Getty Images": a photo's credit line. */
const creditLine = /^(?:(?:photo|photograph|image|picture|foto|фото)s?\s*(?:by|courtesy(?:\s+of)?|credits?|:)\s*\S|(?:credits?|source)\s*:\s*\S)|^[^/]{2,40}\/[^/]{2,40}(?:\/[^/]{2,40})?$/iu;
const agencies = /\b(?:getty images|shutterstock|ap photo)\b/i;

/** A photo's credit on a line of its own. */
export function isCreditLine(text: string): boolean {
  return text.length <= 100 && (creditLine.test(text) || isCaptionLine(text) || agencies.test(text));
}

/**
 * Line `i` is a sentence right above a photo's credit line ("The ferry at the north pier. / Photo
 * by A/Lake Notes"): the photo's caption, however well it sums up the article. A headline-shaped
 * line (no full stop) over a credit is not: a hero photo may stand right under the headline.
 */
export function captionOverCredit(lines: ClassifiedLine[], i: number): boolean {
  const line = lines[i]!;
  if (!(/[.!]["”’]?$/u.test(line.text) || (line.cls.kind === 'text' && !line.cls.headlineLike))) return false;
  for (let j = i + 1; j < lines.length && j <= i + 3; j++) {
    const t = lines[j]!.text;
    if (t) return isCreditLine(t);
  }
  return false;
}
