import { describe, expect, it } from 'vitest';
import { splitRunInHeadings } from '../../../src/ingest/local/splitRunInHeadings.js';

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
