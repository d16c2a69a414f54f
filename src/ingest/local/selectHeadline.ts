import type { PlacedDraft } from './articleDraft.js';
import { isCaptionLine } from './chromeLine.js';
import type { ClassifiedLine } from './classifyLine.js';
import { contentWords, isGoodProse } from './contentWords.js';
import { isPersonName } from './parseByline.js';
import { wordCount } from './textShape.js';

/**
 * Stage 4, article → its headline. Assembly titles an article with the headline-shaped line right
 * above its text; on a real page that is often a photo caption, a video player's label, a share
 * bar or the standfirst, while the headline stands higher up, above the byline, the dateline and
 * the share bar. For the page's main article (the one with the most text) every headline-shaped
 * line above its first paragraph, back to the article before it, is a candidate, scored by:
 *
 * - **echo**: the share of its subject words the article's text repeats (a headline names what
 *   the lead is about; a section label or a nav link does not);
 * - **header**: a byline or a dateline follows it within a few lines;
 * - **shape**: a headline's length and form; a caption (a photo credit, "Photograph:"), a line of
 *   links or a counter scores low;
 * - **distance**: nearer the text is better, a little.
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

const captionWords = /^(?:photo(?:graph)?|image|picture|video|media caption|caption|illustration|gallery|credit|watch|listen|play|replay|advertisement)\b|\b(?:photograph|photo|image|illustration)\s*:|\b(?:getty images|shutterstock|reuters|afp|ap photo)\b/i;
const linkRow = /\s[|•·]\s.*\s[|•·]\s|^[•*▪◦]\s/u;

function isHeaderLine(c: ClassifiedLine): boolean {
  return c.cls.kind === 'byline' || c.cls.kind === 'date' || c.cls.kind === 'relative' || c.cls.kind === 'time';
}

/** The score of line `i` as the headline of an article whose words are `body`. */
export function headlineScore(lines: ClassifiedLine[], i: number, body: ReadonlySet<string>, firstParagraph: number): { score: number; why: string } | null {
  const line = lines[i]!;
  const c = line.cls;
  const text = line.text;
  if (!(c.kind === 'heading' || (c.kind === 'text' && (c.headlineLike || (wordCount(text) <= 25 && !/[.]$/.test(text)))))) return null;
  const words = wordCount(text);
  if (words > 30 || text.length < 4) return null;
  const own = contentWords(text);
  if (own.size === 0) return null;
  let echoed = 0;
  for (const w of own) if (body.has(w)) echoed++;
  // Echoed words count, not just their share: a one-word label echoes trivially.
  const echo = echoed / (own.size + 1.5);
  let score = 3 * echo;
  const why: string[] = [`echo ${echoed}/${own.size}`];
  // A byline or dateline within the next few lines: the article's header.
  for (let j = i + 1, seen = 0; j < lines.length && seen < 6 && j < firstParagraph + 1; j++) {
    if (!lines[j]!.text) continue;
    seen++;
    if (isHeaderLine(lines[j]!)) {
      score += 1.5;
      why.push('byline or date follows');
      break;
    }
  }
  if (c.kind === 'heading') score += 0.5;
  if (words < 3) score -= 1;
  if (words > 14) score -= 0.12 * (words - 14);
  if (/(?:^|\s)@\w/.test(text) || isPersonName(text.split(/[,|]/)[0] ?? '')) {
    score -= 2;
    why.push('a name');
  }
  if (captionWords.test(text) || isCaptionLine(text)) {
    score -= 2.5;
    why.push('caption');
  }
  if (linkRow.test(text)) {
    score -= 2;
    why.push('a row of links');
  }
  if (/[:]$/.test(text)) score -= 1;
  let between = 0;
  for (let j = i + 1; j < firstParagraph; j++) if (lines[j]!.text) between++;
  score -= 0.02 * between;
  why.push(`${between} lines above the text`);
  return { score, why: why.join(', ') };
}

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
export function chooseHeadline(lines: ClassifiedLine[], draft: PlacedDraft, floor: number): HeadlineChoice | null {
  const firstParagraph = firstProseLine(draft);
  const body = contentWords(draft.paragraphs.slice(0, 40).join('\n'), 1500);
  let best: HeadlineChoice | null = null;
  const from = Math.max(floor + 1, firstParagraph - searchLines);
  for (let i = firstParagraph - 1; i >= from; i--) {
    const c = lines[i]!.cls;
    // "Related articles", "Most read": what stands above belongs to something else.
    if (c.kind === 'chrome' && c.boundary && c.what === 'related-articles heading') break;
    const s = headlineScore(lines, i, body, firstParagraph);
    if (!s) continue;
    const score = s.score + (i === draft.titleLine ? 0.3 : 0);
    if (!best || score > best.score) best = { line: i, score, why: s.why };
  }
  return best;
}

/** Words of running prose in a draft's text, to find the page's main article. */
const textWords = (d: PlacedDraft) => d.paragraphs.reduce((n, p) => n + (isGoodProse(p) ? wordCount(p) + (p.length >> 3) : 0), 0);

/**
 * Give the page's main article its headline. When the chosen line headed a draft of its own (the
 * headline and its standfirst, cut off from the text by a caption), that draft's text joins the
 * main article in front. Returns the drafts and, for the report, what was chosen and why.
 */
export function selectHeadline(drafts: PlacedDraft[], lines: ClassifiedLine[]): { drafts: PlacedDraft[]; choice: (HeadlineChoice & { article: number }) | null } {
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
  const choice = chooseHeadline(lines, draft, floor);
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
