/**
 * What headlineScore adds for what a line has, and the most a line can score before the costly
 * parts are weighed (a header under it, a breadcrumb over it, its type): a search can pass over a
 * line that cannot beat the candidates it already has.
 */

/** Bonus for a header line (byline, dateline, name, stamp) that many non-blank lines below the candidate. */
export const headerBonus = [0, 1.5, 1.1, 0.8, 0.6, 0.5];
/** The header bonus's share for a candidate that shares no word with the article (another article's header). */
export const unechoedHeader = 0.3;
/** A date or byline right above (when none follows). */
export const dateAboveBonus = 0.8;
/** The last crumb of a breadcrumb trail above. */
export const crumbBonus = 1;
/** Printed as a heading. */
export const headingBonus = 0.5;
/** A person's name (or a handle) rather than a headline. */
export const namePenalty = 2;
/** Under three words. */
export const shortPenalty = 1;
/** Per word beyond fourteen. */
export const longPenalty = 0.12;
/** Per non-blank line between the candidate and the text. */
export const distancePenalty = 0.02;

/**
 * The most a line can score with this echo, length, type, distance from the text, breadcrumb
 * bonus and `known` penalties (what its own text and its neighbours' text cost it): the most a
 * header could add (below it, from its `from`th non-blank line below on, or, when it has none,
 * above it) and no penalty of those still to weigh.
 */
export function headlineCeiling(echo: number, echoed: number, words: number, heading: boolean, between: number, crumb: number, known: number, from = 1): number {
  const header = Math.max(headerBonus[from]! * (echoed === 0 ? unechoedHeader : 1), dateAboveBonus);
  return 3 * echo + header + crumb + (heading ? headingBonus : 0) - (words < 3 ? shortPenalty : 0) - (words > 14 ? longPenalty * (words - 14) : 0) - known - distancePenalty * between;
}

/** The non-blank lines between line `i` and line `to` (what the distance penalty counts). */
export function textLinesBetween(lines: ReadonlyArray<{ text: string }>, i: number, to: number): number {
  let n = 0;
  for (let j = i + 1; j < to; j++) if (lines[j]!.text) n++;
  return n;
}
