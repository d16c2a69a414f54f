import { findDate } from './parseDateline.js';
import { wireAgencyName } from './wireAgency.js';

/**
 * Bylines on their own line: "by Nate Ostiller and The Kyiv Independent news desk September 17,
 * 2024 1:24 AM 2 min read", "By Jane Doe | March 3, 2025", "By A, B and C", "By Jane Doe, Reuters".
 *
 * A desk or newsroom named in a byline ("The Kyiv Independent news desk") is the outlet, not an
 * author: authors are people, and the outlet is what `source` is for. A news agency named in a
 * byline ("Reuters") is the wire.
 */
export interface Byline {
  authors: string[];
  /** Outlet named through its desk ("The Kyiv Independent"). */
  outlet: string | null;
  /** News agency named in the byline ("Reuters"). */
  wire: string | null;
  /** ISO date when the byline carries the dateline. */
  published: string | null;
}

/** Words that start sentences or name days and months: never part of a person's name. */
const notNameWords = new Set([
  'The', 'A', 'An', 'In', 'On', 'At', 'As', 'For', 'From', 'With', 'After', 'Before', 'During', 'Since',
  'This', 'That', 'These', 'Those', 'It', 'Its', 'He', 'She', 'They', 'We', 'I', 'His', 'Her', 'Their',
  'Our', 'But', 'And', 'Or', 'If', 'When', 'While', 'Meanwhile', 'However', 'According', 'Staff',
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'Today', 'Yesterday',
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December', 'President', 'Minister', 'Prime', 'Photo', 'Image', 'Updated', 'Published',
]);
/** Lower-case particles inside names ("Ursula von der Leyen", "Abu Bakr al-Baghdadi"). */
const nameParticles = new Set(['de', 'da', 'del', 'della', 'der', 'den', 'van', 'von', 'bin', 'ibn', 'al', 'el', 'le', 'la', 'ter', 'du', 'dos', 'das']);

/** One word of a person's name: "Korsunskaya", "Jean-Luc", "O'Brien", "J." — never "Afghanistan's". */
export function isNameWord(word: string): boolean {
  if (/^\p{Lu}\.$/u.test(word)) return true;
  if (/['’]s$/u.test(word)) return false;
  if (notNameWords.has(word)) return false;
  return /^\p{Lu}[\p{Ll}'’]*\p{Ll}(?:-\p{Lu}?[\p{Ll}'’]+)*$/u.test(word) || /^(?:Mc|Mac|O['’])\p{Lu}\p{Ll}+$/u.test(word);
}

export function isNameParticle(word: string): boolean {
  return nameParticles.has(word) || /^(?:al|el)-\p{Lu}/u.test(word);
}

/** Two to four name words, particles only inside: "Darya Korsunskaya", "Ursula von der Leyen". */
export function isPersonName(text: string): boolean {
  const words = text.trim().split(/\s+/);
  if (words.length < 2 || words.length > 5) return false;
  const first = words[0] ?? '';
  const last = words[words.length - 1] ?? '';
  if (!isNameWord(first) || !isNameWord(last) || /^\p{Lu}\.$/u.test(last)) return false;
  return words.every((w) => isNameWord(w) || isNameParticle(w));
}

const deskPattern = /^((?:the\s+)?\p{Lu}.*?)\s+(?:news\s*desk|newsroom|desk|staff|editorial\s+(?:team|board|staff)|team|reporters|correspondents?)$/iu;
/** Job titles written after a name ("Jane Doe, Staff Writer"): dropped, they are not people. */
const roleWords = /^(?:staff|senior|special|chief|foreign|political|contributing|guest|our|regional)?\s*(?:writer|reporter|correspondent|editor|contributor|columnist|analyst|staff)s?$/i;

export interface NameListResult {
  authors: string[];
  outlet: string | null;
  wire: string | null;
}

/** "A, B and C" / "A & B" / "A and The X news desk" → people, outlet and wire; null if any part is none of these. */
export function parseNameList(text: string): NameListResult | null {
  const parts = text
    .replace(/[\s,;]+$/, '')
    .split(/\s*,\s*|\s+and\s+|\s*&\s*/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return null;
  const result: NameListResult = { authors: [], outlet: null, wire: null };
  for (const part of parts) {
    const wire = wireAgencyName(part);
    const desk = deskPattern.exec(part);
    const deskName = (desk?.[1] ?? '').trim();
    if (wire) result.wire ??= wire;
    // "Reuters staff" is the agency's desk: the wire, not an outlet.
    else if (desk && wireAgencyName(deskName)) result.wire ??= wireAgencyName(deskName);
    else if (desk) result.outlet ??= deskName;
    else if (roleWords.test(part)) continue;
    else if (isPersonName(part)) result.authors.push(part);
    else return null;
  }
  return result.authors.length || result.outlet || result.wire ? result : null;
}

const bylineStart = /^(?:(?:written|words|reporting|text)\s+by|by|authors?\s*:)\s+|^By(?=\p{Lu}\p{Ll})/iu;
/** "By A last updated 9 May 21", "By A Published 3 March 2025": a stamp after the names; an update's date is no publication date. */
const stampAfterNames = /\s+(?:(?:last\s+)?(?:updated|modified)|(published|posted))\b(?:\s+on)?\s*:?\s*(.*)$/iu;
const readingTime = /\b\d+\s*min(?:ute)?s?\s+read\b/gi;

/** A byline line, or null when the line is not one ("By the end of the year, ..."). */
export function parseByline(line: string): Byline | null {
  if (line.length > 250) return null;
  const start = bylineStart.exec(line);
  if (!start) return null;
  // "ByJane Doe": the word run into the name (case matters there: "Byron" is a name).
  if (!/[\s:]$/u.test(start[0]) && !/^By\p{Lu}\p{Ll}/u.test(line)) return null;
  let rest = line.slice(start[0].length).replace(readingTime, ' ').trim();
  let stamped: string | null = null;
  const stamp = stampAfterNames.exec(rest);
  if (stamp && stamp.index > 0) {
    rest = rest.slice(0, stamp.index);
    stamped = stamp[1] ? (findDate(stamp[2] ?? '')?.iso ?? null) : null;
  }
  // A dateline may follow the names directly or after a separator ("| March 3, 2025").
  const segments = rest.split(/\s+[|•·]\s+|\s*\|\s*/);
  let names = segments[0] ?? '';
  let published: string | null = stamped;
  const inline = findDate(names);
  if (inline) {
    published = inline.iso;
    if (names.slice(inline.index + inline.length).trim()) return null;
    names = names.slice(0, inline.index);
  }
  for (const segment of segments.slice(1)) {
    const found = findDate(segment);
    if (found && !published) published = found.iso;
    else if (!found && !parseNameList(segment)) return null;
  }
  const parsed = parseNameList(names.replace(/[\s,–—-]+$/, ''));
  if (!parsed) return null;
  const extra = segments.slice(1).map((s) => (findDate(s) ? null : parseNameList(s))).filter((x) => x !== null);
  for (const e of extra) {
    parsed.authors.push(...e.authors);
    parsed.outlet ??= e.outlet;
    parsed.wire ??= e.wire;
  }
  return { ...parsed, published };
}
