import type { ClassifiedLine } from './classifyLine.js';
import { wordCount } from './textShape.js';

/** The longest a headline's fuller form may be (words). */
const maxWords = 30;

/** A headline's words for comparing two printings: lower case, quotes and dashes folded, a trailing "…" or stop off. */
function folded(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019`´]/g, "'")
    .replace(/[\u201c\u201d«»]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/(?:\.\.\.|…)$/u, '')
    .replace(/[\s.,:;!?|-]+$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The page prints the headline at line `chosen` again in a fuller form between `from` and `to`
 * (exclusive): "Ferry service resumes" in a sticky bar or cut short "Ferry service resumes
 * across…" in a breadcrumb, and in full, "Ferry service resumes across the lake after the
 * storms", above the text. Returns that line, or null. The fuller form starts with every word of
 * the shorter one and adds two words or more, is headline-shaped and has no full stop (a lead that begins with the
 * headline's words is a sentence).
 */
export function fullerForm(lines: ClassifiedLine[], chosen: number, from: number, to: number): number | null {
  const short = folded(lines[chosen]!.text);
  if (short.length < 8) return null;
  let best: number | null = null;
  for (let j = from; j < to; j++) {
    if (j === chosen) continue;
    const l = lines[j]!;
    if (l.cls.kind !== 'heading' || l.text.length <= short.length || /[.]$/.test(l.text) || wordCount(l.text) > maxWords) continue;
    const full = folded(l.text);
    if (!full.startsWith(short) || !/[\s,:;–—-]/u.test(full.charAt(short.length))) continue;
    // What it adds are words ("across the lake"), not a counter glued on ("... 1").
    const more = full.slice(short.length).trim();
    if (wordCount(more) < 2 || !/\p{L}{3}/u.test(more)) continue;
    if (best === null || l.text.length > lines[best]!.text.length) best = j;
  }
  return best;
}
