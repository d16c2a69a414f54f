import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseFeedDate } from '../../../src/ingest/upstream/parseDate.js';

const now = new Date('2024-06-01T12:00:00.000Z');

describe('parseFeedDate', () => {
  it.each([
    // RFC 822 / 1123 / 2822
    ['Tue, 05 Mar 2024 10:20:30 GMT', '2024-03-05T10:20:30.000Z'],
    ['Tue, 05 Mar 2024 10:20:30 +0000', '2024-03-05T10:20:30.000Z'],
    ['Tue, 05 Mar 2024 10:20:30 +0600', '2024-03-05T04:20:30.000Z'],
    ['Tue, 05 Mar 2024 10:20:30 -0530', '2024-03-05T15:50:30.000Z'],
    ['Tue, 05 Mar 2024 10:20:30 UT', '2024-03-05T10:20:30.000Z'],
    ['Tue, 05 Mar 2024 10:20:30 Z', '2024-03-05T10:20:30.000Z'],
    ['05 Mar 2024 10:20:30 GMT', '2024-03-05T10:20:30.000Z'],
    ['Tue, 5 Mar 2024 10:20:30 GMT', '2024-03-05T10:20:30.000Z'],
    // missing seconds
    ['Tue, 05 Mar 2024 10:20 GMT', '2024-03-05T10:20:00.000Z'],
    // GMT+3 and friends
    ['Tue, 05 Mar 2024 10:20:30 GMT+3', '2024-03-05T07:20:30.000Z'],
    ['Tue, 05 Mar 2024 10:20:30 GMT+03:00', '2024-03-05T07:20:30.000Z'],
    ['Tue, 05 Mar 2024 10:20:30 UTC-0500', '2024-03-05T15:20:30.000Z'],
    ['Tue, 05 Mar 2024 10:20:30 +03:00', '2024-03-05T07:20:30.000Z'],
    ['Tue, 05 Mar 2024 10:20:30 +0300 (MSK)', '2024-03-05T07:20:30.000Z'],
    // named zones
    ['Tue, 05 Mar 2024 10:20:30 EST', '2024-03-05T15:20:30.000Z'],
    ['Tue, 05 Mar 2024 10:20:30 EDT', '2024-03-05T14:20:30.000Z'],
    ['Tue, 05 Mar 2024 10:20:30 PST', '2024-03-05T18:20:30.000Z'],
    ['Tue, 05 Mar 2024 10:20:30 CET', '2024-03-05T09:20:30.000Z'],
    ['Tue, 05 Mar 2024 10:20:30 MSK', '2024-03-05T07:20:30.000Z'],
    ['Tue, 05 Mar 2024 10:20:30 est', '2024-03-05T15:20:30.000Z'],
    // two-digit years
    ['Tue, 05 Mar 24 10:20:30 GMT', '2024-03-05T10:20:30.000Z'],
    ['Fri, 05 Mar 99 10:20:30 GMT', '1999-03-05T10:20:30.000Z'],
    // extra whitespace, day-name mismatch, no day name, full names, no comma
    ['  Tue,   05   Mar   2024   10:20:30   GMT  ', '2024-03-05T10:20:30.000Z'],
    ['Sun, 05 Mar 2024 10:20:30 GMT', '2024-03-05T10:20:30.000Z'],
    ['Tuesday, 05 March 2024 10:20:30 GMT', '2024-03-05T10:20:30.000Z'],
    ['Tue 05 Mar 2024 10:20:30 GMT', '2024-03-05T10:20:30.000Z'],
    ['Tue, 05 Sept 2023 10:20:30 GMT', '2023-09-05T10:20:30.000Z'],
    ['Tue,05 Mar 2024 10:20:30 GMT', '2024-03-05T10:20:30.000Z'],
    ['05-Mar-2024 10:20:30 GMT', '2024-03-05T10:20:30.000Z'],
    // US order, AM/PM, no time, no zone
    ['March 5, 2024 10:20:30 PM EST', '2024-03-06T03:20:30.000Z'],
    ['Mar 5 2024 12:05 AM GMT', '2024-03-05T00:05:00.000Z'],
    ['Tue, 05 Mar 2024', '2024-03-05T00:00:00.000Z'],
    ['Tue, 05 Mar 2024 10:20:30', '2024-03-05T10:20:30.000Z'],
    // ISO 8601 / RFC 3339
    ['2024-03-05T10:20:30Z', '2024-03-05T10:20:30.000Z'],
    ['2024-03-05T10:20:30.123456Z', '2024-03-05T10:20:30.123Z'],
    ['2024-03-05T10:20:30+05:00', '2024-03-05T05:20:30.000Z'],
    ['2024-03-05T10:20:30+0500', '2024-03-05T05:20:30.000Z'],
    ['2024-03-05T10:20:30-08', '2024-03-05T18:20:30.000Z'],
    ['2024-03-05T10:20Z', '2024-03-05T10:20:00.000Z'],
    ['2024-03-05 10:20:30', '2024-03-05T10:20:30.000Z'],
    ['2024-03-05t10:20:30z', '2024-03-05T10:20:30.000Z'],
    ['2024-03-05', '2024-03-05T00:00:00.000Z'],
    ['2024-03-05T10:20:30 GMT', '2024-03-05T10:20:30.000Z'],
    ['2024-02-29T23:59:60Z', '2024-02-29T23:59:59.000Z'],
    // near "now": two days ahead is allowed, not more
    ['2024-06-03T11:59:59Z', '2024-06-03T11:59:59.000Z'],
  ])('%s → %s', (raw, iso) => {
    expect(parseFeedDate(raw, now)).toBe(iso);
  });

  it.each([
    '', '   ', 'not a date', 'yesterday', '1709634030', 'Tue, 32 Mar 2024 10:20:30 GMT', '2023-02-29T10:00:00Z',
    '2024-13-01T00:00:00Z', '2024-03-05T25:00:00Z', '2024-03-05T10:61:00Z', 'Tue, 05 Foo 2024 10:20:30 GMT',
    'Tue, 05 Mar 2024 10:20:30 XYZT', 'Tue, 05 Mar 2024 10:20:30 +2500', '2024-03-05T10:20:30+05:00 and more',
    // absurd: before 1990, more than two days in the future
    '1989-12-31T23:59:59Z', 'Thu, 01 Jan 1970 00:00:00 GMT', 'Mon, 05 Mar 85 10:20:30 GMT', '2024-06-03T12:00:01Z', '2099-01-01T00:00:00Z',
  ])('%j → null', (raw) => {
    expect(parseFeedDate(raw, now)).toBeNull();
  });

  it('null and non-strings give null', () => {
    expect(parseFeedDate(null, now)).toBeNull();
    expect(parseFeedDate(undefined, now)).toBeNull();
  });

  it('round-trips any plausible date in both RFC 1123 and ISO form', () => {
    const range = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: now, noInvalidDate: true });
    fc.assert(
      fc.property(range, (date) => {
        const whole = new Date(Math.floor(date.getTime() / 1000) * 1000);
        expect(parseFeedDate(whole.toUTCString(), now)).toBe(whole.toISOString());
        expect(parseFeedDate(date.toISOString(), now)).toBe(date.toISOString());
      }),
    );
  });

  it('never throws on arbitrary input', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const out = parseFeedDate(s, now);
      expect(out === null || !Number.isNaN(Date.parse(out))).toBe(true);
    }));
  });
});
