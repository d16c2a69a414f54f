/**
 * A headline printed with the site's name after it, as a page's own title bar prints it
 * ("Ferry service resumes | Lake Notes", "渡轮恢复湖上航线_新闻_湖畔网"): the name is the site's,
 * not the headline's. A part after a separator is taken off only when the page prints that part
 * elsewhere as a name of its own (a line by itself, a menu entry, a copyright notice), so a
 * headline with a dash in it ("Ferry resumes - with a catch") keeps it. The separator must have a
 * space on both sides, except "_", which such title bars write without.
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

/** The names the page prints on lines of their own (short lines, bullets and copyright signs off). */
function namesOnPage(lines: ReadonlyArray<{ text: string }>, skip: number): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.text;
    if (i === skip || !t || t.length > 80) continue;
    const name = asName(t);
    if (name) out.add(name.toLowerCase());
  }
  return out;
}

/**
 * `title` (printed at line `titleLine` of `lines`) without the site's name (and section names)
 * after it, when the page prints those names elsewhere; else `title` as it is.
 */
export function withoutSiteName(title: string, lines: ReadonlyArray<{ text: string }>, titleLine: number): string {
  if (!separator.test(title)) return title;
  let names: Set<string> | null = null;
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
    if (!names.has(tail.toLowerCase())) break;
    head = rest;
  }
  return head;
}
