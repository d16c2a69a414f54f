import type { ClassifiedLine as Line } from './classifyLine.js';
import { textFollows } from './textFollows.js';
import { endsWithEllipsis } from './textShape.js';

/**
 * What a headline-shaped line is, judged by what follows it: the title of an article (prose
 * follows), a subheading of the running article, a section label, or a leftover (a widget name,
 * an image alt text, a newsletter's name) with nothing after it. Lookahead is bounded so a page
 * of thousands of short lines stays linear.
 */

/** How far to look past metadata for the body of a headline; real pages need a handful. */
const lookaheadLimit = 40;
/** How far to follow an article segment when judging a subheading. */
const segmentLimit = 200;

/**
 * "Comments (12)", "Leave a comment" in an article's header with its text below: the link to its
 * comments, not their start (callers ask only in a header, before the article's first paragraph).
 */
export function isCommentLink(lines: Line[], i: number): boolean {
  const c = lines[i]!.cls;
  return c.kind === 'chrome' && c.what === 'comments widget' && textFollows(lines, i);
}

/**
 * Does prose follow line `i` once metadata is skipped? That is what makes a headline a title and
 * not a leftover (a widget name, an image alt text, a newsletter's name).
 */
function bodyFollows(lines: Line[], i: number): boolean {
  for (let j = i + 1, seen = 0; j < lines.length && seen < lookaheadLimit; j++, seen++) {
    const c = lines[j]!.cls;
    switch (c.kind) {
      case 'text':
        return true;
      case 'blank': case 'label': case 'date': case 'byline': case 'relative':
        continue;
      case 'chrome':
        if (c.boundary && !isCommentLink(lines, j)) return false;
        continue;
      case 'heading':
        // "Title / Latin America / body": a section label between headline and body.
        if (c.labelShaped) continue;
        return false;
      case 'time': {
        // "Title / 10:15 AM / body" is a stamp; "9:25 PM / headline." starts a feed entry.
        const next = nextNonBlank(lines, j, 1)[0];
        if (next?.cls.kind === 'text' && !next.cls.headlineLike) continue;
        return false;
      }
      default:
        return false;
    }
  }
  return false;
}

/**
 * What follows a headline up to the next headline or boundary: how many prose lines, and whether
 * the page cut it short. A subheading is followed by more of the same article; a new teaser by
 * one paragraph, often cut.
 */
function segmentAfter(lines: Line[], i: number): { paragraphs: number; cut: boolean } {
  let paragraphs = 0;
  let lastText = '';
  for (let j = i + 1; j < lines.length && j <= i + segmentLimit; j++) {
    const c = lines[j]!.cls;
    if (c.kind === 'text') {
      paragraphs++;
      lastText = lines[j]!.text;
      if (c.signOff) break;
      continue;
    }
    if (c.kind === 'blank' || c.kind === 'label' || (c.kind === 'chrome' && !c.boundary)) continue;
    if (c.kind === 'cut') return { paragraphs, cut: true };
    break;
  }
  return { paragraphs, cut: endsWithEllipsis(lastText) };
}

/**
 * A headline-shaped line inside a running article: a subheading of that article (kept as its own
 * paragraph) or the headline of the next one? Short Title-Case lines are subheadings; longer ones
 * only when the article has already run two paragraphs and at least two more, uncut, follow —
 * a teaser or listing entry has one paragraph, or is cut.
 */
function isSubheading(lines: Line[], i: number, paragraphsSoFar: number): boolean {
  const c = lines[i]!.cls;
  if (c.kind !== 'heading' || paragraphsSoFar < 2 || /^["'“‘]/.test(lines[i]!.text)) return false;
  if (c.words <= 5) return true;
  if (c.words > 12) return false;
  const after = segmentAfter(lines, i);
  return after.paragraphs >= 2 && !after.cut;
}

/**
 * "Title / standfirst / Europe / body": a label may also stand after the standfirst. It is one
 * only when two prose lines follow it; a short headline followed by one paragraph is a new
 * listing entry instead.
 */
function isLabelAfterStandfirst(lines: Line[], i: number): boolean {
  const after = nextNonBlank(lines, i, 2);
  return after.length === 2 && after.every((l) => l.cls.kind === 'text');
}

/** Up to `count` non-blank lines after line `i`. */
function nextNonBlank(lines: Line[], i: number, count: number): Line[] {
  const found: Line[] = [];
  for (let j = i + 1; j < lines.length && found.length < count; j++) {
    if (lines[j]!.cls.kind !== 'blank') found.push(lines[j]!);
  }
  return found;
}

export type HeadlineRole = 'title' | 'label' | 'subheading' | 'leftover';

/**
 * The role of the headline-shaped line `i`. `paragraphsSoFar` counts the paragraphs of the
 * article still open above it (null when none is open).
 */
export function headlineRole(lines: Line[], i: number, paragraphsSoFar: number | null): HeadlineRole {
  const c = lines[i]!.cls;
  if (c.kind !== 'heading' || !bodyFollows(lines, i)) return 'leftover';
  // Between an article's headline and its first paragraph: "Taxing remittances ... / Latin America".
  if (paragraphsSoFar === 0 && c.labelShaped) return 'label';
  if (paragraphsSoFar === 1 && c.labelShaped && c.words <= 3 && isLabelAfterStandfirst(lines, i)) return 'label';
  if (paragraphsSoFar !== null && isSubheading(lines, i, paragraphsSoFar)) return 'subheading';
  return 'title';
}
