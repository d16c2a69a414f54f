import type { ClassifiedLine } from './classifyLine.js';
import type { PlacedDraft } from './articleDraft.js';
import { textFollows } from './textFollows.js';

/** Paragraphs (the standfirst, an author's line) a headline may stand above its dateline. */
const maxHeaderParagraphs = 3;

/**
 * A dateline inside a running draft, just under one of its sub-headings and a line or two of
 * text: that heading was the headline of an article of its own (the page's main article under a
 * menu, an entry with its own stamp). The draft is cut before the heading, which heads a new
 * draft holding the lines after it; returns that new draft, or null when no heading stands there.
 */
function splitAtDatedHeading(draft: PlacedDraft, lines: ClassifiedLine[]): PlacedDraft | null {
  const n = draft.paragraphs.length;
  for (let k = n - 1; k >= Math.max(0, n - maxHeaderParagraphs); k--) {
    const at = draft.paragraphLines[k]!;
    if (lines[at]?.cls.kind !== 'heading') continue;
    const split: PlacedDraft = {
      title: draft.paragraphs[k]!, paragraphs: draft.paragraphs.slice(k + 1), paragraphLines: draft.paragraphLines.slice(k + 1),
      authors: [], outlet: null, wire: null, republishedFrom: null, published: null, updated: null, time: null,
      relativeStamp: false, blockDate: null, cut: false, titleLine: at, lastLine: draft.lastLine, ownMeta: true,
    };
    draft.paragraphs.length = k;
    draft.paragraphLines.length = k;
    draft.lastLine = draft.paragraphLines[k - 1] ?? draft.titleLine;
    return split;
  }
  return null;
}

/**
 * Whose is a dateline that comes after a draft's text has begun, with running text below it? The
 * draft's own when it holds only a standfirst or an author's line so far and no date; a new
 * draft's, split off at the sub-heading just above (`split`); else nobody's (a block's date).
 */
export function lateDateOwner(current: PlacedDraft | null, lines: ClassifiedLine[], i: number): { owner: PlacedDraft; split: boolean } | null {
  if (!current || !textFollows(lines, i)) return null;
  if (current.paragraphs.length <= 2 && !current.published && !current.updated) return { owner: current, split: false };
  const split = splitAtDatedHeading(current, lines);
  return split && { owner: split, split: true };
}
