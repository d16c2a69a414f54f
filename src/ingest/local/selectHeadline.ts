import type { PlacedDraft } from './articleDraft.js';
import type { ClassifiedLine } from './classifyLine.js';
import { contentWords, isGoodProse } from './contentWords.js';
import { headlineScore } from './headlineScore.js';
import { wordCount } from './textShape.js';

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
}

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

/** The line that best heads `draft`, searching back to `floor` (exclusive). */
export function chooseHeadline(lines: ClassifiedLine[], draft: PlacedDraft, floor: number, common?: ReadonlySet<string>): HeadlineChoice | null {
  const firstParagraph = firstProseLine(draft);
  const body = contentWords(draft.paragraphs.slice(0, 40).join('\n'), 1500);
  let best: HeadlineChoice | null = null;
  const from = Math.max(floor + 1, firstParagraph - searchLines);
  for (let i = firstParagraph - 1; i >= from; i--) {
    const c = lines[i]!.cls;
    // "Related articles", "Most read": what stands above belongs to something else.
    if (c.kind === 'chrome' && c.boundary && c.what === 'related-articles heading') break;
    const s = headlineScore(lines, i, body, firstParagraph, common);
    if (!s) continue;
    const score = s.score + (i === draft.titleLine ? 0.3 : 0);
    if ((globalThis as any).__HDEBUG) console.error(`  cand ${i + 1} ${score.toFixed(2)} ${s.why} | ${lines[i]!.text.slice(0, 70)}`);
    if (!best || score > best.score) best = { line: i, score, why: s.why };
  }
  return best;
}

/**
 * Words of running prose in a draft's text, to find the page's main article. A list item of a
 * sentence or more counts half: an article may be written as a bulleted list, a menu is not.
 */
const textWords = (d: PlacedDraft) => d.paragraphs.reduce((n, p) => {
  if (isGoodProse(p)) return n + wordCount(p) + (p.length >> 3);
  const w = wordCount(p);
  return w >= 10 ? n + (w >> 1) : n;
}, 0);

/**
 * Give the page's main article its headline. When the chosen line headed a draft of its own (the
 * headline and its standfirst, cut off from the text by a caption), that draft's text joins the
 * main article in front. Returns the drafts and, for the report, what was chosen and why.
 */
export function selectHeadline(drafts: PlacedDraft[], lines: ClassifiedLine[], common?: ReadonlySet<string>): { drafts: PlacedDraft[]; choice: (HeadlineChoice & { article: number }) | null } {
  if (drafts.length === 0) return { drafts, choice: null };
  const prose = drafts.map(textWords);
  let main = 0;
  for (let k = 1; k < drafts.length; k++) if (prose[k]! > prose[main]!) main = k;
  const draft = drafts[main]!;
  if (prose[main]! < minArticleWords) return { drafts, choice: null };
  let floor = -1;
  for (let k = main - 1; k >= 0; k--) {
    const d = drafts[k]!;
    // An earlier article with real text of its own (or a teaser with its own stamp) bounds the
    // search; a menu, or a headline with only its standfirst, does not.
    if (d.paragraphs.filter(isGoodProse).length > 1 || ((d.ownMeta || d.cut) && prose[k]! >= 60)) {
      floor = d.lastLine;
      break;
    }
  }
  const choice = chooseHeadline(lines, draft, floor, common);
  if (!choice || choice.line === draft.titleLine) {
    const out = [...drafts];
    out[main] = withoutLeadingBullets(draft);
    return { drafts: out, choice: choice && { ...choice, article: main } };
  }
  const out = [...drafts];
  const owner = out.findIndex((d, k) => k < main && d.titleLine === choice.line);
  const updated: PlacedDraft = { ...withoutLeadingBullets(from(draft, choice.line)), title: lines[choice.line]!.text, titleLine: choice.line };
  if (owner >= 0) {
    const d = out[owner]!;
    // The standfirst leads; the old title (a caption or label) is dropped.
    updated.paragraphs = [...d.paragraphs, ...draft.paragraphs];
    updated.paragraphLines = [...d.paragraphLines, ...draft.paragraphLines];
    updated.authors = draft.authors.length ? draft.authors : d.authors;
    updated.published = draft.published ?? d.published;
    updated.ownMeta ||= d.ownMeta;
    out.splice(main, 1, updated);
    out.splice(owner, main - owner);
    return { drafts: out, choice: { ...choice, article: owner } };
  }
  out[main] = updated;
  return { drafts: out, choice: { ...choice, article: main } };
}
