import type { ClassifiedLine } from './classifyLine.js';
import { headerLineKind } from './headerLine.js';

/** How long a row of a table or a list may be (characters), and how many rows make one. */
const maxRowChars = 60;
const minRows = 3;

/** A short line that is not prose nor a header's byline, date, stamp or author's name: a table's or a menu's row. */
function isRow(line: ClassifiedLine, common?: ReadonlySet<string>): boolean {
  const k = line.cls.kind;
  return line.text.length > 0 && line.text.length <= maxRowChars && (k === 'heading' || k === 'label' || k === 'chrome' || k === 'outlet') && headerLineKind(line, common) === null;
}

/**
 * Line `i` is a row of a table or a list printed without blank lines ("Type Passenger ferry /
 * Locale North Lake / Operator Harbour Board", a fact box; "Home / News / Sport", a menu): it has
 * such a row right above it, in a run of three or more. A headline stands apart, with a blank
 * line or its byline, date or author's name around it (those are no rows); a table's caption, the
 * run's first line, is not a row. `common`: the page's lower-case words (see headerLineKind).
 */
export function isTableRow(lines: ClassifiedLine[], i: number, common?: ReadonlySet<string>): boolean {
  if (i === 0 || !isRow(lines[i - 1]!, common)) return false;
  let run = 2;
  for (let j = i - 2; j >= 0 && run < minRows && isRow(lines[j]!, common); j--) run++;
  for (let j = i + 1; j < lines.length && run < minRows && isRow(lines[j]!, common); j++) run++;
  return run >= minRows;
}
