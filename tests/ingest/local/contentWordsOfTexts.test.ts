import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { contentWords } from '../../../src/ingest/local/contentWords.js';
import { contentWordsOfTexts } from '../../../src/ingest/local/contentWordsOfTexts.js';

const sorted = (s: Set<string>) => [...s].sort();

describe('contentWordsOfTexts', () => {
  it('reads the texts as one, one per line, up to the limit', () => {
    const texts = ['Ferry service resumes', "The harbour board's ferry left the north pier at dawn.", 'Tickets cost 12 euros; the crossing takes 40 minutes.'];
    expect(sorted(contentWordsOfTexts(texts))).toEqual(sorted(contentWords(texts.join('\n'))));
    // The limit falls inside the second text: its words after it are not read.
    expect(sorted(contentWordsOfTexts(texts, 6))).toEqual(["board's", 'ferry', 'harbour', 'resumes', 'service']);
    expect(contentWordsOfTexts(texts, 0).size).toBe(0);
    expect(contentWordsOfTexts([], 10).size).toBe(0);
  });

  it('counts a wide script by pairs of characters, as contentWords does', () => {
    const texts = ['渡轮恢复湖上航线', '最近几个月，越来越多的年轻人选择在下班以后去河边夜跑。'];
    expect(sorted(contentWordsOfTexts(texts, 3))).toEqual(sorted(contentWords(texts.join('\n'), 3)));
  });

  it('is contentWords of the joined texts, for any texts and limit (asked twice: the second answer comes from what it kept)', () => {
    const word = fc.oneof(
      fc.constantFrom('the', 'Ferry', 'pier', "don't", 'l’État', 'U.S.', '2024', 'ab', 'Ab', '渡轮恢复', 'ÉTÉ', 'a-b', "rock'", "'n'", '—', '…', ' ', '\n'),
      fc.string({ maxLength: 6 }),
    );
    const text = fc.array(word, { maxLength: 30 }).map((ws) => ws.join(' '));
    fc.assert(
      fc.property(fc.array(text, { maxLength: 6 }), fc.integer({ min: 0, max: 60 }), (texts, limit) => {
        const expected = sorted(contentWords(texts.join('\n'), limit));
        expect(sorted(contentWordsOfTexts(texts, limit))).toEqual(expected);
        expect(sorted(contentWordsOfTexts(texts, limit))).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
