import type { Item, Origin } from '../item.js';
import type { KeyedItem } from '../store/store.js';
import type { Normalized } from './normalize.js';
import { isGenericTitleKey } from './titleKey.js';

/** Share of word triples the shorter text has in common with the longer one for a title match to count. */
const minTextContainment = 0.5;
/** Below this many words a text says too little to disagree with a matching headline. */
const minWordsToCompare = 20;

/**
 * Collapse the run's items onto each other and onto stored items: same id, then same canonical
 * URL, then same headline with overlapping text. A merged item keeps the stored id and firstSeen,
 * the fuller text, and every origin. Returns only the items this run touched.
 */
export function dedupe(incoming: Normalized[], stored: KeyedItem[], now: string): Normalized[] {
  const byId = new Map<string, Normalized>();
  const byUrl = new Map<string, Normalized>();
  const byTitle = new Map<string, Normalized[]>();
  const touched = new Set<string>();

  const index = (entry: Normalized) => {
    byId.set(entry.item.id, entry);
    if (entry.item.url) byUrl.set(entry.item.url, entry);
    const list = byTitle.get(entry.titleKey) ?? [];
    byTitle.set(entry.titleKey, [...list.filter((e) => e.item.id !== entry.item.id), entry]);
  };
  stored.forEach(index);

  for (const arriving of incoming) {
    let entry = arriving;
    let match = byId.get(entry.item.id);
    // An id from the headline alone: the same headline with another text is another article, and
    // a page's secondary block is that page's own (site furniture repeats on every page) unless it
    // is a teaser of a full text elsewhere.
    // A secondary teaser joins another page's full text, never another teaser.
    const holds = (candidate: Item) => titleMatchHolds(candidate, entry.item, entry.titleKey) && !(arriving.secondary && (!entry.item.partial || candidate.partial) && !samePage(candidate, entry.item));
    if (match && entry.textId && !samePage(match.item, entry.item) && !holds(match.item)) {
      entry = { ...entry, item: { ...entry.item, id: entry.textId } };
      match = byId.get(entry.item.id);
    }
    match ??=
      (entry.item.url ? byUrl.get(entry.item.url) : undefined) ??
      (entry.titleKey === '' ? undefined : byTitle.get(entry.titleKey)?.find((candidate) => holds(candidate.item)));
    const result = match ? { item: merge(match.item, entry.item, now), titleKey: match.titleKey } : entry;
    index(result);
    touched.add(result.item.id);
  }
  return [...touched].map((id) => byId.get(id)!);
}

const samePage = (a: Item, b: Item) => a.origins.some((o) => b.origins.some((p) => p.kind === o.kind && p.ref === o.ref));

/**
 * May two items that share a headline be one article? Only a headline of three words or more, and
 * only when the texts agree (a teaser agrees with any text). (The same page's article on a later
 * run keeps its id whatever its text: an edit, not another article.)
 */
export function titleMatchHolds(a: Item, b: Item, key: string): boolean {
  if (isGenericTitleKey(key)) return false;
  return a.partial || b.partial || sameStory(a, b);
}

/** The text's first 400 words, lower-cased: what matching them all and keeping 400 gives, without matching the rest. */
function words(text: string): string[] {
  const word = /[\p{L}\p{N}]+/gu;
  const lower = text.toLowerCase();
  const out: string[] = [];
  for (let match = word.exec(lower); match !== null && out.length < 400; match = word.exec(lower)) out.push(match[0]);
  return out;
}

function triples(list: string[]): Set<string> {
  const set = new Set<string>();
  for (let i = 0; i + 2 < list.length; i++) set.add(`${list[i]} ${list[i + 1]} ${list[i + 2]}`);
  return set;
}

/**
 * Under the same headline: the same story? When both texts say enough, mostly the same words in
 * the same order; when one is short (a teaser), its words must run on in the other; when neither
 * has words (photo posts), the same content. Sharing a title alone is never enough.
 */
export function sameStory(a: Item, b: Item): boolean {
  const wa = words(a.contentText);
  const wb = words(b.contentText);
  if (wa.length === 0 && wb.length === 0) return (a.contentHtml ?? '') === (b.contentHtml ?? '');
  if (wa.length < minWordsToCompare || wb.length < minWordsToCompare) {
    // A teaser's last word may be cut ("abou…"); half its word pairs must be in the longer text.
    const [short, long] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
    if (short.length === 0) return false;
    const pairs = (list: string[]) => list.slice(1).map((w, i) => `${list[i]} ${w}`);
    const own = short.length > 2 ? pairs(short.slice(0, -1)) : pairs(short);
    if (own.length === 0) return long.includes(short[0]);
    const theirs = new Set(pairs(long));
    return own.filter((p) => theirs.has(p)).length / own.length >= minTextContainment;
  }
  const ta = triples(wa);
  const tb = triples(wb);
  const [small, large] = ta.size <= tb.size ? [ta, tb] : [tb, ta];
  let shared = 0;
  for (const t of small) if (large.has(t)) shared++;
  return shared / Math.max(1, small.size) >= minTextContainment;
}

/** The fuller of two versions: a complete article beats a teaser, then the longer text wins. */
function fuller(a: Item, b: Item): [Item, Item] {
  if (a.partial !== b.partial) return a.partial ? [b, a] : [a, b];
  return b.contentText.length > a.contentText.length ? [b, a] : [a, b];
}

function union<T>(a: T[], b: T[], key: (x: T) => string = String): T[] {
  const seen = new Map(a.map((x) => [key(x), x]));
  for (const x of b) if (!seen.has(key(x))) seen.set(key(x), x);
  return [...seen.values()];
}

export function merge(kept: Item, other: Item, now: string): Item {
  const [best, rest] = fuller(kept, other);
  return {
    ...best,
    id: kept.id,
    firstSeen: kept.firstSeen < other.firstSeen ? kept.firstSeen : other.firstSeen,
    changed: now,
    url: kept.url ?? other.url,
    authors: best.authors.length > 0 ? best.authors : rest.authors,
    source: best.source ?? rest.source,
    published: best.published ?? rest.published,
    updated: best.updated ?? rest.updated,
    language: best.language ?? rest.language,
    topics: union(best.topics, rest.topics).sort(),
    regions: union(best.regions, rest.regions).sort(),
    origins: union<Origin>(kept.origins, other.origins, (o) => `${o.kind}:${o.ref}`),
  };
}
