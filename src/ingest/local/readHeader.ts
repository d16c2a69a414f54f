import { bareNamesIn, bylineIn, personName } from './bylineIn.js';
import { headerDate } from './headerDate.js';
import type { ClassifiedLine } from './classifyLine.js';
import { isGoodProse } from './contentWords.js';

/**
 * Stage 5, article header → byline and date. Around an article's headline a page states who wrote
 * it and when, in more forms than a line of its own can be read as ("by A and B | date"): "on March
 * 27, 2023 by A", "By A, Senior Editor, Org", "Par A", "A - May 21, 2024 6:41 pm UTC", "A,
 * @handle", "• A", "Written by A" at the article's foot, "Updated ..." (an update, not the
 * publication). Read only in the header (a few lines above the headline, and below it down to the
 * second paragraph of prose) and in an author box at the article's end, never in its prose.
 *
 * Every header line that names a person is a candidate, scored by its form (a byline line or a
 * "by" word beats a bare name; a name with a date on its line beats a name alone) and by its
 * distance from the headline; the best one wins. Dates likewise: a dateline of its own or a
 * byline's date before a date inside other text, an "Updated ..." stamp only when nothing else is
 * stated.
 */
export interface HeaderFacts {
  authors: string[];
  /** ISO date of publication, when the header states one. */
  published: string | null;
  /** Which lines gave them, for the report, and in what form. */
  bylineLine: number | null;
  bylineForm: string | null;
  dateLine: number | null;
  dateForm: string | null;
}

/** How far above the headline the header reaches (non-blank lines), and for a byline line or a "by" word. */
const aboveTitle = 6;
const bylineAbove = 20;
/** How far below the headline, at most (lines), and how many paragraphs of prose it may pass. */
const belowTitle = 40;
const proseParagraphs = 2;
/** How near the headline (non-blank lines) a bare name without a date must stand. */
const bareNameReach = 8;
/** How many lines before and after the article's end an author box may take. */
const footLines = 8;

interface Candidate<T> {
  value: T;
  line: number;
  score: number;
  form: string;
}

const better = <T>(a: Candidate<T> | null, b: Candidate<T>): Candidate<T> => (!a || b.score > a.score ? b : a);

const updatedWords = /\b(?:updated|modified|last\s+modified|mis\s+à\s+jour|actualizado|aktualisiert|aktualizováno|обновлено)\b/iu;

/** "A is a reporter for B.", "A is the author of B.": a note on who wrote the article. */
const authorNoteShape = /^(\p{Lu}\S+(?:\s+\S+){1,3}?)\s+(?:is|was)\s+(?:a|an|the|our)\s+(?:[^.]{0,60}?\s)?(?:reporter|correspondent|editor|writer|columnist|contributor|journalist|author|producer|critic)s?\b/u;

/** The person an author's note at the article's end names, or null. */
export function authorNote(text: string): string | null {
  if (text.length > 300) return null;
  const m = authorNoteShape.exec(text);
  return m ? personName(m[1]!) : null;
}

/** A headline-shaped line of a few words: under a related block's heading, a teaser whose byline follows it. */
const isTeaserHeadline = (line: ClassifiedLine) => line.cls.kind === 'heading' && line.cls.words >= 3;

/**
 * The byline and date of an article headed at line `titleLine`, whose first paragraph of prose is
 * at `firstProse` and whose last line is `lastLine`. `common` holds the words the page writes in
 * lower case (see bylineIn); `monthFirst` how to read "11.03.17" (see headerDate).
 */
export function readHeader(lines: ClassifiedLine[], titleLine: number, firstProse: number, lastLine: number, common?: ReadonlySet<string>, monthFirst = true): HeaderFacts {
  let byline: Candidate<string[]> | null = null;
  let date: Candidate<string> | null = null;
  const consider = (i: number, distance: number, where: 'above' | 'below' | 'foot') => {
    const line = lines[i]!;
    const text = line.text;
    if (!text || text.length > 220) return;
    const c = line.cls;
    // A photo credit or an image's file name carries the photo's date and the photographer's name.
    if (c.kind === 'chrome' && /photo|image|caption/.test(c.what)) return;
    // A copyright notice ("Copyright Notice", "© 2024 Lake Notes") names the holder, not the writer.
    if (c.kind === 'copyright') return;
    if (c.kind === 'text' && text.length > 160) return;
    const near = -0.08 * distance;
    const dated = headerDate(text, monthFirst);
    if (c.kind === 'byline' && c.byline.authors.length) {
      byline = better(byline, { value: c.byline.authors, line: i, score: (where === 'foot' ? 2 : 4) + near, form: 'a byline line' });
    } else {
      const marked = bylineIn(text, false);
      if (marked.length) {
        byline = better(byline, { value: marked, line: i, score: (where === 'foot' ? 2 : 3.5) + near + (dated ? 0.3 : 0), form: 'a "by" byline' });
      } else if (text.length <= 120 && (c.kind !== 'chrome' || dated || (where === 'below' && distance <= 2))) {
        // A nav link is chrome; a name with its date, or right under the headline, may be classified so too.
        const bare = bareNamesIn(text, common, dated !== null);
        // A bare name counts near the headline, or with a date beside it ("A — 2022-04-11 — in
        // Code"), which it needs at the foot.
        if (bare.length && (dated || (where !== 'foot' && distance <= bareNameReach))) {
          const score = (where === 'foot' ? 1.5 : where === 'above' ? 1.2 : 2) + (dated ? 1 : 0) + near;
          byline = better(byline, { value: bare, line: i, score, form: dated ? 'a name with a date' : 'a name on its own line' });
        }
      }
    }
    if (where === 'foot') return;
    if (c.kind === 'date') {
      date = better(date, { value: c.iso, line: i, score: (c.updated ? 0.5 : 3) + near, form: c.updated ? 'an update stamp' : 'a dateline' });
    } else if (c.kind === 'byline' && c.byline.published) {
      date = better(date, { value: c.byline.published, line: i, score: 3 + near, form: "the byline's date" });
    } else if (dated) {
      date = better(date, { value: dated, line: i, score: 2 + near, form: 'a date in the header' });
    } else if (updatedWords.test(text)) {
      const upd = headerDate(text.replace(updatedWords, ' '), monthFirst);
      if (upd) date = better(date, { value: upd, line: i, score: 0.5 + near, form: 'an update stamp' });
    }
  };
  // Below the headline, down to its second paragraph of prose.
  let prose = 0;
  // Past a section heading ("You may also like") come other articles' teasers, each with its own byline.
  let pastBoundary = false;
  let previous: ClassifiedLine | null = null;
  for (let i = titleLine + 1, seen = 0; i < lines.length && i <= titleLine + belowTitle; i++) {
    const line = lines[i]!;
    if (!line.text) continue;
    seen++;
    if (line.cls.kind === 'chrome' && line.cls.boundary) pastBoundary = true;
    const teasers = pastBoundary && previous !== null && isTeaserHeadline(previous);
    if (line.cls.kind !== 'chrome') previous = line;
    if (teasers) continue;
    consider(i, seen, 'below');
    if (i >= firstProse && line.cls.kind === 'text' && isGoodProse(line.text) && ++prose >= proseParagraphs) break;
  }
  for (let i = titleLine - 1, seen = 0; i >= 0 && seen < aboveTitle; i--) {
    if (!lines[i]!.text) continue;
    seen++;
    consider(i, seen + 1, 'above');
  }
  if (!byline || (byline as Candidate<string[]>).form === 'a name on its own line') {
    // A byline line or a "by" word is clear enough (and beats a bare name) to be read further up (a share bar or a photo between).
    for (let i = titleLine - 1, seen = 0; i >= 0 && seen < bylineAbove; i--) {
      const line = lines[i]!;
      if (!line.text) continue;
      if (++seen <= aboveTitle || line.text.length > 220) continue;
      const names = line.cls.kind === 'byline' ? line.cls.byline.authors : bylineIn(line.text, false);
      if (names.length) {
        // Further from the headline than its header: it gives way to a byline run into the lede.
        byline = { value: names, line: i, score: 1, form: 'a byline further up' };
        break;
      }
    }
  }
  if (!byline) {
    // "Written by A", "Posted by A on ...", "A — 2022-04-11" at the article's foot.
    const from = Math.max(firstProse, lastLine - footLines);
    for (let i = from; i <= Math.min(lines.length - 1, lastLine + footLines); i++) consider(i, Math.abs(i - lastLine), 'foot');
    // "A is a transport reporter at Lake Notes.": the author's note at the article's end.
    for (let i = from; !byline && i <= Math.min(lines.length - 1, lastLine + footLines); i++) {
      const name = authorNote(lines[i]!.text);
      if (name) byline = { value: [name], line: i, score: 1, form: "an author's note" };
    }
  }
  const b = byline as Candidate<string[]> | null;
  const d = date as Candidate<string> | null;
  return {
    authors: b?.value ?? [],
    published: d?.value ?? null,
    bylineLine: b?.line ?? null,
    bylineForm: b?.form ?? null,
    dateLine: d?.line ?? null,
    dateForm: d?.form ?? null,
  };
}
