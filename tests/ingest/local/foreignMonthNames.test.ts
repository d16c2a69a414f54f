import { describe, expect, it } from 'vitest';
import { foreignMonthNames } from '../../../src/ingest/local/foreignMonthNames.js';
import { monthByName } from '../../../src/ingest/local/monthNames.js';

/** A language's month forms as the platform's Intl data spells them, in the table's shape. */
function intlForms(locale: string): string[] {
  const formats = [
    new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' }),
    new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }),
    new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }),
  ];
  return Array.from({ length: 12 }, (_, i) => {
    const date = new Date(Date.UTC(2020, i, 15));
    const names: string[] = [];
    for (const format of formats) {
      const name = format.formatToParts(date).find((p) => p.type === 'month')?.value.toLowerCase().replace(/\.$/, '');
      if (name && name.length >= 3 && !/\d/.test(name) && !names.includes(name)) names.push(name);
    }
    return names.join(' ');
  });
}

describe('foreignMonthNames', () => {
  it.each(Object.keys(foreignMonthNames))('%s: the twelve months as Intl spells them', (locale) => {
    expect(foreignMonthNames[locale]).toEqual(intlForms(locale));
  });

  it('reads each form as its month, and never overrides an English name', () => {
    expect(monthByName.get('janvier')).toBe(1);
    expect(monthByName.get('января')).toBe(1);
    expect(monthByName.get('décembre')).toBe(12);
    expect(monthByName.get('mai')).toBe(5);
    // "mar" is Spanish and Polish for March; English "Mar" says the same.
    expect(monthByName.get('mar')).toBe(3);
    // "nov" is November in English; Czech "listopadu" is November too.
    expect(monthByName.get('listopadu')).toBe(11);
  });
});
