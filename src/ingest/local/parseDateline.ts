import { foreignAlternation, monthAlternation, monthByName } from './monthNames.js';

/**
 * Publication dates as pages state them ("September 17, 2024 1:24 AM", "22 January 2025",
 * "Updated: 14 February 2025 09:10", "2025-03-03"), turned into ISO 8601.
 *
 * Time zone: scraped pages almost never state one. When a zone or offset is written next to the
 * time it is honoured and the result converted to UTC; when none is written the wall-clock time
 * is taken as UTC ("2024-09-17T01:24:00Z"). That can be off by the outlet's offset, but it is
 * deterministic and never invents a zone. A date without a time stays date-only ("2025-01-22").
 *
 * Only datelines are parsed: callers pass metadata lines, never prose, because "On August 1, ..."
 * in a paragraph is an event date, not a publication date.
 */

const month = `(?<!\\p{L})(?:${monthAlternation})\\.?`;
const weekday = '(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|sday|urday)?\\.?,?\\s+)?';
const ordinal = '(?:st|nd|rd|th)?';
const clock = '(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([AaPp]\\.?[Mm]\\.?)?';
const zone = '(?:\\s*\\(?\\s*(UTC|GMT|Z|MSK|CET|CEST|EET|EEST|BST|EST|EDT|PST|PDT|JST|ALMT)?\\s*([+-]\\d{1,2}(?::?\\d{2})?)?\\s*\\)?)?';
const timePart = `(?:(?:,\\s*|\\s+at\\s+|\\s*[|•·–—-]\\s*|\\s+|T)${clock}${zone})?`;

/** Month D, YYYY | D Month YYYY | YYYY-MM-DD | DD.MM.YYYY, each optionally followed by a time. */
const datePatterns: Array<{ re: RegExp; order: 'mdy' | 'dmy' | 'ymd'; guard?: RegExp }> = [
  { re: new RegExp(`${weekday}(${month})\\s+(\\d{1,2})${ordinal},?\\s+(\\d{4})${timePart}`, 'u'), order: 'mdy' },
  { re: new RegExp(`${weekday}(\\d{1,2})${ordinal}\\s+(?:of\\s+)?(${month}),?\\s+(\\d{4})${timePart}`, 'u'), order: 'dmy' },
  { re: new RegExp(`(\\d{4})-(\\d{2})-(\\d{2})${timePart}`, 'u'), order: 'ymd' },
  // "30 avril 2015", "3 января 2019 г.", "21 de diciembre de 2018", "1. listopadu 2021"
  { re: new RegExp(`(?<!\\d)(\\d{1,2})\\.?\\s+(?:de\\s+)?(${foreignAlternation})\\.?,?\\s+(?:de\\s+)?(\\d{4})${timePart}`, 'iu'), order: 'dmy', guard: /\d\.?\s+(?:de\s+)?\p{L}{3}/u },
  { re: new RegExp(`(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})${timePart}`, 'u'), order: 'dmy' },
  // "2021年3月2日 10:15", "2021년 3월 2일": Chinese, Japanese and Korean dates, the time right after or spaced.
  { re: new RegExp(`(\\d{4})\\s*[年년]\\s*(\\d{1,2})\\s*[月월]\\s*(\\d{1,2})\\s*[日일号]?(?:\\s*${clock}${zone})?`, 'u'), order: 'ymd', guard: /[年년]/u },
  // "2021/03/02 10:15", "2021.03.02": year first, so the order is plain.
  { re: new RegExp(`(?<![\\d.,/])(\\d{4})[/.](\\d{1,2})[/.](\\d{1,2})(?![\\d.,/]\\d|\\d)${timePart}`, 'u'), order: 'ymd' },
];

/** The same patterns held to the text's start (sticky): a dateline's date starts the line, and a pattern that may only match there fails at once elsewhere. */
const datePatternsAtStart = datePatterns.map((p) => ({ ...p, re: new RegExp(p.re.source, `${p.re.flags}y`) }));

/** Offsets of the few zone abbreviations news pages in this region write out. */
const zoneOffsetMinutes: Record<string, number> = {
  UTC: 0, GMT: 0, Z: 0, MSK: 180, CET: 60, CEST: 120, EET: 120, EEST: 180, BST: 60,
  EST: -300, EDT: -240, PST: -480, PDT: -420, JST: 540, ALMT: 300,
};

export interface FoundDate {
  /** ISO 8601: "2024-09-17T01:24:00Z" with a time, "2024-09-17" without. */
  iso: string;
  index: number;
  length: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function validDay(y: number, m: number, d: number): boolean {
  if (y < 1970 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function monthValue(text: string): number {
  return /^\d+$/.test(text) ? Number(text) : monthByName.get(text.replace(/\.$/, '').toLowerCase()) ?? 0;
}

function offsetMinutes(name: string | undefined, offset: string | undefined): number | null {
  if (!name && !offset) return null;
  let minutes = name ? zoneOffsetMinutes[name] ?? 0 : 0;
  if (offset) {
    const m = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(offset);
    if (!m) return null;
    const sign = m[1] === '-' ? -1 : 1;
    minutes += sign * (Number(m[2]) * 60 + Number(m[3] ?? 0));
  }
  return minutes;
}

/** ISO date-time in UTC from wall-clock parts and an optional offset east of UTC in minutes. */
function isoDateTime(y: number, mo: number, d: number, h: number, mi: number, s: number, offset: number | null): string {
  const ms = Date.UTC(y, mo - 1, d, h, mi, s) - (offset ?? 0) * 60_000;
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** 12-hour clock to 24-hour; null when the parts cannot be a time of day. */
export function toHour24(hour: number, meridiem: string | undefined): number | null {
  if (!meridiem) return hour <= 23 ? hour : null;
  if (hour < 1 || hour > 12) return null;
  const pm = /^p/i.test(meridiem);
  return (hour % 12) + (pm ? 12 : 0);
}

/** The first date (with its time, when one follows) stated anywhere in a metadata string. */
export function findDate(text: string): FoundDate | null {
  return firstDate(text, datePatterns);
}

function firstDate(text: string, patterns: typeof datePatterns): FoundDate | null {
  // Every pattern holds a four-digit year: a text without four digits in a row holds no date.
  if (!/\d{4}/.test(text)) return null;
  let best: FoundDate | null = null;
  for (const { re, order, guard } of patterns) {
    // The pattern of many month names is costly: asked only when a day and a word could start it.
    if (guard && !guard.test(text)) continue;
    re.lastIndex = 0;
    const m = re.exec(text);
    if (!m || (best && best.index <= m.index)) continue;
    const [a, b, c] = [m[1] ?? '', m[2] ?? '', m[3] ?? ''];
    const [y, mo, d] =
      order === 'mdy' ? [Number(c), monthValue(a), Number(b)]
        : order === 'dmy' ? [Number(c), monthValue(b), Number(a)]
          : [Number(a), Number(b), Number(c)];
    if (!validDay(y, mo, d)) continue;
    let iso = `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
    // The optional zone part may have taken trailing spaces or an opening parenthesis.
    let length = m[0].replace(/[\s(]+$/, '').length;
    if (m[4] !== undefined) {
      const hour = toHour24(Number(m[4]), m[7]);
      const minute = Number(m[5]);
      const second = Number(m[6] ?? 0);
      if (hour !== null && minute <= 59 && second <= 59) {
        iso = isoDateTime(y, mo, d, hour, minute, second, offsetMinutes(m[8], m[9]));
      } else {
        // Not a time after all ("25:61"): keep the date, and leave the rest of the text unconsumed.
        length = m[0].search(/(?:,\s*|\s+at\s+|\s*[|•·–—-]\s*|\s+|T)\d{1,2}:\d{2}/);
      }
    }
    best = { iso, index: m.index, length };
  }
  return best;
}

/**
 * "10.15.15", "11/03/17", "30/04/2015": a numeric date with a two-digit year, or a four-digit year
 * after slashes or dashes, as a header prints it. Its order is read from its figures when one of
 * the first two is over 12, else from `monthFirst` (US pages write the month first). Only for
 * header lines: in prose such figures are versions or scores.
 */
export function findShortDate(text: string, monthFirst: boolean): string | null {
  // Two figures each between dots ("10.15.15"; "2.8.15" is a version), one or two between slashes.
  const short = /(?<![\d.,/:])(?:(\d{2})\.(\d{2})\.|(\d{1,2})\/(\d{1,2})\/)(\d{2})(?![\d.,/:]\d|\d)/.exec(text);
  const full = short ? null : /(?<![\d.,/:-])(\d{1,2})([/-])(\d{1,2})\2(\d{4})(?![\d.,/:-]?\d)/.exec(text);
  if (!short && !full) return null;
  const a = Number(short ? short[1] ?? short[3] : full![1]);
  const b = Number(short ? short[2] ?? short[4] : full![3]);
  const y = short ? 2000 + Number(short[5]) : Number(full![4]);
  const [mo, d] = a > 12 ? [b, a] : b > 12 ? [a, b] : monthFirst ? [a, b] : [b, a];
  return validDay(y, mo, d) ? `${pad(y, 4)}-${pad(mo)}-${pad(d)}` : null;
}

export interface DateLine {
  iso: string;
  /** The line called it an update ("Updated: ..."), not the first publication. */
  updated: boolean;
}

const dateLinePrefix = /^(?:(?:last\s+)?(updated|modified|published|posted|date|first published)(?:\s+on)?\s*[:|-]?\s*)/i;
const readingTime = /^[\s,|•·–—-]*(?:\d+\s*min(?:ute)?s?\s+read)?[\s.]*$/i;

/**
 * A line that is only a dateline ("22 January 2025", "Updated: 14 February 2025 09:10",
 * "Published March 3, 2025 | 4 min read"). Null when anything else is on the line.
 */
export function parseDateLine(line: string): DateLine | null {
  if (line.length > 120 || !/\d/.test(line)) return null;
  const prefix = dateLinePrefix.exec(line);
  const rest = prefix ? line.slice(prefix[0].length) : line;
  const found = firstDate(rest, datePatternsAtStart);
  if (!found) return null;
  if (!readingTime.test(rest.slice(found.length))) return null;
  return { iso: found.iso, updated: /updated|modified/i.test(prefix?.[1] ?? '') };
}

export interface TimeOfDay {
  hour: number;
  minute: number;
}

/** A line that is only a clock time ("9:25 PM", "21:25"), as in a news-feed block. */
export function parseTimeLine(line: string): TimeOfDay | null {
  const m = /^(\d{1,2}):(\d{2})\s*([AaPp]\.?[Mm]\.?)?$/.exec(line);
  if (!m) return null;
  const hour = toHour24(Number(m[1]), m[3]);
  const minute = Number(m[2]);
  return hour === null || minute > 59 ? null : { hour, minute };
}

/** A date-only ISO string joined with a clock time, as UTC (see the note on zones above). */
export function withTimeOfDay(dateIso: string, time: TimeOfDay): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateIso);
  if (!m) return dateIso;
  return isoDateTime(Number(m[1]), Number(m[2]), Number(m[3]), time.hour, time.minute, 0, null);
}

/**
 * "5 hours ago", "2 days ago", "Yesterday": relative to a moment the page does not state, so
 * never a publication date.
 */
export function isRelativeTime(line: string): boolean {
  return /^(?:(?:about|around|over|nearly|almost|less than)\s+)?(?:\d+|an?|one|a few|several)\s*(?:s|sec|secs|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mo|months?|y|yrs?|years?)\s+ago\.?$/i.test(line)
    || /^(?:just now|moments? ago|yesterday|today|last (?:night|week))$/i.test(line);
}
