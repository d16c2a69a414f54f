import type { ClassifiedLine } from './classifyLine.js';
import { isNameParticle } from './parseByline.js';
import { monthByName } from './monthNames.js';
import { findDate } from './parseDateline.js';

/**
 * Stage 5, article header → byline and date. Around an article's headline a page states who wrote
 * it and when, in more forms than a line of its own can be read as ("by A and B | date"): "on March
 * 10, 2015 by A", "By A, Senior Technologist, Org", "Par A", "A - Apr 16, 2015 8:02 pm UTC", "A,
 * @handle", "• A", "Written by A" at the article's foot, "Updated ..." (an update, not the
 * publication). Read only in the header (the lines from just above the headline to just after the
 * first paragraph) and at the article's end, never in its prose.
 */
export interface HeaderFacts {
  authors: string[];
  /** ISO date of publication, when the header states one. */
  published: string | null;
  /** Which lines gave them, for the report. */
  bylineLine: number | null;
  dateLine: number | null;
}

/** Words that introduce a byline in the languages pages come in. */
const bylineMarker = /(?:^|[\s/|•·—–-])(?:(?:written|posted|reported|words|text|story|reporting)\s+by|by|par|por|von|di|door|av|від|от|автор:?|авторы:?)\s+/giu;
/** "Photo by A", "Illustration by A": a credit, not a byline. */
const creditBefore = /(?:photo(?:graph)?s?|image|illustration|picture|video|graphics?|map|design|art|credit|drawings?|animation)\s*$/iu;
/** After a name: a role, an outlet, a handle, a date — where the name list ends. */
const nameEnd = /\s*(?:[|•·—–()[\]@]|\s-\s|\d|,\s*(?:senior|staff|chief|special|contributing|guest|associate|deputy|managing|executive|editor|reporter|correspondent|writer|columnist|the\s)|\s(?:on|in|at|for|le|el|am|il|is|was|has)\s).*$/iu;

const upperName = /^\p{Lu}[\p{Lu}'’-]+$/u;
const mixedName = /^\p{Lu}[\p{Ll}'’]*\p{Ll}(?:-\p{Lu}?[\p{Ll}'’]+)*$|^(?:Mc|Mac|O['’])\p{Lu}\p{Ll}+$/u;
const initial = /^\p{Lu}\.$/u;

const titleCase = (w: string) => w.charAt(0) + w.slice(1).toLowerCase();

/** "Daniel Kahn Gillmor", "JOE HILDEBRAND" (as "Joe Hildebrand"), "Bradley M. Kuhn"; null if not a name. */
export function personName(text: string): string | null {
  const words = text.trim().split(/\s+/);
  if (words.length < 2 || words.length > 4) return null;
  const shouted = words.every((w) => upperName.test(w) || isNameParticle(w.toLowerCase()));
  const ok = words.every((w, k) => mixedName.test(w) || (k > 0 && k < words.length - 1 && (initial.test(w) || isNameParticle(w))) || (shouted && upperName.test(w) && w.length >= 2));
  if (!ok || initial.test(words[words.length - 1]!) || isNameParticle(words[0]!)) return null;
  return shouted ? words.map((w) => (isNameParticle(w.toLowerCase()) ? w.toLowerCase() : titleCase(w))).join(' ') : words.join(' ');
}

/** The people a byline text names: "A", "A and B", "A, B and C", "A & B", up to where the names end. */
export function namesIn(text: string): string[] {
  let cut = text.replace(nameEnd, '').replace(/[\s,;:.]+$/, '');
  // "By A JAN. 13, 2017": the month of the date that follows is no part of the name.
  for (let m = /\s+(\p{L}+)\.?$/u.exec(cut); m && monthByName.has(m[1]!.toLowerCase()); m = /\s+(\p{L}+)\.?$/u.exec(cut)) {
    cut = cut.slice(0, m.index);
  }
  const parts = cut.split(/\s*,\s*|\s+(?:and|und|et|y|e|и|i|&)\s+/u).map((p) => p.trim()).filter(Boolean);
  const names: string[] = [];
  for (const part of parts) {
    const name = personName(part);
    if (!name) break;
    names.push(name);
  }
  return names;
}

/** A byline on this line: after a "by" word, or (`bare`) a line that starts with a person's name. */
export function bylineIn(line: string, bare: boolean): string[] {
  if (line.length > 220) return [];
  for (const m of line.matchAll(bylineMarker)) {
    const after = line.slice(m.index + m[0].length);
    if (!/^\p{Lu}/u.test(after) || creditBefore.test(line.slice(0, m.index + m[0].length).replace(/\S+\s*$/u, ''))) continue;
    const names = namesIn(after);
    if (names.length) return names;
  }
  if (!bare) return [];
  // "• A", "1. A", "A - Apr 16, 2015", "A, @handle", "A A" (a name printed twice), "img-name A".
  const rest = line.replace(/^(?:[•▪*·]\s*|\d{1,2}\.\s+|\S+-headshot\s+)/u, '');
  const names = namesIn(rest);
  if (names.length) return names;
  const words = rest.split(/\s+/);
  if (words.length % 2 === 0 && words.length <= 8) {
    const half = words.slice(0, words.length / 2).join(' ');
    if (half === words.slice(words.length / 2).join(' ')) return namesIn(half);
  }
  return [];
}

const updatedWords = /\b(?:updated|modified|mis\s+à\s+jour|actualizado|aktualisiert|aktualizováno|обновлено|last\s+modified)\b/iu;

/** The first publication date on a short header line (an "Updated ..." part does not count). */
export function headerDate(line: string): string | null {
  if (line.length > 200 || !/\d/.test(line)) return null;
  const upd = updatedWords.exec(line);
  const head = upd ? line.slice(0, upd.index) : line;
  return findDate(head)?.iso ?? null;
}

/** How far around the headline and the first paragraph the header reaches (lines). */
const aboveTitle = 6;
const afterFirstProse = 3;
/** How many lines at and after the article's end an author box may take. */
const footLines = 8;

/**
 * The byline and date of an article headed at line `titleLine`, whose first paragraph of prose is
 * at `firstProse` and whose last line is `lastLine`.
 */
export function readHeader(lines: ClassifiedLine[], titleLine: number, firstProse: number, lastLine: number): HeaderFacts {
  const facts: HeaderFacts = { authors: [], published: null, bylineLine: null, dateLine: null };
  const start = Math.max(0, titleLine - aboveTitle);
  const end = Math.min(lines.length - 1, firstProse + afterFirstProse);
  const header: number[] = [];
  // Nearest the headline first, below it before above it.
  for (let i = titleLine + 1; i <= end; i++) header.push(i);
  for (let i = titleLine - 1; i >= start; i--) header.push(i);
  for (const i of header) {
    const line = lines[i]!;
    if (!line.text || i === titleLine) continue;
    const prose = line.cls.kind === 'text' && line.text.length > 160;
    // A photo credit or an image's file name carries the photo's date and the photographer's name.
    if (line.cls.kind === 'chrome' && /photo|image|caption/.test(line.cls.what)) continue;
    if (facts.authors.length === 0 && !prose) {
      const names = bylineIn(line.text, i > titleLine && i <= firstProse);
      if (names.length) {
        facts.authors = names;
        facts.bylineLine = i;
      }
    }
    if (facts.published === null && !prose) {
      const iso = headerDate(line.text);
      if (iso) {
        facts.published = iso;
        facts.dateLine = i;
      }
    }
  }
  if (facts.authors.length === 0) {
    // "Written by A", "Posted by A on ..." at the article's foot.
    for (let i = Math.max(firstProse, lastLine - footLines); i <= Math.min(lines.length - 1, lastLine + footLines); i++) {
      const text = lines[i]!.text;
      if (!text || text.length > 160) continue;
      const names = bylineIn(text, false);
      if (names.length) {
        facts.authors = names;
        facts.bylineLine = i;
        break;
      }
    }
  }
  return facts;
}
