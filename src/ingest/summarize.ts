const maxSummary = 320;
const minSentenceCut = 80;

/**
 * The first sentences of the text, up to about 320 characters: cut after the last sentence end
 * in range (a closing quote stays with its sentence), else at a word boundary with an ellipsis.
 */
export function summarize(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
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
