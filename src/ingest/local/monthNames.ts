/**
 * Month names for reading datelines: English (capitalised or SHOUTED, with their abbreviations) and the
 * other languages pages come in, from the platform's Intl data.
 */
const monthNames: Array<[string, number]> = [
  ['January', 1], ['February', 2], ['March', 3], ['April', 4], ['May', 5], ['June', 6], ['July', 7],
  ['August', 8], ['September', 9], ['October', 10], ['November', 11], ['December', 12],
  ['Jan', 1], ['Feb', 2], ['Mar', 3], ['Apr', 4], ['Jun', 6], ['Jul', 7], ['Aug', 8], ['Sept', 9],
  ['Sep', 9], ['Oct', 10], ['Nov', 11], ['Dec', 12],
];
export const monthByName = new Map<string, number>(monthNames.map(([n, v]) => [n.toLowerCase(), v]));

/**
 * Month names of other languages pages are written in, as the platform's Intl data spells them
 * (no typed lists): the form used after a day ("3 января", "30 avril"), the standalone form, and
 * abbreviations of three letters or more. Read only in "day month year" order, day and year both
 * present, so a word that is also a month name elsewhere ("mar") does not make prose a date.
 */
const otherLocales = ['fr', 'es', 'de', 'it', 'pt', 'nl', 'ru', 'uk', 'kk', 'cs', 'pl', 'tr', 'sv', 'da', 'nb', 'fi', 'ro', 'hu', 'id'];
const foreignMonths = new Map<string, number>();
for (const locale of otherLocales) {
  const forms = [
    new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' }),
    new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }),
    new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }),
  ];
  for (let m = 1; m <= 12; m++) {
    const date = new Date(Date.UTC(2020, m - 1, 15));
    for (const f of forms) {
      const name = f.formatToParts(date).find((p) => p.type === 'month')?.value.toLowerCase().replace(/\.$/, '');
      if (name && name.length >= 3 && !/\d/.test(name) && !monthByName.has(name)) foreignMonths.set(name, m);
    }
  }
}
for (const [name, m] of foreignMonths) monthByName.set(name, m);
const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
export const foreignAlternation = [...foreignMonths.keys()].sort((a, b) => b.length - a.length).map(escape).join('|');
// Capitalised or SHOUTED only: lower-case "may" is a verb far more often than a month.
export const monthAlternation = monthNames.flatMap(([n]) => [n, n.toUpperCase()]).join('|');
