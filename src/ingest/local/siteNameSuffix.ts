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

/** The line as a name would stand on its own: without its bullet, a copyright sign and year, a trailing "All rights reserved". */
function asName(text: string): string {
  return text
    .replace(/^[•▪◦●*·\-–]\s*/u, '')
    .replace(/^(?:copyright\s*)?(?:©|\(c\))?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*/iu, '')
    .replace(/[.,]?\s*all\s+rights\s+reserved\.?$/iu, '')
    .replace(/[.。]$/u, '')
    .trim();
}

/** "© 2024 Lake Notes Inc.", "Copyright Lake Notes Media": a copyright notice's holder starts with the site's name. */
const notice = /(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*(\S.{0,60})/iu;
/** "lakenotes.com", "www.lake-notes.co.uk": the site's address. */
const domain = /\b(?:www\.)?([a-z0-9-]{3,40})\.(?:com|org|net|co|news|info|io|[a-z]{2})\b/giu;

/**
 * What the page says its names are: the lines it prints on their own (short lines, bullets and
 * copyright signs off), the start of a copyright notice's holder, and its addresses' names (letters only).
 */
function namesOnPage(lines: ReadonlyArray<{ text: string }>, skip: number): { lines: Set<string>; notices: string[]; domains: Set<string> } {
  const out = { lines: new Set<string>(), notices: [] as string[], domains: new Set<string>() };
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.text;
    if (i === skip || !t) continue;
    if (t.length <= 80) {
      const name = asName(t);
      if (name) out.lines.add(name.toLowerCase());
    }
    if (t.length <= 300) {
      const m = notice.exec(t);
      if (m) out.notices.push(m[1]!.toLowerCase());
      if (t.includes('.')) for (const d of t.matchAll(domain)) out.domains.add(d[1]!.toLowerCase().replace(/-/g, ''));
    }
  }
  return out;
}

/** The page names `name` (lower case) as its own: a line of its own, a copyright holder starting with it, or its address. */
function isPageName(name: string, names: ReturnType<typeof namesOnPage>): boolean {
  if (names.lines.has(name)) return true;
  if (names.notices.some((n) => n.startsWith(name) && !/\p{L}/u.test(n.charAt(name.length)))) return true;
  const letters = name.replace(/[^\p{L}\p{N}]/gu, '');
  return letters.length >= 4 && names.domains.has(letters);
}

/**
 * `title` (printed at line `titleLine` of `lines`) without the site's name (and section names)
 * after it, when the page prints those names elsewhere; else `title` as it is.
 */
export function withoutSiteName(title: string, lines: ReadonlyArray<{ text: string }>, titleLine: number): string {
  if (!separator.test(title)) return title;
  let names: ReturnType<typeof namesOnPage> | null = null;
  let head = title;
  for (let parts = 0; parts < 3; parts++) {
    const m = separator.exec(head);
    if (!m) break;
    const tail = head.slice(m.index + m[0].length).trim();
    const rest = head.slice(0, m.index).trim();
    if (!tail || tail.length > maxNameChars || tail.split(/\s+/).length > maxNameWords) break;
    // What is left must still be a headline, not a word.
    if (rest.length < 8) break;
    names ??= namesOnPage(lines, titleLine);
    if (!isPageName(tail.toLowerCase(), names)) break;
    head = rest;
  }
  return head;
}
