/**
 * Republication notes ("This article was republished with permission from Eurasianet.",
 * "This story originally appeared in OC Media.", "Originally published by bne IntelliNews").
 * The note is not article text, but it is the page saying who the article is from: that outlet
 * becomes the article's source.
 */
const notePatterns: RegExp[] = [
  /^(?:this|the\s+(?:above|following))\s+(?:article|story|piece|report|post|interview|analysis|op-ed|commentary|column|text)\s+(?:was\s+|is\s+|has\s+been\s+)?(?:originally\s+|first\s+)?(?:re-?published|published|appeared|posted|reprinted|syndicated|shared)\s+(?:here\s+)?(?:with\s+(?:the\s+)?(?:kind\s+)?permission\s+)?(?:from|by|in|on|at|via)\s+(.+)$/i,
  /^(?:originally|first)\s+(?:published|appeared|posted)\s+(?:by|in|on|at)\s+(.+)$/i,
  /^(?:re-?published|reprinted)\s+(?:with\s+(?:the\s+)?permission\s+)?(?:from|of|by)\s+(.+)$/i,
];

/** The outlet a republication note names, or null when the line is not such a note. */
export function parseSourceNote(line: string): string | null {
  if (line.length > 250) return null;
  for (const re of notePatterns) {
    const m = re.exec(line);
    if (!m) continue;
    // Keep the name only: drop "under a Creative Commons licence", ", an independent ...", the full stop.
    const name = (m[1] ?? '')
      .replace(/\s+(?:under|with|and\s+is|as\s+part|on\s+\p{L}+\s+\d).*$/iu, '')
      .replace(/,.*$/, '')
      .replace(/[.!]+$/, '')
      .replace(/^the\s+website\s+of\s+/i, '')
      .trim();
    if (name && name.length <= 60 && /^[\p{L}\p{N}]/u.test(name)) return name;
  }
  return null;
}
