/**
 * A byline ("By Jane Doe and John Roe, Staff Writers") to the people it names. Only what the
 * byline says: a leading "By" ("Written by", "Edited by"), roles, e-mail addresses and a date run
 * into the byline ("By Jane Doe\n March 5, 2015", "by Jane Doe22 Dec 2016") are dropped; "Doe,
 * Jane" is one person.
 */
const lead = /^(?:(?:(?:written|edited|reported|words|text|photos?|story)\s+)?by|von|par|por|door|av|af|от|автор[ы]?:?)(?:\s+|$)/i;
const role = /^(?:staff|senior|chief|special|contributing|political|foreign|science|business)?\s*(?:writer|reporter|correspondent|editor|contributor|columnist|journalist)s?$/i;
const separators = /\s*(?:,|;|\||&|\band\b|\bund\b|\bet\b|\bи\b)\s*/i;

export function splitByline(byline: string | null | undefined): string[] {
  if (!byline) return [];
  // The first line names people; a later line only when it says so ("Edited by ..."); a line that
  // is only "By" runs on into the next. A date or count glued on after a name ends it.
  const lines = byline.split(/\n/).map((l) => l.replace(/\s+/g, ' ').trim()).filter((l) => /\p{L}/u.test(l));
  const named: string[] = [];
  lines.forEach((line, i) => {
    if (i === 0 || lead.test(line) || (i === 1 && lead.test(lines[0]) && lines[0].replace(lead, '') === '')) named.push(line.replace(lead, ''));
  });
  const text = named.map((l) => l.replace(/\s*\d.*$/, '').trim()).filter(Boolean).join(', ');
  if (text === '' || text.length > 200) return [];
  const parts = text.split(separators).map((p) => p.replace(lead, '').trim()).filter((p) => p !== '' && !role.test(p));
  // "Doe, Jane" / "Jong, Michiel de": a family name, a comma, the given names.
  if (parts.length === 2 && text.split(separators).length === 2 && text.includes(',') && !/\s/.test(parts[0])) {
    return [`${parts[1]} ${parts[0]}`];
  }
  const out: string[] = [];
  for (const name of parts) if (!/@|^https?:/.test(name) && !out.includes(name)) out.push(name);
  return out;
}
