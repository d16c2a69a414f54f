import type { ClassifiedLine } from './classifyLine.js';
import { headlineShape, letterRatio, wordCount } from './textShape.js';

/** "Ferry is back. Passengers cheer at the pier": two short sentences, the last without its full stop. */
const twoParts = /^(\P{P}[^.!?]{8,}[.!?])\s+(\p{Lu}[^.!?]{8,})$/u;

const camelBrand = /^\p{Ll}{1,2}\p{Lu}\p{L}*\s+\S+\s+\S/u;

/**
 * A headline of two parts (or one that starts with a camel-case brand), which the line classifier leaves as a fragment (it is neither one
 * headline-shaped phrase nor finished prose): each part starts in upper case, the second has no full stop.
 */
export function isFragmentHeadline(line: ClassifiedLine): boolean {
  if (line.cls.kind !== 'chrome' || line.cls.what !== 'fragment') return false;
  const text = line.text;
  // "iFerry app returns as lake service resumes": a headline that starts with a brand in camel case.
  if (camelBrand.test(text)) return headlineShape(text.charAt(0).toUpperCase() + text.slice(1)) === 'headline';
  if (text.length > 160 || !/^\p{Lu}/u.test(text)) return false;
  const m = twoParts.exec(text);
  if (!m) return false;
  const words = wordCount(text);
  return words >= 5 && words <= 25 && letterRatio(text) >= 0.7 && !/[,;:]$/.test(text);
}
