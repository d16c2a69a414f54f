/**
 * Characters that XML 1.0 forbids (C0 controls but tab/newline/CR, lone surrogates, U+FFFE/U+FFFF)
 * never reach the store, so no feed can carry them.
 */
// eslint-disable-next-line no-control-regex
const invalidXmlChars = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// eslint-disable-next-line no-control-regex
const invalidXmlUnit = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/;
/** ES2024 `String.prototype.isWellFormed` (no lone surrogate), on Node 20 and Workers; typed here for the ES2022 lib. */
const wellFormed = (text: string) => (text as string & { isWellFormed(): boolean }).isWellFormed();

export function stripInvalidXml(text: string): string {
  // Nearly every text is clean: two cheap scans instead of the replace's lookarounds at every unit.
  if (!invalidXmlUnit.test(text) && wellFormed(text)) return text;
  return text.replace(invalidXmlChars, '');
}

/** White space that folding changes: a run of two or more, or any white space but a plain space. */
const foldable = /[^\S ]|  /;

/**
 * Every run of white space as one plain space: what `text.replace(/\s+/g, ' ')` gives, replacing
 * only the runs that change (two or more characters, or one that is not a plain space) rather
 * than every single space between words.
 */
export function foldWhiteSpace(text: string): string {
  return text.replace(/\s{2,}|[^\S ]/g, ' ');
}

/** One line of plain text: invalid characters gone, runs of white space folded. */
export function cleanLine(text: string): string {
  const valid = stripInvalidXml(text);
  // Text whose white space is single plain spaces (most of it) is already folded: no replace.
  return (foldable.test(valid) ? foldWhiteSpace(valid) : valid).trim();
}
