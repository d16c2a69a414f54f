import type { ClassifiedLine } from './classifyLine.js';

/** How long a row of a table or a list may be (characters), and how many rows make one. */
const maxRowChars = 60;
const minRows = 3;

/** A short line that is not prose nor a header's byline, date or stamp: a table's or a menu's row. */
function isRow(line: ClassifiedLine): boolean {
  const k = line.cls.kind;
  return line.text.length > 0 && line.text.length <= maxRowChars && (k === 'heading' || k === 'label' || k === 'chrome' || k === 'outlet');
}

/**
 * Line `i` is a row of a table or a list printed without blank lines ("Type Passenger ferry /
 * Locale North Lake / Operator Harbour Board", a fact box; "Home / News / Sport", a menu): it has
 * such a row right above it, in a run of three or more. A headline stands apart, with a blank
 * line or its byline and date around it; a table's caption, the run's first line, is not a row.
 */
export function isTableRow(lines: ClassifiedLine[], i: number): boolean {
  if (i === 0 || !isRow(lines[i - 1]!)) return false;
  let run = 2;
  for (let j = i - 2; j >= 0 && run < minRows && isRow(lines[j]!); j--) run++;
  for (let j = i + 1; j < lines.length && run < minRows && isRow(lines[j]!); j++) run++;
  return run >= minRows;
}
