import { foreignMonthNames } from './foreignMonthNames.js';

/**
 * Month names for reading datelines: English (capitalised or SHOUTED, with their abbreviations) and the
 * other languages pages come in (`foreignMonthNames`).
 */
const monthNames: Array<[string, number]> = [
  ['January', 1], ['February', 2], ['March', 3], ['April', 4], ['May', 5], ['June', 6], ['July', 7],
  ['August', 8], ['September', 9], ['October', 10], ['November', 11], ['December', 12],
  ['Jan', 1], ['Feb', 2], ['Mar', 3], ['Apr', 4], ['Jun', 6], ['Jul', 7], ['Aug', 8], ['Sept', 9],
  ['Sep', 9], ['Oct', 10], ['Nov', 11], ['Dec', 12],
];
export const monthByName = new Map<string, number>(monthNames.map(([n, v]) => [n.toLowerCase(), v]));

/**
 * Month names of other languages pages are written in (`foreignMonthNames`): the form used after a
 * day ("3 января", "30 avril"), the standalone form, and abbreviations of three letters or more. Read
 * only in "day month year" order, day and year both present, so a word that is also a month name
 * elsewhere ("mar") does not make prose a date.
 */
const foreignMonths = new Map<string, number>();
for (const months of Object.values(foreignMonthNames)) {
  months.forEach((forms, i) => {
    for (const name of forms.split(' ')) if (!monthByName.has(name)) foreignMonths.set(name, i + 1);
  });
}
for (const [name, m] of foreignMonths) monthByName.set(name, m);
const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
export const foreignAlternation = [...foreignMonths.keys()].sort((a, b) => b.length - a.length).map(escape).join('|');
// Capitalised or SHOUTED only: lower-case "may" is a verb far more often than a month.
export const monthAlternation = monthNames.flatMap(([n]) => [n, n.toUpperCase()]).join('|');
