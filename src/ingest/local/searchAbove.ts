import type { PlacedDraft } from './articleDraft.js';
import type { ClassifiedLine } from './classifyLine.js';
import { contentWords, isGoodProse } from './contentWords.js';
import { headlineScore } from './headlineScore.js';
import { inTeaserBlock } from './inTeaserBlock.js';
import type { HeadlineChoice } from './selectHeadline.js';

/** What assembly's own title gains. */
const titleBonus = 0.3;
/** What a teaser of a related block loses. */
const teaserBlockPenalty = 1;

/**
 * The best headline-shaped line from just above line `lead` up to line `from`, for `draft`: each
 * scored by headlineScore, plus what only the lines around it tell (a teaser of a related
 * block). Its `why` says what it won over.
 */
export function searchAbove(lines: ClassifiedLine[], draft: PlacedDraft, lead: number, from: number, common?: ReadonlySet<string>): HeadlineChoice | null {
  let best: HeadlineChoice | null = null;
  let second: HeadlineChoice | null = null;
  // The text from that paragraph on: a candidate above it must not echo itself.
  const body = contentWords(draft.paragraphs.filter((_, k) => draft.paragraphLines[k]! >= lead).slice(0, 40).join('\n'), 1500);
  // `between`: the non-blank lines between line i and the text, counted on the way up.
  for (let i = lead - 1, between = 0; i >= from; between += lines[i]!.text ? 1 : 0, i--) {
    const c = lines[i]!.cls;
    // "Related articles", "Most read": what stands above belongs to something else.
    // Unless the article's own prose stands right above it: a related block set inside the
    // article, whose teasers between it and the text head nothing here.
    if (c.kind === 'chrome' && c.boundary && c.what === 'related-articles heading') {
      if (!proseAbove(lines, i, from)) break;
      best = second = null;
      continue;
    }
    // No candidate at all (headlineScore's first tests, asked here without a call): a line of
    // under four characters, chrome but a fragment, a label or metadata, a sentence of text.
    const text = lines[i]!.text;
    if (text.length < 4 || !(c.kind === 'heading' || c.kind === 'text' || (c.kind === 'chrome' && c.what === 'fragment'))) continue;
    if (c.kind === 'text' && !c.headlineLike && text.charCodeAt(text.length - 1) === 0x2e) continue;
    const own = i === draft.titleLine ? titleBonus : 0;
    // Only a line that can beat the second best changes the outcome (or the report's "over").
    const s = headlineScore(lines, i, body, lead, common, second ? second.score - own : -Infinity, between);
    if (!s) continue;
    let score = s.score + own;
    // A penalty: asked only of a line that would otherwise beat the second best.
    if ((!second || score > second.score) && inTeaserBlock(lines, i, from, lead)) {
      score -= teaserBlockPenalty;
      s.why += ', a teaser under a section heading';
    }
    if (!best || score > best.score) {
      second = best;
      best = { line: i, score, why: s.why };
    } else if (!second || score > second.score) second = { line: i, score, why: s.why };
  }
  // The report says what it won over.
  if (best && second) best.why += `; score ${best.score.toFixed(2)} over line ${second.line + 1} "${lines[second.line]!.text.slice(0, 40)}" (${second.score.toFixed(2)})`;
  return best;
}

/** Non-blank lines above a related block's heading searched for the article's prose. */
const proseReach = 3;

/** A paragraph of running prose among the few non-blank lines above line `i` (chrome such as "Continue reading" passed). */
function proseAbove(lines: ClassifiedLine[], i: number, from: number): boolean {
  for (let j = i - 1, seen = 0; j >= from && seen < proseReach; j--) {
    const l = lines[j]!;
    if (!l.text || l.cls.kind === 'chrome') continue;
    seen++;
    if (l.cls.kind === 'text' && isGoodProse(l.text)) return true;
  }
  return false;
}

/** However much chrome stands between (a video player's settings, a share bar), no further than this many lines. */
const searchCap = 300;

/**
 * Where the search for a headline above line `first` starts: `searchLines` lines back, counting
 * only lines that carry words (a player's settings, "Aa", bullets and blank lines do not count),
 * and never more than `searchCap` lines back.
 */
export function searchStart(lines: ClassifiedLine[], first: number, searchLines: number): number {
  let i = first;
  for (let counted = 0; i > 0 && counted < searchLines && first - i < searchCap; ) {
    i--;
    const l = lines[i]!;
    if (l.text && !(l.cls.kind === 'chrome' || l.cls.kind === 'label') && l.text.length > 3) counted++;
  }
  return i;
}
