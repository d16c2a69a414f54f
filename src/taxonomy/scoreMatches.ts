/**
 * The scoring scheme: how much a term occurrence says about what an article is about.
 *
 *   score = TITLE_WEIGHT if in the title
 *         + LEAD_WEIGHT  if in the first LEAD_MAX_WORDS words of the lead
 *         + body(n)      n = body mentions at least BODY_SPACING words apart,
 *                        body(n) = BODY_FIRST * (1 + BODY_DECAY + BODY_DECAY² + … n terms)
 *
 * Anything scoring MIN_SCORE is kept: a title hit, a lead hit, or recurring in four separate
 * passages of the body (a topic's lead hit needs TOPIC_LEAD_SUPPORT). A cluster of names in one
 * sentence ("U.S. envoy Witkoff's visit … summit in Alaska between Putin and U.S. President
 * Trump") counts as one passage, not five.
 * Topics must also reach TOPIC_RELATIVE of the best topic, because topic words (war, economic,
 * talks) turn up everywhere; regions need not: a country recurring through the body is a
 * secondary subject however dominant the main one is.
 */

import type { PhraseMatcher, PhraseSink } from './phraseMatcher.js';
import type { Words } from './tokenize.js';

/** A title names what the article is about: one title hit alone is enough to be tagged. */
export const TITLE_WEIGHT = 5;
/** The lead introduces the story's actors: a lead hit alone is enough, but weighs less than the title. */
export const LEAD_WEIGHT = 3;
/**
 * Only this many words of the lead count as lead. Pages flattened into one paragraph would
 * otherwise make every passing mention a "lead" mention. ~2 sentences.
 */
export const LEAD_MAX_WORDS = 40;
/** Body mentions closer than this many words to the previous counted one are the same passage. */
export const BODY_SPACING = 20;
/** The first body passage is worth BODY_FIRST, each further one BODY_DECAY times the previous… */
export const BODY_FIRST = 1;
/** …so the body is worth at most BODY_FIRST / (1 - BODY_DECAY) = 6.7: many mentions add up, but slowly. */
export const BODY_DECAY = 0.85;
/** Kept from this score on: title, lead, or 4 body passages (1 + .85 + .72 + .61 = 3.19). */
export const MIN_SCORE = 3;
/**
 * Topic words are everyday words: one in the lead ("met at the airport" in a story about a state
 * visit) is not yet aviation. A topic's lead hit only counts when the topic recurs in the body
 * (at least this many passages, the lead's own included). A country named in the lead counts alone.
 */
export const TOPIC_LEAD_SUPPORT = 2;
/** Topics must also score this share of the best-scoring topic. */
export const TOPIC_RELATIVE = 0.35;

const BODY_TABLE = Array.from({ length: 64 }, (_, n) => (BODY_FIRST * (1 - BODY_DECAY ** n)) / (1 - BODY_DECAY));

/** Counts title/lead presence and spaced body passages per owner. */
class Tally implements PhraseSink {
  readonly title: Uint8Array;
  readonly lead: Uint8Array;
  readonly body: Uint32Array;
  private readonly lastBody: Float64Array;
  field: 'title' | 'lead' | 'body' = 'title';

  constructor(n: number) {
    this.title = new Uint8Array(n);
    this.lead = new Uint8Array(n);
    this.body = new Uint32Array(n);
    this.lastBody = new Float64Array(n).fill(-Infinity);
  }

  hit(owner: number, at: number): void {
    if (this.field === 'title') this.title[owner] = 1;
    else if (this.field === 'lead') this.lead[owner] = 1;
    else if (at - this.lastBody[owner] >= BODY_SPACING) {
      this.lastBody[owner] = at;
      this.body[owner]++;
    }
  }
}

/**
 * Score of every owner of `matcher` (n owners) for an article's title, lead and body words.
 * A lead hit counts only if the owner has at least `leadSupport` body passages.
 */
export function scoreAll(matcher: PhraseMatcher, n: number, title: Words, lead: Words, body: Words, leadSupport = 0): Float64Array {
  const tally = new Tally(n);
  matcher.scan(title, tally);
  tally.field = 'lead';
  matcher.scan(lead, tally);
  tally.field = 'body';
  matcher.scan(body, tally);
  const scores = new Float64Array(n);
  for (let o = 0; o < n; o++) {
    const passages = tally.body[o];
    const lead = tally.lead[o] === 1 && passages >= leadSupport ? LEAD_WEIGHT : 0;
    scores[o] = tally.title[o] * TITLE_WEIGHT + lead + BODY_TABLE[Math.min(passages, BODY_TABLE.length - 1)];
  }
  return scores;
}

/** Owners scoring at least `min` and `relative` × the best score. */
export function selectOwners(scores: Float64Array, min: number, relative: number): number[] {
  let best = 0;
  for (const s of scores) if (s > best) best = s;
  const bar = Math.max(min, relative * best);
  const out: number[] = [];
  for (let o = 0; o < scores.length; o++) if (scores[o] >= bar) out.push(o);
  return out;
}
