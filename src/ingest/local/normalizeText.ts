/**
 * Turning raw scraped text into clean lines. A scrape can carry anything (binary junk, Windows
 * line ends, no-break spaces between words), and every later rule compares words, so the noise
 * is folded away once, here.
 */

// Controls other than tab/newline/CR carry no text; they are debris from a bad scrape or decode.
// eslint-disable-next-line no-control-regex
const controlChars = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;
const hasControlChar = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/;
// Lone surrogates cannot be written to XML feeds later, so they never enter an article.
const loneSurrogates = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Zero-width characters and soft hyphens are invisible on the page and would split words here.
const invisibleChars = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const hasInvisibleChar = /[\u200B-\u200D\u2060\uFEFF\u00AD]/;
// No-break and typographic spaces read as ordinary spaces ("said\u00A0Tokayev").
const oddSpaces = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
const hasOddSpace = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/;

/**
 * Text with invisible noise removed and odd spaces made plain. None of these characters is a line
 * break, so a whole page is cleaned as its lines would be one by one. Each clean-up runs only when
 * its characters occur: most pages need none, and a 1 MB page costs one scan per rule, not one rewrite.
 */
function cleanCharacters(line: string): string {
  let text = /[\uD800-\uDFFF]/.test(line) ? line.replace(loneSurrogates, '') : line;
  if (hasControlChar.test(text)) text = text.replace(controlChars, '');
  if (hasInvisibleChar.test(text)) text = text.replace(invisibleChars, '');
  if (hasOddSpace.test(text)) text = text.replace(oddSpaces, ' ');
  return text;
}

/** A cleaned line with runs of spaces folded to one, trimmed. */
function foldSpaces(text: string): string {
  return (text.includes('  ') ? text.replace(/ {2,}/g, ' ') : text).trim();
}

/** One line with invisible noise removed and runs of spaces folded to one. */
export function normalizeLine(line: string): string {
  return foldSpaces(cleanCharacters(line));
}

/** The page as normalized lines; blank lines are kept (as "") because they separate blocks. */
export function splitIntoLines(text: string): string[] {
  // U+0085 / U+2028 / U+2029 are line breaks in some encodings; treat them as such, not as junk.
  // The character clean-ups go over the whole page at once (a line break is none of their characters),
  // and only when one scan finds a character that any of them (or a break) would change.
  const clean = anyToClean.test(text) ? cleanCharacters(text.replace(/\r\n?|[\u0085\u2028\u2029]/g, '\n')) : text;
  return clean.split('\n').map(foldSpaces);
}

// eslint-disable-next-line no-control-regex
const anyToClean = /[\r\u0085\u2028\u2029\uD800-\uDFFF\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF\u200B-\u200D\u2060\uFEFF\u00AD\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/;
