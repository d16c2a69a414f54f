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
    const len = text.length;
    // Tokens are runs of non-space; only those that start with a lower-case letter once their
    // opening quotes and brackets are off are cut out of the line, so the others cost no string.
    for (let i = 0; i < len; ) {
      if (isSpace(text.charCodeAt(i))) {
        i++;
        continue;
      }
      let from = i;
      while (from < len && isOpening(text.charCodeAt(from))) from++;
      let end = from;
      while (end < len && !isSpace(text.charCodeAt(end))) end++;
      i = end;
      if (from === end || !startsLowerAt(text, from)) continue;
      // Without its closing quotes, brackets and punctuation (never its first letter).
      while (isTrailing(text.charCodeAt(end - 1))) end--;
      const w = text.slice(from, end);
      if (!out.has(w)) {
        if (rejected.has(w)) continue;
        // Words of running text only: an address or a handle ("j.okafor@...", "@jdoe") is not one.
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

/** JavaScript's white space (what `\s` matches), by UTF-16 code unit. */
export function isSpace(c: number): boolean {
  if (c > 32 && c < 0xa0) return false;
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Opening quotes and brackets before a word: ( " “ ‘ ' « ¿ ¡ (none is a letter). */
function isOpening(c: number): boolean {
  return c === 0x28 || c === 0x22 || c === 0x201c || c === 0x2018 || c === 0x27 || c === 0xab || c === 0xbf || c === 0xa1;
}

/** Per UTF-16 code unit beyond ASCII: 1 a lower-case letter, 2 not, 0 not asked yet (asked once). */
const lowerUnit = new Uint8Array(0x10000);

/** Does the character (a code point: a surrogate pair counts as one) at `at` read as a lower-case letter? */
function startsLowerAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 128) return c >= 97 && c <= 122;
  if (c >= 0xd800 && c <= 0xdbff) return /^\p{Ll}/u.test(text.slice(at, at + 2));
  let v = lowerUnit[c]!;
  if (v === 0) lowerUnit[c] = v = /\p{Ll}/u.test(String.fromCharCode(c)) ? 1 : 2;
  return v === 1;
}

const lowerWord = /^\p{Ll}[\p{L}'’-]*$/u;
/** Closing quotes and brackets and punctuation after a word (all one UTF-16 unit). */
function isTrailing(c: number): boolean {
  switch (c) {
    case 0x29: case 0x22: case 0x201d: case 0x2019: case 0x27: case 0xbb: case 0x2c: case 0x3b: case 0x3a: case 0x21: case 0x3f: case 0x2e: case 0x2026:
      return true;
    default:
      return false;
  }
}
