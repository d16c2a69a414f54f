import type { PlacedDraft } from './assembleDrafts.js';
import type { ClassifiedLine } from './classifyLine.js';
import { cohesion, contentWords, isGoodProse } from './contentWords.js';
import { endsCutShort } from './endsCutShort.js';
import { trimArticleTail } from './trimArticleTail.js';
import { farPartOf, minBoxCohesion, minFarCohesion } from './farPartOf.js';
import { teaserBoxAbove } from './teaserBoxAbove.js';

/**
 * Stage 3, drafts → article regions. Assembly opens a draft at every line that reads as a headline
 * with text under it; on a long article that is also every sub-heading, photo caption, pull quote
 * and embed title, so one article comes out as many. This stage puts an article back together: a
 * draft continues the one before it when nothing says it is an article of its own.
 *
 * A draft is an article of its own (the layouts a page can have):
 * - **listing / related articles**: it is a teaser, cut short ("…", "Read more"), or the one
 *   before it was; it and the one before it hold one paragraph each; or its vocabulary differs from the article above (a new subject: lexical
 *   cohesion, as TextTiling measures it);
 * - **news feed**: it has its own stamp, byline, outlet or date;
 * - a boundary (a "Related articles" heading, a comments widget, a copyright sign-off, text the
 *   assembly left outside both) or a long run of chrome stands between the two.
 * A long run of chrome (a chart, a table) and a box of teasers set inside the article (headline,
 * name, date, again and again, the last one standing over the article's next paragraphs) do not
 * part two stretches of prose on one subject (farPartOf, teaserBoxAbove); an article whose last
 * paragraph trails off ("...") is no teaser unless it is a paragraph or two (endsCutShort).
 * Otherwise (same subject, no own metadata, right after the text above) it is a section of the
 * article above: its headline becomes a paragraph (a sub-heading) and its text follows.
 */

/** Lines of chrome, captions or blanks allowed between a section and the text above it. */
const maxGapLines = 14;
/** Share of the smaller section's subject words the larger one must share. */
const minCohesion = 0.05;
/** Sections this short say too little to compare; they follow the article when they are not teasers. */
const minComparableWords = 12;

export interface MergeDecision {
  /** Index (in the input) of the draft whose continuation this was, or null when it starts an article. */
  into: number | null;
  why: string;
}

/** Subject words of a draft: its headline and the start of its text (enough to compare, cheap on a huge draft). */
function draftWords(d: PlacedDraft): Set<string> {
  let text = d.title;
  for (const p of d.paragraphs) {
    if (text.length > 1200) break;
    text += `\n${p.slice(0, 1200)}`;
  }
  return contentWords(text, 200);
}

/** Does the draft hold a paragraph of running prose? Remembered per draft: merged drafts grow. */
const proseSeen = new WeakMap<PlacedDraft, number>();
function hasProse(d: PlacedDraft): boolean {
  let from = proseSeen.get(d) ?? 0;
  if (from < 0) return true;
  for (; from < d.paragraphs.length; from++) {
    if (isGoodProse(d.paragraphs[from]!)) {
      proseSeen.set(d, -1);
      return true;
    }
  }
  proseSeen.set(d, from);
  return false;
}

/** Why draft `b` is not a continuation of draft `a` (null when it is one). Subject words are asked for only when needed. */
export function separateBecause(a: PlacedDraft, b: PlacedDraft, lines: ClassifiedLine[], aWords: () => Set<string>, bWords: () => Set<string>, aEnd = a.lastLine): string | null {
  if (a.cut || endsCutShort(a)) return 'the text above is a teaser';
  if (b.cut || endsCutShort(b)) return 'a teaser';
  // A box of teasers set inside the article (headline, name, date, again and again): the last
  // one's headline and stamp stand over the article's next paragraphs, which go on with its subject.
  const box = (b.ownMeta || b.titleLine - aEnd > maxGapLines) && teaserBoxAbove(lines, aEnd, b.titleLine);
  if (b.ownMeta && !(box && farPartOf(a, b, minBoxCohesion))) return 'its own byline, date or stamp';
  if (!hasProse(a)) return 'the text above is no prose (a menu, a link list)';
  const last = lines[aEnd]?.cls;
  if (last?.kind === 'text' && last.signOff) return 'the text above signs off';
  // Headline, one paragraph, headline, one paragraph: the entries of a listing.
  if (a.paragraphs.length <= 1 && b.paragraphs.length <= 1) return 'a listing entry';
  for (let j = aEnd + 1; j < b.titleLine; j++) {
    const c = lines[j]!.cls;
    if ((c.kind === 'chrome' && c.boundary) || c.kind === 'cut' || c.kind === 'copyright' || c.kind === 'outlet' || c.kind === 'time' || c.kind === 'text') {
      return 'a section boundary stands between';
    }
  }
  // A chart, a table or a gallery between two parts of one article: far apart, the prose below
  // must share clearly more of the subject words of the prose above (a site's menu and its
  // footer share words too, but they are no prose).
  if (b.titleLine - aEnd > maxGapLines && !farPartOf(a, b, box ? minBoxCohesion : minFarCohesion)) return 'far from the text above';
  // (The subject words only now: parted, the text above is not compared again.)
  const [wa, wb] = [aWords(), bWords()];
  const together = cohesion(wa, wb);
  if (Math.min(wa.size, wb.size) >= minComparableWords && together < minCohesion) return `a different subject (cohesion ${together.toFixed(2)})`;
  return null;
}

/** Does the draft hold running prose, in a paragraph or in a list item (a list of sentences, not of links)? */
function hasText(d: PlacedDraft): boolean {
  return hasProse(d) || d.paragraphs.some((p) => /^[•▪◦●○■□◆*·‣⁃]\s/u.test(p) && isGoodProse(p.replace(/^\S+\s+/u, '')));
}

/**
 * Merge every draft that continues the one before it; `decisions` says, per input draft, what happened.
 * A section without running prose (a list, a table, a gallery's captions) is held: it joins the
 * article above only when prose of that article follows it, else it stands on its own (a menu or
 * a link list after the article).
 */
export function mergeContinuations(drafts: PlacedDraft[], lines: ClassifiedLine[], decisions: MergeDecision[] = []): PlacedDraft[] {
  const out: PlacedDraft[] = [];
  const made: MergeDecision[] = [];
  let words: Set<string> | null = null;
  let start = 0;
  let held: number[] = [];
  const absorb = (into: PlacedDraft, d: PlacedDraft, k: number) => {
    into.paragraphs.push(d.title, ...d.paragraphs);
    into.paragraphLines.push(d.titleLine, ...d.paragraphLines);
    into.lastLine = d.lastLine;
    into.cut ||= d.cut;
    made[k] = { into: start, why: 'a section of the article above' };
  };
  const open = (d: PlacedDraft, k: number, why: string) => {
    start = k;
    out.push({ ...d, paragraphs: [...d.paragraphs], paragraphLines: [...d.paragraphLines] });
    made[k] = { into: null, why };
  };
  const release = () => {
    for (const h of held) {
      open(drafts[h]!, h, 'no running prose after the article above (a menu, a link list)');
      words = null;
    }
    held = [];
  };
  drafts.forEach((d, k) => {
    const prev = out[out.length - 1];
    const aEnd = held.length ? drafts[held[held.length - 1]!]!.lastLine : prev?.lastLine;
    let mine: Set<string> | null = null;
    const mineWords = () => (mine ??= draftWords(d));
    const why = prev ? separateBecause(prev, d, lines, () => (words ??= draftWords(prev)), mineWords, aEnd) : 'first on the page';
    if (prev && why === null) {
      if (!hasText(d)) {
        held.push(k);
        return;
      }
      for (const h of held) absorb(prev, drafts[h]!, h);
      held = [];
      absorb(prev, d, k);
      const kept = words as Set<string> | null;
      if (kept) for (const w of mineWords()) kept.add(w);
      return;
    }
    release();
    open(d, k, why ?? '');
    words = mine;
  });
  release();
  decisions.push(...made);
  for (const d of out) trimArticleTail(d);
  return out;
}
