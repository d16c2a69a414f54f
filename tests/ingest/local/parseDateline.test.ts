import { describe, expect, it } from 'vitest';
import { findDate, isRelativeTime, parseDateLine, parseTimeLine, withTimeOfDay } from '../../../src/ingest/local/parseDateline.js';

describe('parseDateLine', () => {
  it.each([
    ['September 17, 2024 1:24 AM', '2024-09-17T01:24:00Z'],
    ['22 January 2025', '2025-01-22'],
    ['Monday, 3 March 2025', '2025-03-03'],
    ['Sept. 16, 2024', '2024-09-16'],
    ['MARCH 3, 2025', '2025-03-03'],
    ['2025-03-03', '2025-03-03'],
    ['03.03.2025', '2025-03-03'],
    ['March 3, 2025, 2:05 p.m.', '2025-03-03T14:05:00Z'],
    ['5 March 2025, 18:40', '2025-03-05T18:40:00Z'],
    ['Published March 3, 2025 | 4 min read', '2025-03-03'],
    // A stated zone is honoured and converted to UTC.
    ['March 3, 2025 at 14:05 MSK', '2025-03-03T11:05:00Z'],
    ['10 February 2025 14:30 (GMT+5)', '2025-02-10T09:30:00Z'],
    ['2025-03-03T14:05:00+05:00', '2025-03-03T09:05:00Z'],
    // Chinese, Japanese and Korean dates, and year-first numeric ones.
    ['2025年3月3日', '2025-03-03'],
    ['2025年03月03日 14:05', '2025-03-03T14:05:00Z'],
    ['2025년 3월 3일', '2025-03-03'],
    ['2025/03/03 14:05', '2025-03-03T14:05:00Z'],
    ['2025.03.03', '2025-03-03'],
  ])('%s → %s', (line, iso) => {
    expect(parseDateLine(line)).toEqual({ iso, updated: false });
  });

  it('marks an "Updated:" stamp as an update', () => {
    expect(parseDateLine('Updated: 14 February 2025 09:10')).toEqual({ iso: '2025-02-14T09:10:00Z', updated: true });
  });

  it.each([
    'February 30, 2025', // no such day
    'March 3, 2025 25:61 and more', // not a time, and more text follows
    'On August 1, the ABW announced', // prose with an event date
    'may 5, 2025', // lower-case "may" is a verb
    'Kazakhstan',
    '',
  ])('rejects %j', (line) => {
    expect(parseDateLine(line)).toBeNull();
  });
});

describe('findDate', () => {
  it('finds each form of date with its year, and none in a text without four digits in a row', () => {
    for (const [text, iso] of [
      ['Posted March 3, 2024 at 10:15', '2024-03-03T10:15:00Z'], ['3 March 2024', '2024-03-03'], ['2024-03-03', '2024-03-03'],
      ['3 mars 2024', '2024-03-03'], ['03.03.2024', '2024-03-03'], ['2024年3月3日', '2024-03-03'], ['2024/03/03', '2024-03-03'],
    ] as const) expect(findDate(text)?.iso, text).toBe(iso);
    for (const text of ['10:15', '5 comments', 'Page 2 of 12', 'March 3, 24', '3.3.24 at 10:15', '202 4-03-03']) expect(findDate(text), text).toBeNull();
  });

  it('finds the dateline inside a byline and says where it is', () => {
    const text = 'by Nate Ostiller and The Kyiv Independent news desk September 17, 2024 1:24 AM 2 min read';
    const found = findDate(text);
    expect(found?.iso).toBe('2024-09-17T01:24:00Z');
    expect(text.slice(found?.index, (found?.index ?? 0) + (found?.length ?? 0))).toBe('September 17, 2024 1:24 AM');
  });

  it('keeps the date when what follows is not a time', () => {
    expect(findDate('March 3, 2025 25:61')).toEqual({ iso: '2025-03-03', index: 0, length: 13 });
    expect(findDate('2025-03-03T25:61')).toEqual({ iso: '2025-03-03', index: 0, length: 10 });
  });
});

describe('parseTimeLine and withTimeOfDay', () => {
  it.each([
    ['9:25 PM', { hour: 21, minute: 25 }],
    ['4:50 PM', { hour: 16, minute: 50 }],
    ['2:31 AM', { hour: 2, minute: 31 }],
    ['12:00 a.m.', { hour: 0, minute: 0 }],
    ['21:25', { hour: 21, minute: 25 }],
  ])('%s', (line, time) => {
    expect(parseTimeLine(line)).toEqual(time);
  });

  it.each(['13:00 PM', '9:25 PM today', '24:10', 'September 17'])('rejects %j', (line) => {
    expect(parseTimeLine(line)).toBeNull();
  });

  it('joins a block date and a clock time as UTC', () => {
    expect(withTimeOfDay('2025-03-03', { hour: 21, minute: 25 })).toBe('2025-03-03T21:25:00Z');
  });
});

describe('isRelativeTime', () => {
  it.each(['5 hours ago', '2 days ago', 'an hour ago', '5h ago', 'Yesterday', 'just now'])('%s is relative', (line) => {
    expect(isRelativeTime(line)).toBe(true);
  });
  it.each(['hours ago they said', '22 January 2025', 'Japan Today'])('%s is not', (line) => {
    expect(isRelativeTime(line)).toBe(false);
  });
});
