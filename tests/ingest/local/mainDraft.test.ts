import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { PlacedDraft } from '../../../src/ingest/local/articleDraft.js';
import { mainDraft } from '../../../src/ingest/local/mainDraft.js';
import { mostTextWords, textWords } from '../../../src/ingest/local/textWords.js';

const draftOf = (paragraphs: string[]): PlacedDraft => ({
  title: 'T', paragraphs, authors: [], outlet: null, wire: null, republishedFrom: null, published: null, updated: null, time: null,
  relativeStamp: false, blockDate: null, cut: false, titleLine: 0, lastLine: 0, ownMeta: false, paragraphLines: paragraphs.map((_, k) => k + 1),
});

const prose = 'The ferry left the north pier at dawn, and the harbour board said that the crossing would run again on Monday.';

describe('mainDraft', () => {
  it('is the first draft with the most words of prose, and counts each draft as textWords does', () => {
    const paragraph = fc.oneof(
      fc.constantFrom(prose, `${prose} ${prose}`, 'Home | News | Sport | Weather', '• Share this story', '渡轮恢复湖上航线，乘客们说这样可以放松心情，也能认识新朋友，越来越多的年轻人选择在下班以后去河边。'),
      fc.string({ maxLength: 200 }),
    );
    fc.assert(
      fc.property(fc.array(fc.array(paragraph, { maxLength: 6 }), { minLength: 1, maxLength: 8 }), (texts) => {
        const drafts = texts.map(draftOf);
        const counts = drafts.map(textWords);
        let expected = 0;
        for (let k = 1; k < drafts.length; k++) if (counts[k]! > counts[expected]!) expected = k;
        const { main, words } = mainDraft(drafts);
        expect(main).toBe(expected);
        drafts.forEach((d, k) => {
          expect(words(k)).toBe(counts[k]);
          expect(mostTextWords(d)).toBeGreaterThanOrEqual(counts[k]!);
        });
      }),
      { numRuns: 400 },
    );
  });
  it('answers a question of a count counted only in part as the full count does', () => {
    const paragraph = fc.oneof(
      fc.constantFrom(prose, `${prose} ${prose}`, 'Home | News | Sport | Weather', '• Share this story', '渡轮恢复湖上航线，乘客们说这样可以放松心情，也能认识新朋友，越来越多的年轻人选择在下班以后去河边。'),
      fc.string({ maxLength: 200 }),
    );
    fc.assert(
      fc.property(fc.array(fc.array(paragraph, { maxLength: 8 }), { minLength: 1, maxLength: 4 }), fc.nat(200), fc.boolean(), (texts, x, tightFirst) => {
        const drafts = texts.map(draftOf);
        const { count } = mainDraft(drafts);
        drafts.forEach((d, k) => {
          const c = count(k);
          if (tightFirst) expect(c.most()).toBeGreaterThanOrEqual(textWords(d));
          expect(c.holds((n) => n >= x)).toBe(textWords(d) >= x);
          expect(c.holds((n) => 0.35 * n < x)).toBe(0.35 * textWords(d) < x);
          expect(c.most()).toBeGreaterThanOrEqual(textWords(d));
          expect(c.exact()).toBe(textWords(d));
          expect(c.most()).toBe(textWords(d));
        });
      }),
      { numRuns: 400 },
    );
  });
});
