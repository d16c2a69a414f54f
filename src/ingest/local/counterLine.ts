/**
 * Result counters and pagination a listing prints ("Viewing results 1 - 6 of 578", "Page 2 of 9",
 * "Next ›"): chrome (see chromeLine, which also folds these patterns into its start gate).
 */

/** The patterns, each anchored at the line's start; the first three name a figure. */
export const counterPatterns = [
  /^(?:viewing|showing|displaying)?\s*(?:results?|items?|articles?|stories)?\s*\d[\d,]*\s*(?:[-–—]|to)\s*\d[\d,]*\s+of\s+(?:about\s+)?\d[\d,]*(?:\s+(?:results?|items?|articles?|stories))?\.?$/i,
  /^page\s+\d+\s+of\s+\d+$/i,
  /^(?:about\s+)?\d[\d,]*\s+(?:results?|articles?|stories|items?)(?:\s+found)?\.?$/i,
  /^no\s+(?:results?|articles?|stories|items?)\s+(?:found|match(?:ed)?)\b.{0,60}$/i,
  /^(?:[«‹]\s*)?(?:prev(?:ious)?|next|older|newer|load\s+more|show\s+more|more\s+results|first|last|\d+|…|\.\.\.)(?:\s+(?:[«‹›»]|prev(?:ious)?|next|older|newer|\d+|…|\.\.\.))*(?:\s*[›»])?$/i,
];
export function isCounterLine(line: string): boolean {
  const figure = /\d/.test(line);
  return counterPatterns.some((re, k) => (k > 2 || figure) && re.test(line));
}
