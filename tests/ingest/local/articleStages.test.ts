import { describe, expect, it } from 'vitest';
import { joinWrappedLines } from '../../../src/ingest/local/joinWrappedLines.js';
import { parsePage } from '../../../src/ingest/local/parsePage.js';
import { bylineIn } from '../../../src/ingest/local/bylineIn.js';
import { headerDate } from '../../../src/ingest/local/headerDate.js';

/** The stages added for pages of any layout, on pages written for these tests. */
const origin = { kind: 'page' as const, ref: 'test/stages.txt' };
const para = (lead: string) => `${lead} the river port reopened on Monday after the spring floods, and traders said barges would run again next week.`;

describe('joinWrappedLines', () => {
  const join = (lines: string[]) => joinWrappedLines(lines, { standsAlone: (l) => /^By /.test(l) });
  it('joins a paragraph wrapped over lines, not a headline over its first paragraph', () => {
    expect(join(['The harbour master said the barges would carry grain to the', 'southern ports until the autumn.'])).toEqual([
      'The harbour master said the barges would carry grain to the southern ports until the autumn.',
    ]);
    expect(join(['River port reopens after the floods', 'Traders welcomed the news on Monday.'])).toHaveLength(2);
    expect(join(['Barges return to the river as traders', 'By Jane Doe'])).toHaveLength(2);
    expect(join(['• Home', '• News'])).toHaveLength(2);
  });

  it('reads how a line ends: a finished sentence inside quotes or brackets stays, an open end runs on', () => {
    const next = 'and the barges would wait for the water to fall again';
    // A sentence's end, a colon or a semicolon, also full-width, and closing quotes or brackets after a sentence's end.
    for (const end of ['.', '?', '…', ':', ';', '。', '：', '."', '.”', '!)', '?»', '.”)', '。」']) {
      expect(join([`The harbour master said the river was still far too high${end}`, next])).toHaveLength(2);
    }
    // Quotes without a sentence's end before them, a comma, a dash or a bracket: the line runs on.
    for (const end of ['"', '”', ')', ',', '-', '—', '(']) {
      expect(join([`The harbour master said the river was still far too high${end}`, next])).toHaveLength(1);
    }
    expect(join(['The harbour master said the water was still too high for well-', 'laden barges.'])).toEqual(['The harbour master said the water was still too high for well-laden barges.']);
  });
});

describe('readHeader forms', () => {
  it('reads bylines written the ways pages write them', () => {
    expect(bylineIn('on August 27, 2023 by Jane Doe', false)).toEqual(['Jane Doe']);
    expect(bylineIn('By Mary Ann Smith, Senior Staff Writer, River News', false)).toEqual(['Mary Ann Smith']);
    expect(bylineIn('Par Jean Dupont', false)).toEqual(['Jean Dupont']);
    expect(bylineIn('Jane Doe - May 21, 2024 6:41 pm UTC', true)).toEqual(['Jane Doe']);
    expect(bylineIn('By JOHN SMITH and MARY JONES FEB. 7, 2023', false)).toEqual(['John Smith', 'Mary Jones']);
    expect(bylineIn('Photo by Jane Doe', false)).toEqual([]);
  });
  it('takes the publication date, not the update', () => {
    expect(headerDate('Mon 4 Mar 2024 07.30 EST Last modified on Tue 12 Mar 2024')).toBe('2024-03-04');
    expect(headerDate('Publié le 30 avril 2015')).toBe('2015-04-30');
    expect(headerDate('Updated March 3, 2025')).toBeNull();
  });
});

describe('one article across sub-headings, captions and header chrome', () => {
  const page = [
    'Home', '', '• News', '• Sport', '• Weather', '',
    'River port reopens as floods recede', '',
    'By Jane Doe', 'March 3, 2025', '',
    '• Share on Facebook', '• Share on Twitter', '',
    'Barges waiting at the quay', '',
    para('Officials said'), '', para('Dock workers said'), '',
    'What the floods cost', '',
    para('Insurers estimated'), '', para('Farmers upstream said'), '',
  ].join('\n');

  it('is one item with the headline above the byline, and says which lines it took', () => {
    const { articles, why } = parsePage(page, origin);
    expect(articles).toHaveLength(1);
    expect(articles[0]!.title).toBe('River port reopens as floods recede');
    expect(articles[0]!.authors).toEqual(['Jane Doe']);
    expect(articles[0]!.published).toBe('2025-03-03');
    expect(articles[0]!.paragraphs).toContain('What the floods cost');
    expect(articles[0]!.paragraphs.join(' ')).not.toMatch(/Share on|Sport/);
    expect(why?.[0]?.[0]).toMatch(/^title line \d+: "River port reopens as floods recede"/);
  });
});
