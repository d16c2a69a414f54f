/**
 * A headline printed with the site's name after it, as a page's own title bar prints it
 * ("Ferry service resumes | Lake Notes", "渡轮恢复湖上航线_新闻_湖畔网"): the name is the site's,
 * not the headline's. A part after a separator is taken off only when the page prints that part
 * elsewhere as a name of its own (a line by itself, a menu entry, a copyright notice's holder, the
 * site's address), so a headline with a dash in it ("Ferry resumes - with a catch") keeps it. The
 * separator must have a space on both sides, except "_", which such title bars write without.
 */

const separator = /(?:\s+[|–—-]\s+|\s*_\s*|\s+::\s+|\s+·\s+)(?=[^|–—_:·-]*$)/u;
/** At most this long a site's (or section's) name. */
const maxNameChars = 40;
const maxNameWords = 5;

const bulletFirst = new Set(['•', '▪', '◦', '●', '*', '·', '-', '–']);

/** The line as a name would stand on its own: without its bullet, a copyright sign and year, a trailing "All rights reserved". */
function asName(text: string): string {
  // Each pattern only where its mark is (this runs on every short line of the page): the first
  // or the last character first.
  let t = text.trim();
  if (bulletFirst.has(t.charAt(0))) t = t.replace(/^[•▪◦●*·\-–]\s*/u, '');
  const first = t.charCodeAt(0);
  // "copyright", "©", "(c)" or a year first.
  if ((first === 0x63 || first === 0x43 || first === 0xa9 || first === 0x28 || (first >= 0x30 && first <= 0x39)) && /^(?:copyright|©|\(c\)|\d{4})/iu.test(t)) {
    t = t.replace(/^(?:copyright\s*)?(?:©|\(c\))?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*/iu, '');
  }
  const last = t.charCodeAt(t.length - 1);
  if ((last === 0x64 || last === 0x44 || last === 0x2e) && /reserved\.?$/iu.test(t)) t = t.replace(/[.,]?\s*all\s+rights\s+reserved\.?$/iu, '');
  if (t.endsWith('.') || t.endsWith('。')) t = t.slice(0, -1);
  return t.trim();
}

/**
 * A line asName may make shorter than it is: white space, a bullet, a copyright sign or a year
 * first, or "reserved", a full stop or white space last. Any other line is its own name.
 */
function mayShorten(t: string): boolean {
  const first = t.charAt(0);
  const last = t.charCodeAt(t.length - 1);
  return t.trim().length !== t.length || bulletFirst.has(first) || /^[cC©(\d]/u.test(first) || last === 0x64 || last === 0x44 || last === 0x2e || last === 0x3002;
}

/** "© 2024 Lake Notes Inc.", "Copyright Lake Notes Media": a copyright notice's holder starts with the site's name. */
const notice = /(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*(\S.{0,60})/iu;
const mayHoldNotice = /\(c\)|copyright/i;
const mayHoldDomain = /[a-z0-9]\.(?:com|org|net|co|news|info|io|[a-z]{2})\b/i;
/** "lakenotes.com", "www.lake-notes.co.uk": the site's address. */
const domain = /\b(?:www\.)?([a-z0-9-]{3,40})\.(?:com|org|net|co|news|info|io|[a-z]{2})\b/giu;

interface PageNames {
  /** Each short line's name (see asName), lower case, with how many lines print it. */
  lines: Map<string, number>;
  notices: string[];
  domains: Set<string>;
}

const cache = new WeakMap<ReadonlyArray<{ text: string }>, PageNames>();

/**
 * What the page says its names are: the lines it prints on their own (short lines, bullets and
 * copyright signs off) and how often, the start of a copyright notice's holder, and its addresses'
 * names (letters only). One pass over the page, kept for the page (its lines do not change).
 */
function namesOnPage(lines: ReadonlyArray<{ text: string }>): PageNames {
  const known = cache.get(lines);
  if (known) return known;
  const out: PageNames = { lines: new Map(), notices: [], domains: new Set() };
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.text;
    if (!t) continue;
    // Only names a question can ask about are kept (see printedAsName).
    if (t.length <= 80 && (t.length <= maxNameChars || mayShorten(t))) {
      const raw = asName(t);
      if (raw.length <= maxNameChars) {
        const name = raw.toLowerCase();
        if (name) out.lines.set(name, (out.lines.get(name) ?? 0) + 1);
      }
    }
    if (t.length <= 300) {
      // The patterns only where their mark is: a copyright sign or word, an address's dot before letters.
      if (t.includes('©') || mayHoldNotice.test(t)) {
        const m = notice.exec(t);
        if (m) out.notices.push(m[1]!.toLowerCase());
      }
      if (mayHoldDomain.test(t)) for (const d of t.matchAll(domain)) out.domains.add(d[1]!.toLowerCase().replace(/-/g, ''));
    }
  }
  cache.set(lines, out);
  return out;
}

/** A copyright holder starting with `name`, or an address spelling it (letters only, a leading "the" aside). */
function isNamedOwner(name: string, names: PageNames): boolean {
  if (names.notices.some((n) => n.startsWith(name) && !/\p{L}/u.test(n.charAt(name.length)))) return true;
  const letters = name.replace(/^the\s+/u, '').replace(/[^\p{L}\p{N}]/gu, '');
  return letters.length >= 4 && names.domains.has(letters);
}

/**
 * How many lines print `name` (lower case) on their own. The page's names are kept only up to
 * maxNameChars (as printed): a longer name in lower case (its capitals can take two characters
 * in lower case) is counted line by line.
 */
function printedAsName(name: string, names: PageNames, lines: ReadonlyArray<{ text: string }>): number {
  if (name.length <= maxNameChars) return names.lines.get(name) ?? 0;
  let n = 0;
  for (const l of lines) if (l.text && l.text.length <= 80 && asName(l.text).toLowerCase() === name) n++;
  return n;
}

/** The page names `name` (lower case) as its own: a line of its own (other than line `skip`), a copyright holder starting with it, or its address. */
function isPageName(name: string, names: PageNames, lines: ReadonlyArray<{ text: string }>, skip: number): boolean {
  const printed = printedAsName(name, names, lines) - (asName(lines[skip]?.text ?? '').toLowerCase() === name ? 1 : 0);
  return printed > 0 || isNamedOwner(name, names);
}

/** Short enough to be a name by its length alone: four words, 30 characters, 12 in Chinese or Japanese (a headline is longer). */
function isShortName(name: string): boolean {
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(name)) return name.length <= 12;
  return name.length <= 30 && name.split(/\s+/).length <= 4;
}

/** How often a name must stand as a line of its own for a line printing it to be the site's name, not a headline. */
const repeatedName = 3;

/**
 * Line `i` is the site's (or its publisher's) name, not a headline: a short name that the page's
 * copyright notice holds or its address spells ("The Lake Notes" and "© 2024 Lake Notes",
 * "lakenotes.com"), or that the page prints as a line of its own three times or more (a logo, a
 * menu entry, the name over the article) while short enough to be a name. A headline printed
 * twice (a hero block and the article) is not caught by the count.
 */
export function isSiteNameLine(lines: ReadonlyArray<{ text: string }>, i: number): boolean {
  const name = asName(lines[i]?.text ?? '').toLowerCase();
  if (!name || name.length > maxNameChars || name.split(/\s+/).length > maxNameWords) return false;
  const names = namesOnPage(lines);
  return (isShortName(name) && printedAsName(name, names, lines) >= repeatedName) || isNamedOwner(name, names);
}

/**
 * `title` (printed at line `titleLine` of `lines`) without the site's name (and section names)
 * after it, when the page prints those names elsewhere; else `title` as it is.
 */
export function withoutSiteName(title: string, lines: ReadonlyArray<{ text: string }>, titleLine: number): string {
  if (!separator.test(title)) return title;
  let names: PageNames | null = null;
  let head = title;
  for (let parts = 0; parts < 3; parts++) {
    const m = separator.exec(head);
    if (!m) break;
    const tail = head.slice(m.index + m[0].length).trim();
    const rest = head.slice(0, m.index).trim();
    if (!tail || tail.length > maxNameChars || tail.split(/\s+/).length > maxNameWords) break;
    // What is left must still be a headline, not a word.
    if (rest.length < 8) break;
    names ??= namesOnPage(lines);
    if (!isPageName(tail.toLowerCase(), names, lines, titleLine)) break;
    head = rest;
  }
  return head;
}
