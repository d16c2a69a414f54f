import type { PlacedDraft } from './articleDraft.js';
import type { ClassifiedLine } from './classifyLine.js';
import { cohesion, contentWords, isGoodProse } from './contentWords.js';
import { firstProseAfter, innerHeader } from './innerHeader.js';
import { headlineUnderLead } from './headlineUnderLead.js';
import { textWords } from './textWords.js';
import { runningTitle } from './runningTitle.js';
import { type WordCount, mainDraft } from './mainDraft.js';
import { searchAbove, searchStart } from './searchAbove.js';
import { wikiTitle } from './wikiTitle.js';

/**
 * Stage 4, article → its headline. Assembly titles an article with the headline-shaped line right
 * above its text; on a real page that is often a photo caption, a video player's label, a share
 * bar or the standfirst, while the headline stands higher up, above the byline, the dateline and
 * the share bar. For the page's main article (the one with the most text) every headline-shaped
 * line above its first paragraph, back to the article before it, is a candidate, scored by
 * headlineScore (echo of the lead, a header below it, its shape, its distance).
 *
 * Plain data in and out: the drafts and their lines; returns the chosen line index, or null to keep
 * assembly's title.
 */

export interface HeadlineChoice {
  line: number;
  score: number;
  why: string;
  /** The headline stands under the article's standfirst or lead, which stays in its text. */
  underLead?: boolean;
}

/** What a headline inside the draft printed twice under its share bar gains. */
const printedTwice = 0.8;
/** How much better a headline inside the draft must score than the one above it. */
const innerMargin = 1;
/** How far above the first paragraph a headline may stand (lines). */
const searchLines = 90;
/** The main article must hold this many words before its title is second-guessed. */
const minArticleWords = 80;

/** The line of the draft's first paragraph of running prose (a share bar or a menu may come before it). */
export function firstProseLine(draft: PlacedDraft): number {
  const k = draft.paragraphs.findIndex(isGoodProse);
  return draft.paragraphLines[k < 0 ? 0 : k] ?? draft.titleLine + 1;
}

/** The draft without the paragraphs that stand above line `line` (header chrome above its chosen headline). */
function from(draft: PlacedDraft, line: number): PlacedDraft {
  const keep = draft.paragraphLines.map((at) => at > line);
  return { ...draft, paragraphs: draft.paragraphs.filter((_, k) => keep[k]), paragraphLines: draft.paragraphLines.filter((_, k) => keep[k]) };
}

/** The draft without the bulleted lines (a share bar, a menu) standing before its first paragraph of prose. */
function withoutLeadingBullets(draft: PlacedDraft): PlacedDraft {
  const first = draft.paragraphs.findIndex(isGoodProse);
  if (first <= 0) return draft;
  const keep = draft.paragraphs.map((p, k) => k >= first || !/^[•▪◦●*·]\s/u.test(p));
  return { ...draft, paragraphs: draft.paragraphs.filter((_, k) => keep[k]), paragraphLines: draft.paragraphLines.filter((_, k) => keep[k]) };
}

/**
 * The line that best heads `draft`, searching back to `floor` (exclusive) from its first paragraph
 * of prose, and also from a headline with its byline inside the draft's first part (see
 * innerHeader) or under its standfirst (see headlineUnderLead): the better wins.
 */
export function chooseHeadline(lines: ClassifiedLine[], draft: PlacedDraft, floor: number, common?: ReadonlySet<string>, words: number | WordCount = textWords(draft)): HeadlineChoice | null {
  const firstParagraph = firstProseLine(draft);
  const outer = searchAbove(lines, draft, firstParagraph, Math.max(floor + 1, searchStart(lines, firstParagraph, searchLines)), common);
  const inner = innerHeader(lines, draft, firstParagraph, common, words);
  if (inner === null) return headlineUnderLead(lines, draft, firstParagraph, outer, common) ?? outer;
  const lead = firstProseAfter(draft, inner);
  const within = searchAbove(lines, draft, lead, Math.max(inner, lead - searchLines), common);
  // Printed twice there (a hero block, then the article): the headline of this article.
  if (within) {
    const text = lines[within.line]!.text;
    for (let i = inner; i < lead; i++) {
      if (i !== within.line && lines[i]!.text === text) {
        within.score += printedTwice;
        within.why += ', printed twice';
        break;
      }
    }
  }
  // It drops the text above it, so it must win clearly.
  return within && (!outer || within.score > outer.score + innerMargin) ? within : outer;
}

/**
 * Give the page's main article its headline. When the chosen line headed a draft of its own (the
 * headline and its standfirst, cut off from the text by a caption), that draft's text joins the
 * main article in front. Returns the drafts and, for the report, what was chosen and why.
 */
export function selectHeadline(drafts: PlacedDraft[], lines: ClassifiedLine[], common?: ReadonlySet<string>): { drafts: PlacedDraft[]; choice: (HeadlineChoice & { article: number }) | null } {
  if (drafts.length === 0) return { drafts, choice: null };
  const { main, count } = mainDraft(drafts);
  const draft = drafts[main]!;
  if (count(main).holds((n) => n < minArticleWords)) return { drafts, choice: null };
  const first = firstProseLine(draft);
  let mainWords: Set<string> | null = null;
  // A draft above whose words are the main article's: a part of it split off by assembly (its
  // header with the standfirst, or its first paragraphs above a "Continue reading" line).
  const sameSubject = (d: PlacedDraft) => cohesion(tailWords(d), (mainWords ??= draftWords(draft))) >= sameSubjectCohesion;
  let floor = -1;
  for (let k = main - 1; k >= 0; k--) {
    const d = drafts[k]!;
    // An earlier article with real text of its own (or a teaser with its own stamp) bounds the
    // search; a menu, or a headline with only its standfirst, does not; nor does a part of the
    // main article itself.
    if (d.paragraphs.filter(isGoodProse).length > 1 || ((d.ownMeta || d.cut) && count(k).holds((n) => n >= 60))) {
      if (d.titleLine >= first - searchLines && !d.cut && sameSubject(d)) continue;
      floor = d.lastLine;
      break;
    }
  }
  // A paginated document's title, printed in its running head, or a wiki article's over the
  // wiki's tagline, heads it whatever scores better.
  const running = runningTitle(lines, first);
  // A wiki's article: its title over the wiki's tagline.
  const wiki = running === null ? wikiTitle(lines, first) : null;
  const choice = running !== null
    ? { line: running, score: 0, why: "the document's title, printed in its running head" }
    : wiki !== null
      ? { line: wiki, score: 0, why: "the document's title, over the wiki's tagline" }
      : chooseHeadline(lines, draft, floor, common, count(main));
  if (!choice || choice.line === draft.titleLine) {
    const out = [...drafts];
    out[main] = withoutLeadingBullets(draft);
    return { drafts: out, choice: choice && { ...choice, article: main } };
  }
  const out = [...drafts];
  if (choice.underLead) {
    // The standfirst above it stays, as the first paragraph.
    const kept = withoutLeadingBullets(draft);
    const keep = kept.paragraphLines.map((at) => at !== choice.line);
    out[main] = { ...kept, paragraphs: kept.paragraphs.filter((_, k) => keep[k]), paragraphLines: kept.paragraphLines.filter((_, k) => keep[k]), title: lines[choice.line]!.text, titleLine: choice.line };
    return { drafts: out, choice: { ...choice, article: main } };
  }
  const updated: PlacedDraft = { ...withoutLeadingBullets(from(draft, choice.line)), title: lines[choice.line]!.text, titleLine: choice.line };
  // The drafts between the chosen headline and the main text: the one it headed (its standfirst
  // leads) and the parts of the article split off from it join the main article; the rest
  // between (captions, labels, a menu) are dropped.
  let owner = out.findIndex((d, k) => k < main && d.titleLine === choice.line);
  const firstBelow = out.findIndex((d, k) => k < main && d.titleLine > choice.line);
  if (owner < 0 && firstBelow >= 0 && out.slice(firstBelow, main).some((d) => hasProse(d) && sameSubject(d))) owner = firstBelow;
  if (owner >= 0) {
    const paragraphs: string[] = [];
    const paragraphLines: number[] = [];
    for (let k = owner; k < main; k++) {
      const d = out[k]!;
      const keep = k === out.findIndex((x) => x.titleLine === choice.line) || (hasProse(d) && sameSubject(d));
      if (!keep) continue;
      if (d.titleLine !== choice.line) {
        paragraphs.push(d.title);
        paragraphLines.push(d.titleLine);
      }
      paragraphs.push(...d.paragraphs);
      paragraphLines.push(...d.paragraphLines);
      updated.authors = updated.authors.length ? updated.authors : d.authors;
      updated.published ??= d.published;
      updated.ownMeta ||= d.ownMeta;
    }
    updated.paragraphs = [...paragraphs, ...draft.paragraphs];
    updated.paragraphLines = [...paragraphLines, ...draft.paragraphLines];
    out.splice(main, 1, updated);
    out.splice(owner, main - owner);
    return { drafts: out, choice: { ...choice, article: owner } };
  }
  out[main] = updated;
  return { drafts: out, choice: { ...choice, article: main } };
}

/** Share of a draft's subject words the main article must share for the draft to be a part of it. */
const sameSubjectCohesion = 0.2;

function draftWords(d: PlacedDraft): Set<string> {
  return contentWords(`${d.title}\n${d.paragraphs.slice(0, 12).join('\n')}`, 400);
}

/** Subject words of a draft's end, where a part split off from the article below it would be. */
function tailWords(d: PlacedDraft): Set<string> {
  return contentWords(`${d.title}\n${d.paragraphs.slice(-12).join('\n')}`, 400);
}

const hasProse = (d: PlacedDraft) => d.paragraphs.some(isGoodProse);
