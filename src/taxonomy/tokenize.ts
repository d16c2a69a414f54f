/**
 * Word tokens for matching: runs of Unicode letters, combining marks and digits. Everything else
 * (spaces, punctuation, hyphens, straight and curly apostrophes) separates words, so
 * "Kazakhstan’s" gives `Kazakhstan`, `s`, "Kazakh-Russian" gives `Kazakh`, `Russian` and "U.S."
 * gives `U`, `S`. Terms are tokenized the same way, so matching whole tokens respects word
 * boundaries: `Kazakh` never matches inside `Kazakhstan`, `Oman` never inside `Romania`.
 *
 * A hand-written scanner rather than a Unicode regex: this runs on every article (a million in
 * the benchmark) and a charCode loop with an ASCII table is several times faster.
 */

const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
/** Per UTF-16 code unit: 0 not yet known, 1 word character, 2 separator. */
const CLASS = new Uint8Array(0x10000);
for (let c = 0; c < 128; c++) CLASS[c] = /[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 2;
/** ʼ (U+02BC) is a letter to Unicode but is written as an apostrophe ("Kazakhstanʼs"). */
CLASS[0x2bc] = 2;

/** Whether text[i] is part of a word: ASCII from the table, other characters classified once. */
function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  const k = CLASS[c];
  return k === 0 ? classifyChar(text, i, c) : k === 1;
}

function classifyChar(text: string, i: number, c: number): boolean {
  if (c >= 0xd800 && c <= 0xdbff) return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(i) ?? c));
  if (c >= 0xdc00 && c <= 0xdfff) return i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff && isWordChar(text, i - 1);
  CLASS[c] = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
  return CLASS[c] === 1;
}

/**
 * Start of the next word at or after `i`, or -1; its end is left in `wordEnd` (module scratch
 * space, only read right after the call, to avoid allocating a pair per word).
 */
let wordEnd = 0;
function nextWord(text: string, i: number): number {
  const n = text.length;
  while (i < n && !isWordChar(text, i)) i++;
  if (i >= n) return -1;
  let e = i + 1;
  while (e < n && isWordChar(text, e)) e++;
  wordEnd = e;
  return i;
}

/** Whether `text` holds a word at all (what `tokenize(text).length > 0` says, without making the words). */
export function hasWord(text: string): boolean {
  return nextWord(text, 0) >= 0;
}

export function tokenize(text: string, limit = Infinity): string[] {
  const out: string[] = [];
  for (let s = nextWord(text, 0); s >= 0 && out.length < limit; s = nextWord(text, wordEnd)) out.push(text.slice(s, wordEnd));
  return out;
}

/**
 * An article field as words for matching: lower-case forms up front (every word is looked up by
 * them), the exact forms sliced only when a lower-case form was a hit (for case-sensitive terms).
 */
export class Words {
  readonly lower: string[] = [];
  /** Start and end offsets of word i at 2i and 2i + 1. */
  private readonly bounds: number[] = [];
  /** Lower-casing kept the text's length (it does but for rare letters like İ): lower forms are slices of the lower-cased text. */
  private readonly aligned: boolean = true;

  /** `head`: the words of `head.of`'s text up to `head.length` characters (see `head`), not tokenized again. */
  constructor(private readonly text: string, limit = Infinity, head?: { of: Words; length: number }) {
    const lower = this.lower;
    const bounds = this.bounds;
    if (head !== undefined) {
      const { of, length } = head;
      for (let i = 0; i < of.lower.length && lower.length < limit && of.bounds[2 * i + 1] <= length; i++) {
        bounds.push(of.bounds[2 * i], of.bounds[2 * i + 1]);
        lower.push(of.lower[i]);
      }
      return;
    }
    const lowerText = text.toLowerCase();
    const aligned = lowerText.length === text.length; // false only for rare letters like İ
    this.aligned = aligned;
    for (let s = nextWord(text, 0); s >= 0 && lower.length < limit; s = nextWord(text, wordEnd)) {
      bounds.push(s, wordEnd);
      lower.push(aligned ? lowerText.slice(s, wordEnd) : text.slice(s, wordEnd).toLowerCase());
    }
  }

  /**
   * `new Words(prefix, limit)` for a prefix of this text (a lead that starts the body), taken from
   * these words: the same words, offsets and lower forms when white space (or the end) follows the
   * prefix, so no word runs past it and lower-casing sees the same context (final sigma), and when
   * lower-casing kept the text's length. Null otherwise: tokenize the prefix itself.
   */
  head(prefix: string, limit = Infinity): Words | null {
    const { text } = this;
    if (!this.aligned || !text.startsWith(prefix)) return null;
    if (prefix.length < text.length && !/\s/.test(text[prefix.length])) return null;
    return new Words(prefix, limit, { of: this, length: prefix.length });
  }

  get length(): number {
    return this.lower.length;
  }

  exact(i: number): string {
    return this.text.slice(this.bounds[2 * i], this.bounds[2 * i + 1]);
  }
}
