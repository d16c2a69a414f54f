import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nextSentenceStart, splitRunInHeadings } from '../../../src/ingest/local/splitRunInHeadings.js';

describe('splitRunInHeadings', () => {
  it('splits a Title-Case subheading run into the text after a sentence', () => {
    expect(splitRunInHeadings('The sanctions carry broader implications. Threats to Joint Projects Beyond direct sanctions, executives were listed.')).toEqual([
      'The sanctions carry broader implications.', 'Threats to Joint Projects', 'Beyond direct sanctions, executives were listed.',
    ]);
  });

  it('finds the heading after a closing quote', () => {
    expect(splitRunInHeadings('He called them “heroes”. The Flight Recorders In a related development, Brazil finished.')).toEqual([
      'He called them “heroes”.', 'The Flight Recorders', 'In a related development, Brazil finished.',
    ]);
  });

  it('splits every heading of a flattened article', () => {
    const text = 'Experts weighed in. Chronology of the Crash The incident occurred on December 25. It was examined. International Collaboration The government rejected the idea.';
    expect(splitRunInHeadings(text)).toEqual([
      'Experts weighed in.', 'Chronology of the Crash', 'The incident occurred on December 25. It was examined.',
      'International Collaboration', 'The government rejected the idea.',
    ]);
  });

  it.each([
    'Kazakh President Kassym-Jomart Tokayev spoke with Russian President Vladimir Putin on August 8.',
    'It ended. U.S. President Donald Trump and Russian President Vladimir Putin met face-to-face in Alaska.',
    'It ended. The International Criminal Court issued arrest warrants in July.',
    'It ended. In Jalalabad in the east, farmer Zabihullah celebrated.',
    'It ended. Supreme Leader Hibatullah Akhundzada, who remains secluded, did not attend.',
    'It ended. The Aeronautical Accidents Investigation and Prevention Center (CENIPA) confirmed the findings.',
  ])('leaves ordinary sentences alone: %j', (text) => {
    expect(splitRunInHeadings(text)).toEqual([text]);
  });
});

describe('nextSentenceStart', () => {
  // The pattern it replaces: the text's start, or a sentence's end, closers and white space, before a heading's first words.
  const pattern = /(?:^|[.!?…]["'”’)]*\s+)(?=\p{Lu}[\p{L}\p{N}-]*\s+(?:\p{Lu}|(?:of|on|and|the|to|in|for|a|an|with|at|by|from)\s))/gu;
  const byPattern = (text: string) => {
    const out: [number, number][] = [];
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      out.push([m.index, m.index + m[0].length]);
      if (m[0].length === 0) pattern.lastIndex++;
    }
    return out;
  };
  const byScan = (text: string) => {
    const out: [number, number][] = [];
    for (let m = nextSentenceStart(text, 0); m; m = nextSentenceStart(text, m[1] === 0 ? 1 : m[1])) out.push(m);
    return out;
  };
  it('finds the sentence starts the pattern finds', () => {
    const piece = fc.constantFrom('.', '!', '?', '…', '"', "'", '”', '’', ')', ' ', '  ', '\u00a0', '\n', '\u2009', 'The', 'Ferry', 'of', 'the', 'and', 'in', 'ran', 'Élan', 'x', '-', 'A', '1');
    fc.assert(fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
      const text = pieces.join('');
      expect(byScan(text)).toEqual(byPattern(text));
    }), { numRuns: 3000 });
  });
});
