import type { PlacedDraft } from './articleDraft.js';
import { mostTextWords, textWords } from './textWords.js';

/**
 * The page's main article: the draft with the most words of prose (textWords; the first of
 * equals), and each draft's count, counted when asked. A draft is counted in full only while its
 * length could still make it the main one (mostTextWords, longest first): the page's short pieces
 * (menus, teasers, comments) are not judged paragraph by paragraph just to be passed over.
 */
export function mainDraft(drafts: PlacedDraft[]): { main: number; words: (k: number) => number } {
  const counted: (number | undefined)[] = [];
  const words = (k: number) => (counted[k] ??= textWords(drafts[k]!));
  const bound = drafts.map(mostTextWords);
  const order = drafts.map((_, k) => k).sort((a, b) => bound[b]! - bound[a]! || a - b);
  let main = 0;
  let best = -1;
  for (const k of order) {
    if (bound[k]! < best) break;
    const n = words(k);
    if (n > best || (n === best && k < main)) {
      best = n;
      main = k;
    }
  }
  return { main, words };
}
