import type { PlacedDraft } from './articleDraft.js';
import { mostParagraphWords, paragraphWords, proseWords } from './textWords.js';

/**
 * A draft's textWords, counted paragraph by paragraph (first to last) only as far as a question
 * needs: the paragraphs counted give the least it can be; the others add at most their bound from
 * the length alone (mostParagraphWords), or, once tightened, what they would count as prose
 * (proseWords: their words, no judgement of them). Judging every paragraph of a long article just
 * to learn that it is longer than a menu was most of what sizing a page cost.
 */
export interface WordCount {
  /** textWords of the draft, counted in full. */
  exact(): number;
  /** The most it can be, tightened (each paragraph not counted yet by its words). */
  most(): number;
  /**
   * Whether `test` holds of the count. `test` must be monotone in it (true from some count on, or
   * up to some count): it is asked of the least and the most the count can be until both agree.
   */
  holds(test: (n: number) => boolean): boolean;
}

interface Tally {
  d: PlacedDraft;
  /** Paragraphs counted. */
  counted: number;
  /** Their words. */
  low: number;
  /** The bound of the paragraphs not counted yet. */
  rest: number;
  /** Each paragraph's proseWords, once tightened. */
  tight: number[] | null;
}

function tallyOf(d: PlacedDraft): Tally {
  let rest = 0;
  for (const p of d.paragraphs) rest += mostParagraphWords(p);
  return { d, counted: 0, low: 0, rest, tight: null };
}

const done = (t: Tally) => t.counted >= t.d.paragraphs.length;

/** Bound the paragraphs not counted yet by their words. */
function tighten(t: Tally): void {
  if (t.tight) return;
  t.tight = [];
  t.rest = 0;
  for (let k = 0; k < t.d.paragraphs.length; k++) {
    const n = k < t.counted ? 0 : proseWords(t.d.paragraphs[k]!);
    t.tight.push(n);
    t.rest += n;
  }
}

/** Count the next paragraph. */
function step(t: Tally): void {
  const k = t.counted++;
  const p = t.d.paragraphs[k]!;
  t.low += paragraphWords(p);
  t.rest -= t.tight ? t.tight[k]! : mostParagraphWords(p);
}

/** Make the bounds closer: tightened first (cheap), then the next paragraph counted. */
function refine(t: Tally): void {
  if (!t.tight) tighten(t);
  else step(t);
}

/**
 * The page's main article: the draft with the most words of prose (textWords; the first of
 * equals), and each draft's count. Counting stops as soon as the longest is certain: while the
 * draft that could be longest (the most it can be is the highest; the first of equals) could
 * still be overtaken, its bounds and those of the one that could overtake it are made closer. The
 * page's short pieces (menus, teasers, comments) are not judged paragraph by paragraph just to be
 * passed over, nor the main article beyond what it takes to outgrow them.
 */
export function mainDraft(drafts: PlacedDraft[]): { main: number; words: (k: number) => number; count: (k: number) => WordCount } {
  const tallies: (Tally | undefined)[] = [];
  const tally = (k: number) => (tallies[k] ??= tallyOf(drafts[k]!));
  const high = (k: number) => {
    const t = tally(k);
    return t.low + t.rest;
  };
  const count = (k: number): WordCount => {
    const t = tally(k);
    return {
      exact: () => {
        while (!done(t)) step(t);
        return t.low;
      },
      most: () => {
        tighten(t);
        return t.low + t.rest;
      },
      holds: (test) => {
        for (;;) {
          const least = test(t.low);
          if (done(t) || least === test(t.low + t.rest)) return least;
          refine(t);
        }
      },
    };
  };
  const words = (k: number) => count(k).exact();
  // The drafts by the most they can be (longest first; the first of equals first). Only the
  // drafts refined (`touched`, a few) change their bound, and only downwards: the longest of the
  // others is the first untouched one in this order.
  const bound = drafts.map((_, k) => high(k));
  const order = drafts.map((_, k) => k).sort((a, b) => bound[b]! - bound[a]! || a - b);
  const isTouched = new Uint8Array(drafts.length);
  const touched: number[] = [];
  const touch = (k: number) => {
    if (!isTouched[k]) touched.push(k);
    isTouched[k] = 1;
  };
  const untouched = (from: number) => {
    while (from < order.length && isTouched[order[from]!]) from++;
    return from;
  };
  // Could `a` be longer than `b` (the first of equals when as long)?
  const beats = (a: number, b: number) => b < 0 || high(a) > high(b) || (high(a) === high(b) && a < b);
  let main = 0;
  for (let first = 0; drafts.length > 0; ) {
    first = untouched(first);
    const second = untouched(first + 1);
    const u1 = first < order.length ? order[first]! : -1;
    const u2 = second < order.length ? order[second]! : -1;
    // The draft that could be longest, and the other that could be longest.
    let top = u1;
    for (const k of touched) if (beats(k, top)) top = k;
    let other = top === u1 ? u2 : u1;
    for (const k of touched) if (k !== top && beats(k, other)) other = k;
    const t = tally(top);
    // Counted in full, it is the longest (the first of equals: an earlier one that could be as
    // long would be `top`); counted in part, once even its least is more than any other's most.
    if (done(t) || other < 0 || t.low > high(other)) {
      main = top;
      break;
    }
    // The other's bound tightened (cheap), else this one's next paragraph counted.
    const o = tally(other);
    if (!o.tight && !done(o)) {
      tighten(o);
      touch(other);
    } else {
      step(t);
      touch(top);
    }
  }
  return { main, words, count };
}
