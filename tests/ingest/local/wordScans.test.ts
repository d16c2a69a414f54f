import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { contentWords, stopwordDensity, stopwords } from '../../../src/ingest/local/contentWords.js';
import { lowerCaseWords } from '../../../src/ingest/local/lowerCaseWords.js';

// The word scans are written for speed; each must say exactly what its plain regular-expression form
// says. The reference forms below are those forms (the code as it was before).

const refWord = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
/** A word unit is a letter or digit that is one UTF-16 unit: a surrogate, paired or not, is none. */
const refWords = (text: string) => [...text.replace(/[\uD800-\uDFFF]/g, ' ').matchAll(refWord)].map((m) => m[0]);

function refContentWords(text: string, limit = 600): Set<string> {
  const out = new Set<string>();
  let n = 0;
  for (const raw of refWords(text)) {
    if (++n > limit) break;
    if (raw.length < 3 && raw.charCodeAt(0) < 0x3000) continue;
    const w = raw.toLowerCase();
    if (/[\u3040-\uffff]/.test(w)) {
      for (const run of w.matchAll(/[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+/gu)) for (let i = 0; i + 1 < run[0].length; i++) out.add(run[0].slice(i, i + 2));
      continue;
    }
    if (stopwords.has(w) || /^\d+$/.test(w)) continue;
    out.add(w);
  }
  return out;
}

function refStopwordDensity(text: string): number {
  const words = refWords(text.length > 800 ? text.slice(0, 800) : text);
  return words.length ? words.filter((w) => stopwords.has(w.toLowerCase())).length / words.length : 0;
}

function refLowerCaseWords(lines: ReadonlyArray<{ text: string }>, limit = 30_000): Set<string> {
  const out = new Set<string>();
  const rejected = new Set<string>();
  let n = 0;
  for (const { text } of lines) {
    for (const m of text.matchAll(/(?<!\S)[("“‘'«¿¡]*(\p{Ll}\S*)/gu)) {
      const w = m[1]!.replace(/[)"”’'»,;:!?.…]+$/u, '');
      if (!out.has(w)) {
        if (rejected.has(w)) continue;
        if (!/^\p{Ll}[\p{L}'’-]*$/u.test(w)) {
          rejected.add(w);
          continue;
        }
        out.add(w);
      }
      if (++n >= limit) return out;
    }
  }
  return out;
}

// Pieces that exercise every branch: cases, apostrophes, quotes and brackets, digits, the wide
// scripts, odd spaces, letters outside the BMP, lone surrogates, a capital that lower-cases into a wide range.
const pieces = [
  'the', 'The', 'THE', 'river', 'Ferry', 'don’t', "l'État", "it's", "'", '’', '(', ')', '"', '“', '”', '«', '»', '¿', '¡', '‘',
  ',', '.', '…', '!', '?', ';', ':', '-', '—', '@', 'a.b@c', '#tag', '2024', '12', 'x1', 'über', 'Straße', 'İstanbul', 'москва', 'Москва',
  '河边夜跑', '年轻人', 'の', 'ニュース', '한국어', 'ｆｕｌｌ', 'Ꭰ', '𝑥𝑦', '\uD835', '\uDC00', 'ǅ', ' ', ' ', ' ', '\u00a0', '\u2003', '\u3000', '\t', '\n', '\ufeff', '\u2028',
];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((p) => p.join(''));

describe('the word scans say what their patterns say', () => {
  it('contentWords', () => {
    fc.assert(fc.property(text, fc.integer({ min: 0, max: 12 }), (t, limit) => {
      expect([...contentWords(t)]).toEqual([...refContentWords(t)]);
      expect([...contentWords(t, limit)]).toEqual([...refContentWords(t, limit)]);
    }), { numRuns: 2000 });
  });

  it('stopwordDensity', () => {
    fc.assert(fc.property(text, (t) => {
      expect(stopwordDensity(t)).toBe(refStopwordDensity(t));
    }), { numRuns: 2000 });
  });

  it('lowerCaseWords', () => {
    fc.assert(fc.property(fc.array(text, { maxLength: 6 }), fc.integer({ min: 1, max: 30 }), (texts, limit) => {
      const lines = texts.map((t) => ({ text: t }));
      expect([...lowerCaseWords(lines)]).toEqual([...refLowerCaseWords(lines)]);
      expect([...lowerCaseWords(lines, limit)]).toEqual([...refLowerCaseWords(lines, limit)]);
    }), { numRuns: 2000 });
  });

  it('a few words by hand', () => {
    expect([...lowerCaseWords([{ text: '“quiet” Harbour (new) @jdoe j.doe@mail ok. ((Mixed' }])]).toEqual(['quiet', 'new', 'ok']);
    expect([...contentWords('The ferry’s new timetable starts on 12 May; 年轻人 run.')]).toEqual(['ferry’s', 'new', 'timetable', 'starts', 'may', '年轻', '轻人', 'run']);
  });
});
