/**
 * Feed dates to ISO 8601 (UTC, `toISOString()`): RFC 822 / 1123 / 2822 and ISO 8601 / RFC 3339,
 * plus the broken variants feeds actually carry: missing seconds, `GMT+3`, named zones (`EST`,
 * `MSK`), two-digit years, extra whitespace, a day name that does not match the date, full month
 * names, `Mar 5, 2024` order, a time without a zone (read as UTC). Anything else, and dates before
 * 1990 or more than two days in the future, give null: a date is never invented.
 */

const monthNames = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];

/** 1-12 for `Mar`, `March`, `Sept`; 0 for anything else. */
function monthNumber(name: string): number {
  const key = name.toLowerCase();
  if (key.length < 3) return 0;
  return monthNames.findIndex((full) => full.startsWith(key)) + 1;
}

/** Offsets in minutes east of UTC. RFC 822 names first; `CST` is US Central as RFC 822 says. */
const zones: Record<string, number> = {
  ut: 0, utc: 0, gmt: 0, z: 0, wet: 0,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  akst: -540, akdt: -480, hst: -600, ast: -240, adt: -180, nst: -210, ndt: -150,
  bst: 60, ist: 330, cet: 60, cest: 120, met: 60, mest: 120, west: 60, eet: 120, eest: 180,
  msk: 180, msd: 240, trt: 180, samt: 240, gst: 240, pkt: 300, uzt: 300, yekt: 300, almt: 300,
  novt: 420, krat: 420, ict: 420, wib: 420, hkt: 480, sgt: 480, awst: 480, irkt: 480, cct: 480,
  jst: 540, kst: 540, acst: 570, aest: 600, aedt: 660, vlat: 600, nzst: 720, nzdt: 780,
};

export const earliestDate = Date.UTC(1990, 0, 1);
export const maxFutureMs = 2 * 24 * 60 * 60 * 1000;

/** Offset in minutes for a zone string; undefined when it is not a zone at all. */
function parseZone(raw: string): number | undefined {
  const text = raw.replace(/\s*\([^)]*\)\s*$/, '').trim().toLowerCase(); // "+0300 (MSK)"
  if (text === '') return 0;
  const numeric = /^(?:(?:gmt|utc|ut)\s*)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(text);
  if (numeric) {
    const [, sign, hh, mm = '0'] = numeric;
    const h = Number(hh);
    const m = Number(mm);
    if (h > 14 || m > 59) return undefined;
    return (sign === '-' ? -1 : 1) * (h * 60 + m);
  }
  if (text in zones) return zones[text];
  if (/^[a-z]$/.test(text)) return 0; // military letters: RFC 2822 says treat as -0000
  return undefined;
}

function twoDigitYear(year: string): number {
  const y = Number(year);
  if (year.length === 4) return y;
  return y < 50 ? 2000 + y : 1900 + y;
}

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  offset: number;
}

function build(p: Parts, now: Date): string | null {
  const { year, month, day, hour, minute, ms } = p;
  const second = Math.min(p.second, 59); // leap second
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || p.second > 60) return null;
  if (hour === 24 && (minute > 0 || second > 0)) return null;
  const local = new Date(Date.UTC(year, month - 1, day, 0, 0, 0));
  if (local.getUTCMonth() !== month - 1 || local.getUTCDate() !== day) return null; // 30 Feb
  const time = Date.UTC(year, month - 1, day, hour, minute, second, ms) - p.offset * 60_000;
  if (!Number.isFinite(time) || time < earliestDate || time > now.getTime() + maxFutureMs) return null;
  return new Date(time).toISOString();
}

const isoPattern =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(.*))?$/i;

function parseIso(text: string, now: Date): string | null | undefined {
  const m = isoPattern.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone = ''] = m;
  const offset = parseZone(zone);
  if (offset === undefined) return null;
  const ms = frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0;
  return build({ year: Number(y), month: Number(mo), day: Number(d), hour: Number(h), minute: Number(mi), second: Number(s), ms, offset }, now);
}

/** `[Day[,]] DD Mon YY[YY] [HH:MM[:SS]] [AM|PM] [zone]` and `[Day,] Mon DD[,] YYYY ...`. */
const rfcDayFirst = /^(\d{1,2})[\s-]+([a-z]+)\.?[\s-]+(\d{4}|\d{2})(?:,?\s+(.*))?$/i;
const rfcMonthFirst = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:,?\s+(.*))?$/i;
const timePattern = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*(am|pm)?\s*(.*)$/i;

function parseRfc(text: string, now: Date): string | null | undefined {
  const withoutDay = text.replace(/^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s*,?\s*/i, '');
  let day: string;
  let monthName: string;
  let year: string;
  let rest: string | undefined;
  const a = rfcDayFirst.exec(withoutDay);
  const b = a ? null : rfcMonthFirst.exec(withoutDay);
  if (a) [, day, monthName, year, rest] = a;
  else if (b) [, monthName, day, year, rest] = b;
  else return undefined;
  const month = monthNumber(monthName);
  if (month === 0) return null;
  let hour = 0, minute = 0, second = 0, ms = 0, offset = 0;
  if (rest !== undefined && rest.trim() !== '') {
    const t = timePattern.exec(rest.trim());
    if (!t) return null;
    const [, hh, mm, ss = '0', frac = '', ampm, zone] = t;
    hour = Number(hh);
    minute = Number(mm);
    second = Number(ss);
    ms = frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0;
    if (ampm) {
      if (hour < 1 || hour > 12) return null;
      hour = (hour % 12) + (ampm.toLowerCase() === 'pm' ? 12 : 0);
    }
    const z = parseZone(zone);
    if (z === undefined) return null;
    offset = z;
  }
  return build({ year: twoDigitYear(year), month, day: Number(day), hour, minute, second, ms, offset }, now);
}

/** ISO 8601 UTC string, or null when the text is not a plausible date. */
export function parseFeedDate(raw: string | null | undefined, now: Date): string | null {
  if (typeof raw !== 'string') return null;
  const text = raw.replace(/\s+/g, ' ').trim();
  if (text === '' || text.length > 80) return null;
  const iso = parseIso(text, now);
  if (iso !== undefined) return iso;
  const rfc = parseRfc(text, now);
  return rfc ?? null;
}
