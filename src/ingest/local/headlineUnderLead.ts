import type { PlacedDraft } from './articleDraft.js';
import type { ClassifiedLine } from './classifyLine.js';
import { contentWords, isGoodProse } from './contentWords.js';
import { headerLineKind } from './headerLine.js';
import { headlineScore, isFragmentHeadline } from './headlineScore.js';
import { firstProseAfter } from './innerHeader.js';
import type { HeadlineChoice } from './selectHeadline.js';
import { wordCount } from './textShape.js';

/** How much better the headline under the standfirst must score than the best line above it. */
const margin = 1;

/** At most this many words in the one paragraph (a standfirst, a lead) printed above a headline. */
const leadWords = 70;
/** How many of its subject words the text under it must repeat. */
const leadEcho = 2;

/**
 * A headline printed under the article's standfirst or lead: the draft's first paragraph of prose
 * (one short paragraph), then a headline-shaped line, then the article's text, which repeats its
 * subject words. Null when the draft does not start so. Unlike innerHeader, what stands above it
 * is the article's own (its standfirst), so it stays.
 */
function lineUnderLead(lines: ClassifiedLine[], draft: PlacedDraft, firstParagraph: number): number | null {
  const k0 = draft.paragraphLines.indexOf(firstParagraph);
  const lead = draft.paragraphs[k0];
  if (k0 < 0 || lead === undefined || wordCount(lead) > leadWords) return null;
  // The next paragraph of the draft after the lead, and the lines between (at most a few).
  for (let at = firstParagraph + 1, seen = 0; at <= draft.lastLine && seen < 4; at++) {
    const line = lines[at]!;
    if (!line.text) continue;
    seen++;
    if (line.cls.kind === 'text' && isGoodProse(line.text)) return null;
    if (!(line.cls.kind === 'heading' || isFragmentHeadline(line))) continue;
    const words = wordCount(line.text);
    if (words < 3 || words > 20 || /[:：]$/u.test(line.text) || headerLineKind(line, undefined)) return null;
    const body = firstProseAfter(draft, at);
    if (body === at + 1 && !lines[body]?.text) return null;
    const text = contentWords(draft.paragraphs.filter((_, k) => draft.paragraphLines[k]! > at).slice(0, 12).join('\n'), 600);
    let echoed = 0;
    for (const w of contentWords(line.text)) if (text.has(w)) echoed++;
    return echoed >= leadEcho ? at : null;
  }
  return null;
}

/**
 * The headline printed under the standfirst of `draft` whose first paragraph of prose is at
 * `firstParagraph`, when it scores clearly better than `outer`, the best line above; else null.
 */
export function headlineUnderLead(lines: ClassifiedLine[], draft: PlacedDraft, firstParagraph: number, outer: HeadlineChoice | null, common?: ReadonlySet<string>): HeadlineChoice | null {
  const under = lineUnderLead(lines, draft, firstParagraph);
  if (under === null) return null;
  const lead = firstProseAfter(draft, under);
  const body = contentWords(draft.paragraphs.filter((_, k) => draft.paragraphLines[k]! >= lead).slice(0, 40).join('\n'), 1500);
  const s = headlineScore(lines, under, body, lead, common);
  if (!s || (outer && s.score <= outer.score + margin)) return null;
  const over = outer ? `; score ${s.score.toFixed(2)} over line ${outer.line + 1} (${outer.score.toFixed(2)})` : '';
  return { line: under, score: s.score, why: `${s.why}, under its standfirst${over}`, underLead: true };
}
