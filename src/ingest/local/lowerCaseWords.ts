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
    for (const token of text.split(whitespace)) {
      // Words of running text only: an address or a handle ("j.okafor@...", "@jdoe") is not one.
      const w = trimPunctuation(token);
      // A token that does not start with a lower-case letter is no word: not looked up at all.
      if (!mayStartLowerWord(w.charCodeAt(0))) continue;
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

const whitespace = /\s+/;

/** Per UTF-16 code unit beyond ASCII: 1 a lower-case letter, 2 not, 0 not asked yet (asked of Unicode once). */
const lowerUnit = new Uint8Array(0x10000);

/**
 * Can a word start with this code unit: a lower-case letter, or half of a character beyond the
 * Basic Multilingual Plane (`lowerWord` decides those). NaN (an empty token): no.
 */
function mayStartLowerWord(c: number): boolean {
  if (c < 128) return c >= 97 && c <= 122;
  if (c >= 0xd800 && c <= 0xdfff) return true;
  let v = lowerUnit[c];
  if (v === undefined) return false;
  if (v === 0) lowerUnit[c] = v = /\p{Ll}/u.test(String.fromCharCode(c)) ? 1 : 2;
  return v === 1;
}
const lowerWord = /^\p{Ll}[\p{L}'’-]*$/u;
/** Opening quotes and brackets before a word, closing ones and punctuation after it (all one UTF-16 unit). */
const leading = new Set([...'("“‘\'«¿¡'].map((c) => c.charCodeAt(0)));
const trailing = new Set([...')"”’\'»,;:!?.…'].map((c) => c.charCodeAt(0)));

/** `token` without its opening run of `leading` and closing run of `trailing` characters. */
function trimPunctuation(token: string): string {
  let start = 0;
  let end = token.length;
  while (start < end && leading.has(token.charCodeAt(start))) start++;
  while (end > start && trailing.has(token.charCodeAt(end - 1))) end--;
  return start === 0 && end === token.length ? token : token.slice(start, end);
}
