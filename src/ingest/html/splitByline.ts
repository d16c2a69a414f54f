/**
 * A byline ("By Jane Doe and John Roe, Staff Writers") to the people it names. Only what the
 * byline says: a leading "By" ("Written by", "Edited by"), roles, e-mail addresses and a date run
 * into the byline ("By Jane Doe\n March 5, 2015", "by Jane Doe22 Dec 2016") are dropped; "Doe,
 * Jane" is one person. A byline read from markup often has its parts run together with no space
 * between elements ("ByJane Doe", "Jane DoeStaff Writer", "Jane DoeCity TimesDec 3"): a name ends
 * where a word of three or more small letters runs into a capital ("McLean", "DeShawn" do not).
 * A part that is a date ("January", "Published: Dec. 3") names nobody.
 */
import { monthByName } from '../local/monthNames.js';

const lead = /^(?:(?:(?:written|edited|reported|words|text|photos?|story)\s+)?by|von|par|por|door|av|af|от|автор[ы]?:?)(?:\s+|$)/iu;
/** "ByJane Doe" (not "Byron Vale"): case matters here. */
const gluedBy = /^[Bb]y(?=\p{Lu}\p{Ll})/u;
/** "DoeStaff", "DoeCity": where text from two elements ran together. */
const runTogether = /(?<=\p{Lu}\p{Ll}{3,})(?=\p{Lu})/u;
const weekdays = /^(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?$/i;
/** "January", "Wednesday January", "Published: Dec.": a date, not a name. */
const isDateWords = (part: string) => {
  const words = part.replace(/^(?:published|updated|posted)\s*:?\s*/i, '').split(/\s+/).map((w) => w.replace(/[.,]$/, '').toLowerCase());
  return /^(?:published|updated|posted)\b/i.test(part) || words.every((w) => monthByName.has(w) || weekdays.test(w));
};
const role = /^(?:staff|senior|chief|special|contributing|political|foreign|science|business)?\s*(?:writer|reporter|correspondent|editor|contributor|columnist|journalist)s?$/i;
const separators = /\s*(?:,|;|\||&|\band\b|\bund\b|\bet\b|\bи\b)\s*/i;

export function splitByline(byline: string | null | undefined): string[] {
  if (!byline) return [];
  // The first line names people; a later line only when it says so ("Edited by ..."); a line that
  // is only "By" runs on into the next. A date or count glued on after a name ends it.
  const lines = byline.split(/\n/).map((l) => l.replace(/\s+/g, ' ').trim()).filter((l) => /\p{L}/u.test(l));
  const named: string[] = [];
  lines.forEach((line, i) => {
    line = line.replace(gluedBy, 'By ');
    if (i === 0 || lead.test(line) || (i === 1 && lead.test(lines[0]) && lines[0].replace(lead, '') === '')) named.push(line.replace(lead, ''));
  });
  const text = named.map((l) => l.split(runTogether)[0]!.replace(/\s*\d.*$/, '').trim()).filter(Boolean).join(', ');
  if (text === '' || text.length > 200) return [];
  const parts = text.split(separators).map((p) => p.replace(lead, '').trim()).filter((p) => p !== '' && !role.test(p) && !isDateWords(p));
  // "Doe, Jane" / "Jong, Michiel de": a family name, a comma, the given names.
  if (parts.length === 2 && text.split(separators).length === 2 && text.includes(',') && !/\s/.test(parts[0])) {
    return [`${parts[1]} ${parts[0]}`];
  }
  const out: string[] = [];
  for (const name of parts) if (!/@|^https?:/.test(name) && !out.includes(name)) out.push(name);
  return out;
}
