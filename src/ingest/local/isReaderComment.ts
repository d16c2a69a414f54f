import type { PlacedDraft } from './articleDraft.js';
import { isReplyLink } from './chromeLine.js';
import type { ClassifiedLine } from './classifyLine.js';

/**
 * A reader's comment under an article: a "name · date" heading, a few lines of text, then the
 * comment's "Reply" link. Articles never end at a Reply link, so a draft whose next line (past
 * blank lines and chrome that is not a boundary) is one is a comment of the thread below the
 * article, not an article of its own.
 */
export function isReaderComment(draft: PlacedDraft, lines: ClassifiedLine[]): boolean {
  for (let i = draft.lastLine + 1; i < lines.length; i++) {
    const { text, cls } = lines[i]!;
    if (isReplyLink(text)) return true;
    if (cls.kind === 'blank' || (cls.kind === 'chrome' && !cls.boundary)) continue;
    return false;
  }
  return false;
}
