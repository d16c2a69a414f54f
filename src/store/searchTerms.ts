import type { Statement } from './connector.js';

/**
 * Characters beyond ASCII that FTS5's unicode61 tokenizer only ever treats as separators (spaces and
 * punctuation: no letter, digit or mark): no-break space, « », dashes, curly quotes, bullet, ellipsis.
 */
const separators = '\u00A0\u00AB\u00BB\u2010-\u2015\u2018-\u201F\u2022\u2026';
/** A character of any other text: one search for it, not a Unicode-aware match of the whole text (~15x the time). */
const notPlain = new RegExp(`[^\\u0000-\\u007F${separators}]`);

/**
 * The terms FTS5 makes of a text, when this can tell exactly: for ASCII text (and the separators
 * above) they are the runs of ASCII letters and digits, lowercased (unicode61 folds ASCII case and
 * nothing else is a word character there). Null for any other text. (tests/store/searchTerms.test.ts
 * checks it against SQLite's own tokenizer.)
 */
export function plainTerms(text: string): string[] | null {
  return newPlainTerms(text, new Set());
}

/** `plainTerms` of a text that are not in `known` (in the order they first come), or null. */
function newPlainTerms(text: string, known: ReadonlySet<string>): string[] | null {
  // Only ASCII and the separators, none of them a surrogate: a text without any other UTF-16 unit.
  if (notPlain.test(text)) return null;
  // Most terms of a text are known once a store has some items: only the new ones are kept, each
  // once, in the order they first come (the text's distinct terms first, by Set's own constructor).
  const fresh: string[] = [];
  for (const term of new Set(text.toLowerCase().match(/[a-z0-9]+/g))) if (!known.has(term)) fresh.push(term);
  return fresh;
}

/** Terms remembered as written, at most: beyond, every later write of a term probes the table again. */
const knownCap = 200_000;

export interface SearchTermWriter {
  /**
   * What keeps `search_terms` (migration 0002) a superset of the index's terms for an item's text.
   * Plain text: the statement that writes its terms not yet written by this store (null when every
   * term is known to be there), and those terms. Other text: `scratch`, its text goes into
   * `search_scratch` (`indexWrites`, with the write's other new index rows), whose terms (SQLite's
   * own tokenizer) the version bump at the end of the write moves into search_terms.
   */
  statement(title: string, contentText: string): { statement: Statement | null; terms: string[]; scratch: boolean };
  /** The terms of a batch that committed (a batch that failed wrote none, so none is remembered). */
  committed(terms: string[]): void;
}

/**
 * One store's term writer. Terms are never removed from search_terms, so a term once committed
 * stays known; tokenizing in JavaScript and skipping known terms costs about a third of tokenizing
 * the text again in SQLite (bench/RESULTS.md).
 */
export function searchTermWriter(): SearchTermWriter {
  const known = new Set<string>();
  return {
    statement(title, contentText) {
      const terms = newPlainTerms(`${title}\n${contentText}`, known);
      if (!terms) return { statement: null, terms: [], scratch: true };
      if (terms.length === 0) return { statement: null, terms, scratch: false };
      // In the table's order: each of its pages is met once, in turn (ASCII terms: JavaScript's order is SQLite's).
      terms.sort();
      return { statement: { sql: 'INSERT OR IGNORE INTO search_terms (term) SELECT value FROM json_each(?)', params: [JSON.stringify(terms)] }, terms, scratch: false };
    },
    committed(terms) {
      for (const t of terms) {
        if (known.size >= knownCap) return;
        known.add(t);
      }
    },
  };
}
