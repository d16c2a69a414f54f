/**
 * The words a page writes in lower case somewhere ("article", "older", "industry"), for telling a
 * person's name from a link or a label written in Title Case ("Newer Post", "Home Garden"): a
 * name's words are rarely written in lower case on the page that prints it. Reads at most `limit`
 * words, so a long page stays cheap. Addresses and handles ("jane.doe@...") are not words of the text.
 */
export function lowerCaseWords(lines: ReadonlyArray<{ text: string }>, limit = 30_000): Set<string> {
  const out = new Set<string>();
  // Tokens already seen that are not words, so a repeated token is tested once per page.
  const rejected = new Set<string>();
  let n = 0;
  for (const { text } of lines) {
    if (!text) continue;
    // Only the tokens (runs of non-space) that start with a lower-case letter once their opening
    // quotes and brackets are off: all of a line's found by one call, so the others cost no string at all.
    const found = text.match(candidate);
    if (!found) continue;
    for (const token of found) {
      // Words of running text only: an address or a handle ("j.okafor@...", "@jdoe") is not one.
      const w = trimTrailing(token);
      if (!out.has(w)) {
        if (rejected.has(w)) continue;
        if (!lowerWord.test(w)) {
          rejected.add(w);
          continue;
        }
        out.add(w);
      }
      if (++n >= limit) return out;
    }
  }
  return out;
}

/**
 * Most words of `text` are among the page's lower-case words (`common`): "Monitoring Distributed
 * Systems" written in Title Case is a heading, not a person's name (a name's words seldom are).
 */
export function mostlyLowerCase(text: string, common?: ReadonlySet<string>): boolean {
  if (!common) return false;
  const words = text.trim().split(/\s+/);
  let lower = 0;
  for (const w of words) if (common.has(w.toLowerCase())) lower++;
  return 2 * lower > words.length;
}

/** From a lower-case letter on to the token's end, where only opening quotes and brackets stand between the token's start (after white space or at the line's start) and the letter. */
const candidate = /(?<=(?<!\S)[("“‘'«¿¡]*)\p{Ll}\S*/gu;
const lowerWord = /^\p{Ll}[\p{L}'’-]*$/u;
/** Closing quotes and brackets and punctuation after a word (all one UTF-16 unit). */
const trailing = new Set([...')"”’\'»,;:!?.…'].map((c) => c.charCodeAt(0)));

/** `token` without its closing run of `trailing` characters. */
function trimTrailing(token: string): string {
  let end = token.length;
  while (end > 0 && trailing.has(token.charCodeAt(end - 1))) end--;
  return end === token.length ? token : token.slice(0, end);
}
