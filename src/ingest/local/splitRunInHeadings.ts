/**
 * Subheadings run into a paragraph. Listing pages flatten a whole article into one block, so its
 * subheadings end up mid-text: "... in Central Asia. Sanctions on Gazpromneft Subsidiaries The new
 * sanctions include ...". Left alone they read as garbled sentences; split out, they become their
 * own short paragraph and the text around them reads right again.
 *
 * A run-in subheading is recognised by form: right after a sentence ends, two to eight Title-Case
 * words (small words like "of", "the" allowed inside) followed directly by a capitalised word that
 * opens a sentence ("The", "In", "Another", "Beyond", ...). Ordinary sentences do not look like
 * that: a capitalised subject ("Kazakh President Kassym-Jomart Tokayev") is followed by a verb.
 */

/** Capitalised words that open sentences but do not end names or headings. */
const sentenceOpeners = new Set([
  'The', 'A', 'An', 'In', 'On', 'At', 'As', 'After', 'Before', 'Beyond', 'Another', 'This', 'These', 'That',
  'Those', 'It', 'Its', 'When', 'While', 'Since', 'Despite', 'Although', 'Though', 'According', 'However',
  'But', 'For', 'With', 'From', 'Following', 'Amid', 'Under', 'During', 'Some', 'Many', 'Most', 'Several',
  'Such', 'Both', 'Meanwhile', 'There', 'We', 'He', 'She', 'They', 'Our', 'His', 'Her', 'Their', 'If',
  'Unlike', 'Among', 'Earlier', 'Later', 'Last', 'Now', 'Yet', 'Still', 'Instead', 'Until', 'Over', 'By',
]);
/** Small words a Title-Case heading keeps in lower case ("Chronology of the Crash"). */
const headingConnectors = new Set([
  'of', 'on', 'and', 'the', 'to', 'in', 'for', 'a', 'an', 'with', 'at', 'by', 'from', 'vs', 'over',
  'under', 'after', 'into', 'against', 'amid', 'between', 'versus', 'or', '&',
]);

const capitalWord = /^\p{Lu}[\p{L}\p{N}-]*$/u;
const maxHeadingWords = 8;

interface Word {
  text: string;
  start: number;
  end: number;
}

const nonSpace = /\S+/g;

function wordsFrom(text: string, start: number): Word[] {
  const words: Word[] = [];
  const window = text.slice(start, start + 200);
  nonSpace.lastIndex = 0;
  for (let m = nonSpace.exec(window); m !== null; m = nonSpace.exec(window)) {
    const at = start + m.index;
    words.push({ text: m[0], start: at, end: at + m[0].length });
    if (words.length > maxHeadingWords + 2) break;
  }
  return words;
}

/** The heading starting at `start`, as [end of heading, start of the text after it], or null. */
/** Cheap first test at a sentence start: a capitalised word, then a capital or a small word. */
const mayStartHeading = /\p{Lu}[\p{L}\p{N}-]*\s+(?:\p{Lu}|(?:of|on|and|the|to|in|for|a|an|with|at|by|from)\s)/uy;

/** What may close a sentence (found by a pattern: a plain character class is scanned natively, fast). */
const sentenceEnd = /[.!?…]/g;

const mayStartAt = (text: string, at: number) => {
  mayStartHeading.lastIndex = at;
  return mayStartHeading.test(text);
};

/**
 * The sentence starts from `from` on where a heading may start (see mayStartHeading): the text's
 * own start, or after a sentence's end, its closing quotes or brackets (" ' ” ’ ")") and white
 * space (as `\s` reads it); each as [where its end mark is, where the sentence starts]. The end
 * marks are found first (the whole pattern tried at every character of every paragraph was most
 * of the cost); the tests of a character are written out, not called (no calls are inlined).
 */
export function nextSentenceStart(text: string, from: number): [number, number] | null {
  if (from === 0 && mayStartAt(text, 0)) return [0, 0];
  const n = text.length;
  sentenceEnd.lastIndex = from;
  for (let m = sentenceEnd.exec(text); m !== null; m = sentenceEnd.exec(text)) {
    const i = m.index;
    let j = i + 1;
    for (let c = text.charCodeAt(j); j < n && (c === 0x22 || c === 0x27 || c === 0x201d || c === 0x2019 || c === 0x29); c = text.charCodeAt(++j));
    let k = j;
    for (let c = text.charCodeAt(k); k < n && (c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff); c = text.charCodeAt(++k));
    if (k > j && mayStartAt(text, k)) return [i, k];
    sentenceEnd.lastIndex = i + 1;
  }
  return null;
}

function headingAt(text: string, start: number): [number, number] | null {
  mayStartHeading.lastIndex = start;
  if (!mayStartHeading.test(text)) return null;
  const words = wordsFrom(text, start);
  let run = 0;
  while (run < words.length) {
    const w = (words[run] as Word).text;
    if (capitalWord.test(w) || (run > 0 && headingConnectors.has(w))) run++;
    else break;
  }
  // The run must stop inside the sentence (at a lower-case word), not at the end of the text.
  if (run >= words.length) return null;
  for (let j = 1; j < run && j <= maxHeadingWords; j++) {
    const w = (words[j] as Word).text;
    if (!sentenceOpeners.has(w)) continue;
    const heading = words.slice(0, j);
    const last = (heading[heading.length - 1] as Word).text;
    const capitals = heading.filter((h) => capitalWord.test(h.text)).length;
    if (j < 2 || headingConnectors.has(last) || capitals < 2) return null;
    return [(heading[heading.length - 1] as Word).end, (words[j] as Word).start];
  }
  return null;
}

/** The paragraph with run-in subheadings split out as paragraphs of their own. */
export function splitRunInHeadings(paragraph: string): string[] {
  const pieces: string[] = [];
  let from = 0;
  for (let m = nextSentenceStart(paragraph, 0); m !== null; m = nextSentenceStart(paragraph, m[1] === 0 ? 1 : m[1])) {
    const sentenceStart = m[1];
    if (sentenceStart < from) continue;
    const heading = headingAt(paragraph, sentenceStart);
    if (!heading) continue;
    pieces.push(paragraph.slice(from, sentenceStart).trim(), paragraph.slice(sentenceStart, heading[0]).trim());
    from = heading[1];
  }
  pieces.push(paragraph.slice(from).trim());
  return pieces.filter(Boolean);
}
