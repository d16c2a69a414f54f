import type { ClassifiedLine } from './classifyLine.js';

/**
 * A wiki's article page (MediaWiki and its kin) prints the article's title as its first heading,
 * then the wiki's tagline ("From Lakepedia, the free encyclopedia", "Aus Lakepedia, der freien
 * Enzyklopädie", "Материал из Лакепедии — свободной энциклопедии") and its "Jump to navigation"
 * links; a short description or a hatnote may follow before the text. The line above the tagline
 * (past the page's tabs and tools, which a newer skin prints between) is the document's title,
 * whatever scores better as a headline.
 *
 * Looks only at the page's top, before `before` (the main text's first paragraph). Returns the
 * title's line, or null.
 */
const taglines = [
  // English and the languages that print "<preposition> <wiki>, <the> free <encyclopedia>".
  /^from\s+\S[^,]{1,40},\s+the\s+free\s+\p{L}+$/iu,
  /^aus\s+\S[^,]{1,40},\s+der\s+freien\s+\p{L}+$/iu,
  /^(?:un\s+article\s+de|de|da)\s+\S[^,]{1,40},\s+(?:l['’]|la\s+|el\s+)?(?:encyclop[ée]die|enciclopedia)\s+(?:libre|libera)$/iu,
  /^origem:\s+\S[^,]{1,40},\s+a\s+enciclop[ée]dia\s+livre\.?$/iu,
  /^материал\s+из\s+\S.{1,40}\s+[—–-]\s+свободной\s+энциклопедии$/iu,
  /^\S{2,20}[，,]\s*自由的百科全(?:书|書)$/u,
  /^出典[:：]\s*フリー百科事典/u,
];

/** "Jump to navigation Jump to search", "Jump to: navigation, search": a wiki's skip links. */
export const wikiSkipLinks = /^jump\s+to:?\s+(?:navigation|content|search)(?:[,\s]+(?:jump\s+to:?\s+)?(?:navigation|content|search))*$/i;

/** The first letters of the taglines (the cheap test before them all). */
const taglineFirst = /^[faudoм出]/iu;

/** How far from the page's top the tagline may stand (non-blank lines). */
const reach = 40;

export function wikiTitle(lines: ClassifiedLine[], before: number): number | null {
  for (let i = 0, seen = 0; i < Math.min(before, lines.length) && seen < reach; i++) {
    const t = lines[i]!.text;
    if (!t) continue;
    seen++;
    // Each tagline starts with one of these letters (any case), but the Chinese one, which holds its phrase.
    if (!taglineFirst.test(t) && !t.includes('自由的百科全')) continue;
    // "From Lakepedia" over the wiki's skip links: a tagline of the generic form.
    if ((t.length <= 80 && taglines.some((re) => re.test(t))) || (/^from\s+\S.{1,40}$/i.test(t) && wikiSkipLinks.test(nextText(lines, i)))) return titleAbove(lines, i);
  }
  return null;
}

/** How far above the tagline the title may stand (non-blank lines): past the page's tabs and tools. */
const titleReach = 12;

/**
 * The title over the tagline at `at`: the nearest line above that is not one of the page's tabs
 * or tools (a bulleted link, a "[ ]" control, chrome).
 */
function titleAbove(lines: ClassifiedLine[], at: number): number | null {
  for (let j = at - 1, seen = 0; j >= 0 && seen < titleReach; j--) {
    const l = lines[j]!;
    if (!l.text) continue;
    seen++;
    if (/^[•▪◦●*·\[]/u.test(l.text) || l.cls.kind === 'chrome') continue;
    return l.text.length <= 120 ? j : null;
  }
  return null;
}

function nextText(lines: ClassifiedLine[], i: number): string {
  for (let j = i + 1; j < lines.length && j <= i + 3; j++) if (lines[j]!.text) return lines[j]!.text;
  return '';
}
