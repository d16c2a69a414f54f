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
  // isWordChar written out in both loops: this runs per character of every article, and a call per
  // character costs more than the test itself where V8 inlines nothing (`npm run ingest`'s flags).
  for (; i < n; i++) {
    const k = CLASS[text.charCodeAt(i)];
    if (k === 1 || (k === 0 && classifyChar(text, i, text.charCodeAt(i)))) break;
  }
  if (i >= n) return -1;
  let e = i + 1;
  for (; e < n; e++) {
    const k = CLASS[text.charCodeAt(e)];
    if (k === 2 || (k === 0 && !classifyChar(text, e, text.charCodeAt(e)))) break;
  }
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
 * Per matcher: which first words a term can start with, as a test that costs no string. Bit `len` of
 * entry `gateIndex(c0, c1, last)` is set for each first word of that length whose first, second
 * and last UTF-16 units hash there (`WordGate.add`): a word whose bit is clear starts no term.
 */
export class WordGate {
  /** Read by `Words.lowerIfMay` itself (the same test as `mayHold`, written out there). */
  readonly bits = new Uint32Array(1 << 16);

  /** Let `word` (a lower-case first word of a term) through. */
  add(word: string): void {
    const n = word.length;
    this.bits[gateIndex(word.charCodeAt(0), n > 1 ? word.charCodeAt(1) : 0, word.charCodeAt(n - 1))] |= 1 << Math.min(n, 31);
  }

  /** Whether the `n` characters of `text` from `start` may be a word added (false: certainly not). */
  mayHold(text: string, start: number, n: number): boolean {
    const k = gateIndex(text.charCodeAt(start), n > 1 ? text.charCodeAt(start + 1) : 0, text.charCodeAt(start + n - 1));
    return ((this.bits[k] >>> Math.min(n, 31)) & 1) === 1;
  }
}

const gateIndex = (c0: number, c1: number, last: number): number => ((c0 * 127 + c1) * 31 + last) & 0xffff;

/**
 * An article field as words for matching: each word's offsets, and its lower-case form (every word
 * is looked up by it) made only for a word a matcher's `WordGate` lets through (`lowerIfMay`), the
 * exact form only when a lower-case form was a hit (for case-sensitive terms).
 */
export class Words {
  /** Start and end offsets of word i at 2i and 2i + 1. */
  private readonly bounds: number[];
  /**
   * The lower-cased text, when lower-casing kept the text's length (it does but for rare letters
   * like İ): lower forms are its slices. Null otherwise: each word is lower-cased alone.
   */
  private readonly lowerText: string | null;
  readonly length: number;

  /** `head`: the words of `head.of`'s text up to `head.length` characters (see `head`), not tokenized again. */
  constructor(private readonly text: string, limit = Infinity, head?: { of: Words; length: number }) {
    if (head !== undefined) {
      const { of, length } = head;
      this.bounds = of.bounds;
      this.lowerText = of.lowerText;
      let n = 0;
      while (n < of.length && n < limit && of.bounds[2 * n + 1] <= length) n++;
      this.length = n;
      return;
    }
    const bounds: number[] = [];
    for (let s = nextWord(text, 0); s >= 0 && bounds.length < 2 * limit; s = nextWord(text, wordEnd)) bounds.push(s, wordEnd);
    this.bounds = bounds;
    this.length = bounds.length / 2;
    const lowerText = text.toLowerCase();
    this.lowerText = lowerText.length === text.length ? lowerText : null;
  }

  /** Word i's lower-case form. */
  lowerAt(i: number): string {
    const s = this.bounds[2 * i];
    const e = this.bounds[2 * i + 1];
    return this.lowerText !== null ? this.lowerText.slice(s, e) : this.text.slice(s, e).toLowerCase();
  }

  /** Word i's lower-case form when `gate` may let it through, else null (it starts no term of that gate's). */
  lowerIfMay(i: number, gate: WordGate): string | null {
    const s = this.bounds[2 * i];
    const e = this.bounds[2 * i + 1];
    const lowerText = this.lowerText;
    if (lowerText === null) {
      const lower = this.text.slice(s, e).toLowerCase();
      return gate.mayHold(lower, 0, lower.length) ? lower : null;
    }
    // gate.mayHold(lowerText, s, e - s), written out: it runs for every word.
    const n = e - s;
    const k = ((lowerText.charCodeAt(s) * 127 + (n > 1 ? lowerText.charCodeAt(s + 1) : 0)) * 31 + lowerText.charCodeAt(e - 1)) & 0xffff;
    return ((gate.bits[k] >>> (n < 31 ? n : 31)) & 1) === 1 ? lowerText.slice(s, e) : null;
  }

  /** Every word's lower-case form. */
  get lower(): string[] {
    return Array.from({ length: this.length }, (_, i) => this.lowerAt(i));
  }

  /**
   * `new Words(prefix, limit)` for a prefix of this text (a lead that starts the body), taken from
   * these words: the same words, offsets and lower forms when white space (or the end) follows the
   * prefix, so no word runs past it and lower-casing sees the same context (final sigma), and when
   * lower-casing kept the text's length. Null otherwise: tokenize the prefix itself.
   */
  head(prefix: string, limit = Infinity): Words | null {
    const { text } = this;
    if (this.lowerText === null || !text.startsWith(prefix)) return null;
    if (prefix.length < text.length && !/\s/.test(text[prefix.length])) return null;
    return new Words(prefix, limit, { of: this, length: prefix.length });
  }

  exact(i: number): string {
    return this.text.slice(this.bounds[2 * i], this.bounds[2 * i + 1]);
  }
}
