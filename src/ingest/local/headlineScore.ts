import { contentWords } from './contentWords.js';
import { isCaptionLine } from './chromeLine.js';
import type { ClassifiedLine } from './classifyLine.js';
import { headerLineKind } from './headerLine.js';
import { isPersonName } from './parseByline.js';
import { isAbbreviation, wordCount } from './textShape.js';
import { isBreadcrumb, isLastCrumb } from './isBreadcrumb.js';
import { captionOverCredit } from './captionOverCredit.js';
import { isLinkCard } from './isLinkCard.js';
import { isTableRow } from './tableRow.js';
import { mostlyLowerCase } from './lowerCaseWords.js';
import { isSiteNameLine } from './siteNameSuffix.js';
import { isFragmentHeadline } from './isFragmentHeadline.js';
import { underVideoPlayer } from './underVideoPlayer.js';
import { crumbBonus, dateAboveBonus, distancePenalty, headerBonus, headingBonus, headlineCeiling, longPenalty, namePenalty, shortPenalty, textLinesBetween, unechoedHeader } from './headlineCeiling.js';
import { isInterfaceRow } from './interfaceRow.js';
import { isStandfirst, linkRow, previousNonBlank } from './isStandfirst.js';

export { isFragmentHeadline };

/**
 * How well a headline-shaped line heads an article, for selectHeadline:
 *
 * - **echo**: the share of its subject words the article's text repeats (a headline names what
 *   the lead is about; a section label or a nav link does not);
 * - **header**: a byline, a dateline, an author's name or a stamp follows it, the nearer the more;
 * - **shape**: a headline's length and form; a caption (a photo credit, "Photograph:"), a line of
 *   links, a counter ("2 responses"), a name, a sentence with its full stop, or the standfirst
 *   under a shorter headline scores low; a byline or a dateline is no candidate at all;
 * - **distance**: nearer the text is better, a little.
 */
const captionWords = /^(?:photo(?:graph)?|image|picture|video|media caption|caption|illustration|gallery|credit|watch|listen|play|replay|advertisement)\b|\b(?:photograph|photo|image|illustration)\s*:|\b(?:getty images|shutterstock|reuters|afp|ap photo)\b/i;

/** "2 responses", "0 comments", "14 shares": a counter under the headline, never one. */
const counter = /^\d[\d,.]*\s*[kK]?\s+\p{L}+$/u;


/**
 * The score of line `i` as the headline of an article whose words are `body` (`common`: the
 * page's lower-case words, see bylineIn); null for no candidate, or one that cannot reach `atLeast` (see headlineCeiling).
 */
export function headlineScore(lines: ClassifiedLine[], i: number, body: ReadonlySet<string>, firstParagraph: number, common?: ReadonlySet<string>, atLeast = -Infinity, between = textLinesBetween(lines, i, firstParagraph)): { score: number; why: string } | null {
  const line = lines[i]!;
  const c = line.cls;
  const text = line.text;
  if (!(c.kind === 'heading' || (c.kind === 'text' && (c.headlineLike || (wordCount(text) <= 25 && !/[.]$/.test(text)))) || isFragmentHeadline(line))) return null;
  const words = wordCount(text);
  if (words > 30 || text.length < 4) return null;
  const own = contentWords(text);
  if (own.size === 0) return null;
  let echoed = 0;
  for (const w of own) if (body.has(w)) echoed++;
  // Echoed words count, not just their share: a one-word label echoes trivially.
  const echo = echoed / (own.size + 1.5);
  // Its echo, shape and distance alone may already say it cannot win.
  if (headlineCeiling(echo, echoed, words, c.kind === 'heading', between, crumbBonus, 0) < atLeast - 1e-9) return null;
  // What the line itself and its neighbours' text tell (cheap), before its header is looked for.
  const crumb = isLastCrumb(lines, i) ? crumbBonus : 0;
  const caption = captionWords.test(text) || isCaptionLine(text) ? 'caption' : captionOverCredit(lines, i) ? 'a caption over its credit' : null;
  const video = underVideoPlayer(lines, i) ? 2 : 0;
  const card = isLinkCard(lines, i) ? 2.5 : 0;
  const row: [string, number] | null = isInterfaceRow(text) ? ['a row of interface labels', 2.5] : isBreadcrumb(text) ? ['a breadcrumb trail', 2.5] : linkRow.test(text) ? ['a row of links', 2] : null;
  const counted = counter.test(text) ? 2 : 0;
  const colon = /[:]$/.test(text) ? 1 : 0;
  // A sentence with its full stop is a caption or a standfirst more often than a headline.
  const sentence = /[^.]\.$/.test(text) && !isAbbreviation(text.split(' ').pop() ?? '') ? 0.6 : 0;
  const known = (caption ? 2.5 : 0) + video + card + (row ? row[1] : 0) + counted + colon + sentence;
  if (atLeast > -Infinity && headlineCeiling(echo, echoed, words, c.kind === 'heading', between, crumb, known) < atLeast - 1e-9) return null;
  // A byline or a dateline printed in a headline's type is not one ("Wednesday 9 October 2024 by A").
  const kind = headerLineKind(line, common);
  if (kind === 'byline' || kind === 'date' || kind === 'stamp') return null;
  // A line of more than ten words is no name line, whatever name it holds ("A - the B of C ...").
  const aName = (kind === 'name' && words <= 10) || /(?:^|\s)@\w/.test(text) || (isPersonName(text.split(/[,|]/)[0] ?? '') && !mostlyLowerCase(text.split(/[,|]/)[0]!, common));
  const costs = known + (aName ? namePenalty : 0);
  if (aName && atLeast > -Infinity && headlineCeiling(echo, echoed, words, c.kind === 'heading', between, crumb, costs) < atLeast - 1e-9) return null;
  let score = 3 * echo;
  const why: string[] = [`echo ${echoed}/${own.size}`];
  // A byline or dateline just below: the article's header. Nearer counts more.
  // Past a standfirst (longer) and a section label, not past another headline.
  for (let j = i + 1, seen = 0; j < lines.length && seen < headerBonus.length - 1 && j < firstParagraph + 1; j++) {
    if (!lines[j]!.text) continue;
    seen++;
    // The further down its header, the less it adds: it may no longer be enough to win.
    if (seen > 1 && atLeast > -Infinity && headlineCeiling(echo, echoed, words, c.kind === 'heading', between, crumb, costs, seen) < atLeast - 1e-9) return null;
    const k = headerLineKind(lines[j]!, common);
    // A strong headline (six words or more, most of them echoed) passes the standfirst right under it, however short.
    const dek = seen === 1 && words >= 6 && echoed >= 2 && 2 * echoed > own.size;
    if (!k && ((lines[j]!.cls.kind === 'heading' && wordCount(lines[j]!.text) >= 4 && wordCount(lines[j]!.text) <= words && !dek) || isBreadcrumb(lines[j]!.text))) break;
    if (k) {
      // A bare name is weaker evidence than a byline or a dateline: nav labels look like names too.
      // A teaser's own byline under a headline that shares no word with the article: another article's header.
      score += headerBonus[seen]! * (k === 'name' ? 0.5 : 1) * (echoed === 0 ? unechoedHeader : 1);
      why.push('byline or date follows');
      break;
    }
  }
  // A dateline or a byline just above also heads it (some pages print the date over the headline).
  const over = previousNonBlank(lines, i, true);
  if (over !== null && !why.includes('byline or date follows')) {
    const k = headerLineKind(lines[over]!, common);
    // Unless it closes a header block of its own (a name, then the date): that heads the line above it.
    let block = false;
    for (let j = over - 1, seen = 0; (k === 'date' || k === 'byline') && j >= 0 && seen < 3; j--) {
      if (!lines[j]!.text) continue;
      seen++;
      const kj = headerLineKind(lines[j]!, common);
      if (kj === 'name' || kj === 'byline') block = true;
      // A byline right under another headline-shaped line is that line's header, not this one's.
      if (seen === 1 && k === 'byline' && lines[j]!.cls.kind === 'heading' && wordCount(lines[j]!.text) >= 3) block = true;
    }
    if ((k === 'date' || k === 'byline') && !block) {
      score += dateAboveBonus;
      why.push('date or byline above');
    }
  }
  if (crumb) {
    score += crumb;
    why.push("the breadcrumb's last crumb");
  }
  if (c.kind === 'heading') score += headingBonus;
  if (words < 3) score -= shortPenalty;
  if (words > 14) score -= longPenalty * (words - 14);
  if (aName) {
    score -= namePenalty;
    why.push('a name');
  }
  // With its header weighed, what is left can only cost it: the costs not yet known are asked
  // cheapest first (the lines around it are mostly judged by now, the page's names are not), and
  // a line they take below the runner-up is not weighed further.
  let least = score - known - distancePenalty * between;
  const loses = (cost: number) => (least -= cost) < atLeast - 1e-9;
  if (least < atLeast - 1e-9) return null;
  // Under a byline: the header's tail (an outlet, a reviewer), not its head.
  const prev = previousNonBlank(lines, i, true);
  const underByline = prev !== null && headerLineKind(lines[prev]!, common) === 'byline';
  if (underByline && loses(1)) return null;
  const standfirst = isStandfirst(lines, i, words, text, body, common);
  if (standfirst && loses(1.2)) return null;
  const tableRow = isTableRow(lines, i, common);
  if (tableRow && loses(1.5)) return null;
  const siteName = words <= 5 && isSiteNameLine(lines, i);
  if (siteName && loses(3)) return null;
  // The site's name over its article (a logo's text, the publisher's line): no headline.
  if (siteName) {
    score -= 3;
    why.push("the site's name");
  }
  if (caption) {
    score -= 2.5;
    why.push(caption);
  }
  if (video) {
    score -= video;
    why.push("a video's title");
  }
  if (tableRow) {
    score -= 1.5;
    why.push('a row of a table or list');
  }
  if (card) {
    score -= card;
    why.push("a link card's headline");
  }
  if (row) {
    score -= row[1];
    why.push(row[0]);
  }
  if (counted) {
    score -= counted;
    why.push('a counter');
  }
  if (colon) score -= colon;
  if (sentence) {
    score -= sentence;
    why.push('a sentence');
  }
  if (standfirst) {
    score -= 1.2;
    why.push('a standfirst under a headline');
  }
  if (underByline) {
    score -= 1;
    why.push('under a byline');
  }
  score -= distancePenalty * between;
  why.push(`${between} lines above the text`);
  return { score, why: why.join(', ') };
}
