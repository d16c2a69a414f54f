import { contentWords, eachWord } from './contentWords.js';

/**
 * contentWords of several texts as one (`contentWordsOfTexts(texts, limit)` is
 * `contentWords(texts.join('\n'), limit)`), each text read once: the later stages ask for the
 * subject words of the same paragraphs again and again (a draft against the one before it, the
 * main article's text from each candidate headline down, its first paragraphs, its tail), so each
 * text's words are kept with the number of the word each came from, and a question is answered
 * by putting the texts' words together up to the limit. A line break starts a new word, so the
 * words of the joined texts are those of each text in turn.
 */

/** A text's content words in order, each with the number (from 1) of the word it came from, and how many words the text holds. */
interface CountedWords {
  words: string[];
  at: number[];
  count: number;
}

/** Bounded memos (texts repeat within a page and across the pages of a run; a long run must not grow them without end). */
const memoCap = 20_000;
const ofWord = new Map<string, readonly string[]>();
const ofText = new Map<string, CountedWords>();

/** The content words one word (as eachWord yields it) gives: none (a function word, a number), itself lower-cased, or a wide run's pairs. */
function wordsOfWord(word: string): readonly string[] {
  let words = ofWord.get(word);
  if (words === undefined) {
    if (ofWord.size > 5 * memoCap) ofWord.clear();
    ofWord.set(word, (words = [...contentWords(word, 1)]));
  }
  return words;
}

function counted(text: string): CountedWords {
  let known = ofText.get(text);
  if (known !== undefined) return known;
  const words: string[] = [];
  const at: number[] = [];
  let count = 0;
  eachWord(text, Infinity, (word) => {
    count++;
    for (const w of wordsOfWord(word)) {
      words.push(w);
      at.push(count);
    }
  });
  if (ofText.size > memoCap) ofText.clear();
  ofText.set(text, (known = { words, at, count }));
  return known;
}

/** The distinct content words of `texts` read as one text, one per line, at most `limit` words read (as contentWords reads it). */
export function contentWordsOfTexts(texts: Iterable<string>, limit = 600): Set<string> {
  const out = new Set<string>();
  let read = 0;
  for (const text of texts) {
    const c = counted(text);
    if (read + c.count > limit) {
      const left = limit - read;
      for (let k = 0; k < c.words.length && c.at[k]! <= left; k++) out.add(c.words[k]!);
      return out;
    }
    for (const w of c.words) out.add(w);
    read += c.count;
  }
  return out;
}
