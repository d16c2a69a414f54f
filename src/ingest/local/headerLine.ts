import type { ClassifiedLine } from './classifyLine.js';
import { findDate } from './parseDateline.js';
import { bareNamesIn, bylineIn } from './bylineIn.js';
import { headerDate } from './headerDate.js';
import { isPersonName } from './parseByline.js';

/**
 * What a line of an article's header states about the article, if anything: a byline ("By A",
 * "Posted by A on ...", "Par A"), a dateline ("Saturday 14 June 2025", "Wednesday 9 October 2024
 * by A" counts as a byline), a person's name on its own ("• A", "A - May 21, 2024") or a stamp
 * ("5 hours ago", "10:15"). Judged on the line alone, bullets and all: a page may print its
 * header as a bulleted list, which the line classifier takes for text.
 */
export type HeaderKind = 'byline' | 'date' | 'name' | 'stamp';

/** A date that is most of the line ("November 6, 2022", "Updated 4 Mar 2024 07.30 EST"), not one in a title. */
function isDateLine(text: string): boolean {
  if (text.length > 90 || !/\d/.test(text)) return false;
  const found = findDate(text);
  if (!found) return false;
  const letters = text.replace(/[^\p{L}\p{N}]/gu, '').length;
  const dated = text.slice(found.index, found.index + found.length).replace(/[^\p{L}\p{N}]/gu, '').length;
  return dated >= 0.4 * letters;
}

/** Chrome that is a label of the page's own (see chromeLine), never a person's name. */
const labelChrome = new Set(['summary label', 'cookie notice', 'app banner', 'share widget', 'newsletter form', 'navigation', 'audio player', 'reading time']);

/** "Posted by", "Submitted by": a poster's line, whatever names (or handles) it gives. */
const postedBy = /^(?:posted|written|published|submitted|uploaded)\s+by\s+\S/iu;

/**
 * Each line's answer, for the `common` it was asked with: headline selection asks about the same
 * header lines again for every candidate above them. Keyed by the line object (lines are never
 * changed once classified), so a page's answers go with its lines.
 */
const known = new WeakMap<ClassifiedLine, { common: ReadonlySet<string> | undefined; kind: HeaderKind | null }>();

/** `common`: the words the page writes in lower case (see bylineIn). */
export function headerLineKind(line: ClassifiedLine, common?: ReadonlySet<string>): HeaderKind | null {
  const memo = known.get(line);
  if (memo !== undefined && memo.common === common) return memo.kind;
  const kind = judgeHeaderLine(line, common);
  known.set(line, { common, kind });
  return kind;
}

function judgeHeaderLine(line: ClassifiedLine, common?: ReadonlySet<string>): HeaderKind | null {
  const c = line.cls;
  if (c.kind === 'byline') return 'byline';
  if (c.kind === 'date') return 'date';
  if (c.kind === 'relative' || c.kind === 'time') return 'stamp';
  if (c.kind === 'blank' || c.kind === 'copyright' || line.text.length > 200) return null;
  // A control's or a box's label ("Key points", "Log In", "Accept all") names nobody.
  if (c.kind === 'chrome' && labelChrome.has(c.what)) return null;
  const text = line.text.replace(/^[•▪◦●*·]\s*/u, '');
  if (bylineIn(text, false).length) return 'byline';
  // "Posted by jdoe, kovac on 2019-02-15": who posted it and when, though the posters are handles, not names.
  if (text.length <= 150 && postedBy.test(text) && headerDate(text) !== null) return 'byline';
  let name = false;
  if (text.length <= 100) {
    // A name with a date beside it ("A July 19, 2021", "A - May 21, 2024") is a byline.
    const dated = headerDate(text) !== null;
    // Its "by" word, label or avatar named nobody (above): its bare names.
    name = bareNamesIn(text, common, dated).length > 0;
    if (name && dated) return 'byline';
  }
  // "A / Lake Wire / Updated: May 2, 2024, 11:05": a name, the outlet and the stamp between slashes or bars.
  if (text.length <= 150 && /\s[/|]\s/.test(text)) {
    const parts = text.split(/\s+[/|]\s+/);
    if (parts.length >= 2 && isPersonName(parts[0]!) && parts.slice(1).some((p) => findDate(p) !== null)) return 'byline';
  }
  if (isDateLine(text)) return 'date';
  return name ? 'name' : null;
}
