import { isLetterUnit } from './letterRatio.js';

/**
 * Is this English? Pages do not declare a language, and only English is expected, but a scrape
 * can hold Russian or Kazakh text too; saying "en" for those would be invented. Common English
 * function words make up a large share of any English text and almost none of other languages.
 */
const functionWords = new Set([
  'the', 'of', 'and', 'to', 'in', 'a', 'is', 'that', 'for', 'on', 'with', 'as', 'was', 'by', 'at', 'it',
  'from', 'has', 'have', 'be', 'are', 'said', 'his', 'its', 'an', 'not', 'this', 'but', 'which', 'were',
]);

/** The longest of the function words: a longer word is none of them. */
const longestFunctionWord = Math.max(...[...functionWords].map((w) => w.length));

/** How much of a text's start detectLanguage reads: a hundred words decide it, and a long page stays cheap. */
export const languageSample = 600;

/** "en" when the text reads as English, null when it is too short or reads as something else. */
export function detectLanguage(text: string): 'en' | null {
  const n = Math.min(text.length, languageSample);
  let words = 0;
  let hits = 0;
  let letters = 0;
  let latin = 0;
  let start = 0;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 32;
    const ascii = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (ascii || (c >= 0xc0 && !(c >= 0x2000 && c <= 0x2bff) && c !== 0xd7 && c !== 0xf7 && isLetterUnit(c))) {
      letters++;
      if (ascii) latin++;
      continue;
    }
    // A word is a run of letters (code units); it ends here.
    if (i > start) {
      words++;
      if (i - start <= longestFunctionWord && functionWords.has(text.slice(start, i).toLowerCase())) hits++;
    }
    start = i + 1;
  }
  if (words < 8) return null;
  return latin / letters >= 0.7 && hits / words >= 0.12 ? 'en' : null;
}
