import type { PlacedDraft } from './articleDraft.js';
import { isGoodProse } from './contentWords.js';
import { endsWithEllipsis, wordCount } from './textShape.js';

/**
 * The end of an article region: after its last prose, what a page sets below an article (boxes
 * of links and their headings, the site's menu) is not the article. Changes the draft in place.
 */
export function trimArticleTail(d: PlacedDraft): void {
  trimChromeTail(d);
  trimLinkTail(d);
}

const isListItem = (p: string) => /^[•▪◦●○■□◆*·‣⁃]\s/u.test(p);
/** Words a list item of a sentence has at least. */
const minSentenceItemWords = 6;
/** A list item that is a sentence with its full stop (a headline in a box of links has none; it may ask a question). */
const isSentenceItem = (p: string) => isListItem(p) && /[.。]["'”’)]*$/u.test(p.slice(-6)) && !endsWithEllipsis(p) && wordCount(p) > minSentenceItemWords;
/** A list item that is no sentence: a link of a menu. */
const isLinkItem = (p: string) => isListItem(p) && !isSentenceItem(p) && !isGoodProse(p.replace(/^\S+\s+/u, ''));

/**
 * An article's tail after its last prose: a short heading and a list of links ("Site navigation",
 * "• Contact us", "• Privacy") is the page's menu, not the article's end.
 */
function trimLinkTail(d: PlacedDraft): void {
  let last = d.paragraphs.length - 1;
  while (last >= 0 && isLinkItem(d.paragraphs[last]!)) last--;
  const links = d.paragraphs.length - 1 - last;
  if (links < 2 || last < 1 || isGoodProse(d.paragraphs[last]!) || isSentenceItem(d.paragraphs[last]!) || !d.paragraphs.slice(0, last).some((p) => isGoodProse(p) || (isListItem(p) && isGoodProse(p.replace(/^\S+\s+/u, ''))))) return;
  d.paragraphs.length = last;
  d.paragraphLines.length = last;
  d.lastLine = d.paragraphLines[last - 1] ?? d.titleLine;
}

/** List items of links and headings after it beyond these counts: the page's boxes ("More on this", "Most read"), not the article. */
const minTailLinks = 3;
const minTailOthers = 2;

/** After an article's last prose (a paragraph or a list item of a sentence), boxes of links and their headings are cut off. */
function trimChromeTail(d: PlacedDraft): void {
  let last = d.paragraphs.length - 1;
  while (last >= 0 && !isGoodProse(d.paragraphs[last]!) && !isSentenceItem(d.paragraphs[last]!)) last--;
  if (last < 0) return;
  const tail = d.paragraphs.slice(last + 1);
  const links = tail.filter(isListItem).length;
  if (links < minTailLinks || tail.length - links < minTailOthers) return;
  d.paragraphs.length = last + 1;
  d.paragraphLines.length = last + 1;
  d.lastLine = d.paragraphLines[last] ?? d.titleLine;
}
