/**
 * The words a page writes in lower case somewhere ("article", "older", "industry"), for telling a
 * person's name from a link or a label written in Title Case ("Newer Post", "Home Garden"): a
 * name's words are rarely written in lower case on the page that prints it. Reads at most `limit`
 * words, so a long page stays cheap. Addresses and handles ("jane.doe@...") are not words of the text.
 */
export function lowerCaseWords(lines: ReadonlyArray<{ text: string }>, limit = 30_000): Set<string> {
  const out = new Set<string>();
  let n = 0;
  for (const { text } of lines) {
    if (!text) continue;
    for (const token of text.split(/\s+/)) {
      // Words of running text only: an address or a handle ("j.okafor@...", "@jdoe") is not one.
      const w = token.replace(/^[("“‘'«¿¡]+|[)"”’'»,;:!?.…]+$/gu, '');
      if (!/^\p{Ll}[\p{L}'’-]*$/u.test(w)) continue;
      out.add(w);
      if (++n >= limit) return out;
    }
  }
  return out;
}
