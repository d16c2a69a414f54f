/**
 * A compiled set of terms (words or phrases) for one dimension (topics or regions), matched on
 * whole words (see tokenize.ts) with a word trie: one map lookup per word, no regex per term.
 *
 * Case rule: a term with a capital letter is a proper name and matches case-sensitively (plus its
 * ALL-CAPS form, for shouted headlines), so `Turkey`, `China`, `Georgia` never match "turkey",
 * "china", "georgia"; an all-lower-case term ("espionage") matches in any case.
 *
 * Scanning is left to right and the longest phrase wins, and its words are not matched again: so
 * "South Korea" is not also "Korea", "New Mexico" (a US term) is not Mexico, and an excluded phrase
 * ("Atlanta, Georgia") claims its words without counting for anyone.
 */

import { WordGate, Words, tokenize } from './tokenize.js';

export interface PhraseEntry {
  /** Index of the topic or region this entry's terms count for. */
  owner: number;
  terms: readonly string[];
  /** Phrases that are never counted (they only stop their words matching anything else). */
  exclude: readonly string[];
}

/** Receives matches: `owner` of the matched term, `at` the index of its first word. */
export interface PhraseSink {
  hit(owner: number, at: number): void;
}

interface Hit {
  len: number;
  owners: number[];
}

interface TrieNode {
  next: Map<string, TrieNode> | undefined;
  /** Set on a phrase end: owners it counts for, empty for an excluded phrase. */
  owners: number[] | undefined;
}

/**
 * First words are keyed lower-case, so a word that starts no term costs one lookup whatever its
 * case. Below, case-sensitive phrases continue on exact words, case-insensitive ones on lower.
 */
interface Root {
  exact: TrieNode;
  folded: TrieNode;
}

const newNode = (): TrieNode => ({ next: undefined, owners: undefined });

export class PhraseMatcher {
  private readonly roots = new Map<string, Root>();
  /** The roots' keys as a test without strings: most words of a text start no term and are passed over by it. */
  private readonly gate = new WordGate();

  constructor(entries: readonly PhraseEntry[]) {
    for (const e of entries) {
      for (const term of e.exclude) this.add(term, undefined);
      for (const term of e.terms) this.add(term, e.owner);
    }
  }

  private add(term: string, owner: number | undefined): void {
    const words = tokenize(term);
    if (words.length === 0) throw new Error(`term "${term}" has no letters or digits`);
    if (term === term.toLowerCase()) {
      this.insert(words, false, owner);
      return;
    }
    this.insert(words, true, owner);
    const upper = words.map((w) => w.toUpperCase());
    if (upper.some((w, i) => w !== words[i])) this.insert(upper, true, owner);
  }

  private insert(words: readonly string[], exact: boolean, owner: number | undefined): void {
    const key = words[0].toLowerCase();
    let root = this.roots.get(key);
    if (root === undefined) {
      this.roots.set(key, (root = { exact: newNode(), folded: newNode() }));
      this.gate.add(key);
    }
    let node = exact ? root.exact : root.folded;
    for (const w of exact ? words : words.map((x) => x.toLowerCase())) {
      node.next ??= new Map();
      let child = node.next.get(w);
      if (child === undefined) node.next.set(w, (child = newNode()));
      node = child;
    }
    node.owners ??= [];
    if (owner !== undefined && !node.owners.includes(owner)) node.owners.push(owner);
  }

  /**
   * Reports every match in `words` to `sink`, with the index of the match's first word.
   * Longest match wins; matched words are consumed.
   */
  scan(words: Words, sink: PhraseSink): void {
    const n = words.length;
    let i = 0;
    while (i < n) {
      const lower = words.lowerIfMay(i, this.gate);
      const root = lower === null ? undefined : this.roots.get(lower);
      if (root === undefined) { i++; continue; }
      let hit = longest(root.exact, words, i, true);
      const f = longest(root.folded, words, i, false);
      let also: Hit | undefined;
      if (hit === undefined || (f !== undefined && f.len > hit.len)) hit = f;
      else if (f !== undefined && f.len === hit.len) also = f;
      if (hit === undefined) { i++; continue; }
      for (const o of hit.owners) sink.hit(o, i);
      if (also !== undefined) for (const o of also.owners) if (!hit.owners.includes(o)) sink.hit(o, i);
      i += hit.len;
    }
  }
}

function longest(start: TrieNode, words: Words, from: number, exact: boolean): Hit | undefined {
  let node: TrieNode | undefined = start;
  let best: Hit | undefined;
  for (let j = from; j < words.length; j++) {
    if (node.next === undefined) break;
    node = node.next.get(exact ? words.exact(j) : words.lowerAt(j));
    if (node === undefined) break;
    if (node.owners !== undefined) best = { len: j - from + 1, owners: node.owners };
  }
  return best;
}
