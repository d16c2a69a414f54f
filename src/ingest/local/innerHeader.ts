import type { PlacedDraft } from './articleDraft.js';
import type { ClassifiedLine } from './classifyLine.js';
import { isGoodProse } from './contentWords.js';
import { headerLineKind } from './headerLine.js';
import { isFragmentHeadline } from './headlineScore.js';
import { wordCount } from './textShape.js';
import { textWords } from './textWords.js';
import type { WordCount } from './mainDraft.js';

/** How much of a draft's prose may stand above a headline with a byline inside it for the article to start there. */
const innerHeaderShare = 0.35;

/**
 * A headline with a byline or a share bar under it inside the draft's first part (after its first paragraph of
 * prose): the article starts there, and what stands above it (a promotion's blurb, an app's
 * description) is not its text. Null when there is none.
 */
/** How many lines under such a headline its byline may stand, at most. */
const headerReach = 12;

/** "• Share on Twitter", "Share this story": a share bar, which stands under a headline. */
const shareBar = /^(?:[•▪*·]\s*)?share\b/iu;

/**
 * `total`: the draft's textWords, or their count so far (see mainDraft), when the caller has
 * counted them already. The walk stops once the prose above is past its share of the most the
 * draft can count; a headline found before is weighed against the draft's count itself.
 */
export function innerHeader(lines: ClassifiedLine[], draft: PlacedDraft, firstParagraph: number, common?: ReadonlySet<string>, total: number | WordCount = textWords(draft)): number | null {
  const proseAt = new Map<number, string>();
  draft.paragraphs.forEach((p, k) => proseAt.set(draft.paragraphLines[k]!, p));
  const most = typeof total === 'number' ? total : total.most();
  let before = 0;
  const tooFar = (n: number) => before > innerHeaderShare * n;
  // The prose above the headline found is not more than its share (what it has above grows with it, so no line before was past it).
  const found = (at: number) => ((typeof total === 'number' ? tooFar(total) : total.holds(tooFar)) ? null : at);
  for (let at = firstParagraph; at <= draft.lastLine; at++) {
    const line = lines[at]!;
    const p = proseAt.get(at);
    if (p !== undefined && isGoodProse(p)) before += wordCount(p) + (p.length >> 3);
    if (tooFar(most)) return null;
    if (at === firstParagraph || !(line.cls.kind === 'heading' || isFragmentHeadline(line)) || wordCount(line.text) < 4 || wordCount(line.text) > 25) continue;
    let twice: boolean | null = null;
    // Chrome between (an image's id, a share icon) does not count; a caption and its credit do.
    for (let j = at + 1, seen = 0; j < lines.length && seen < 3 && j <= at + headerReach; j++) {
      if (!lines[j]!.text) continue;
      if (shareBar.test(lines[j]!.text)) return found(at);
      if (lines[j]!.cls.kind === 'chrome') continue;
      seen++;
      const kind = headerLineKind(lines[j]!, common);
      if (kind === 'byline') return found(at);
      // A bare name under it is enough when the headline is printed twice here (a hero block, then the article).
      if (kind === 'name' && (twice ??= printedAbove(lines, line.text, firstParagraph, at))) return found(at);
    }
  }
  return null;
}

/** The line of the draft's first paragraph of prose below line `line`. */
export function firstProseAfter(draft: PlacedDraft, line: number): number {
  for (let k = 0; k < draft.paragraphs.length; k++) if (draft.paragraphLines[k]! > line && isGoodProse(draft.paragraphs[k]!)) return draft.paragraphLines[k]!;
  return line + 1;
}

/** Whether `text` stands on a line from `from` up to (not including) `to`. */
function printedAbove(lines: ClassifiedLine[], text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (lines[i]!.text === text) return true;
  return false;
}
