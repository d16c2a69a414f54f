import { foldWhiteSpace } from './cleanText.js';

const maxSummary = 320;
const minSentenceCut = 80;

/** Characters of a long text folded to find its summary: four times what the summary can hold. */
const headChars = 4 * maxSummary;

/**
 * The start of a long text, white space folded, when it reaches past the summary's end: all the
 * summary ever looks at (its first `maxSummary + 1` characters are those of the whole text folded
 * and trimmed, and so is its length above `maxSummary`), without folding the rest; else null.
 */
function foldedHead(text: string): string | null {
  if (text.length <= headChars) return null;
  const head = foldWhiteSpace(text.slice(0, headChars)).trimStart();
  return head.length > maxSummary + 1 ? head : null;
}

/**
 * The first sentences of the text, up to about 320 characters: cut after the last sentence end
 * in range (a closing quote stays with its sentence), else at a word boundary with an ellipsis.
 */
export function summarize(text: string): string {
  const flat = foldedHead(text) ?? foldWhiteSpace(text).trim();
  if (flat.length <= maxSummary) return flat;
  let cut = -1;
  for (const match of flat.slice(0, maxSummary + 1).matchAll(/[.!?…][”"’')]?(?= )/g)) {
    const end = match.index + match[0].length;
    if (end >= minSentenceCut) cut = end;
  }
  if (cut > 0) return flat.slice(0, cut);
  const wordEnd = flat.lastIndexOf(' ', maxSummary);
  return `${flat.slice(0, wordEnd > 0 ? wordEnd : maxSummary)}…`;
}
