/**
 * The headline of an HTML page's article, from the title Readability chose (it prefers `og:title`
 * and JSON-LD, which many sites write as "Headline | Site", "Section: Headline") and the forms the page
 * prints or states elsewhere (its `<h1>` and `<h2>` headings, `og:title`, `twitter:title`, JSON-LD `headline`, `<title>`).
 * When another form is the chosen title with a separator and a part around it taken off, that form is
 * the headline, provided the part it drops is the site's name or shorter than what it keeps: the
 * page shows the headline without it. Nothing is invented: the headline is always one of the forms.
 */
import { cleanLine } from '../cleanText.js';

/** " | ", " - ", " – ", " — ", ": ", " :: ", " · ", " » ", "｜", "：", "_" (title bars write it without spaces). */
const separators = ['|', '｜', '-', '–', '—', ':', '：', '::', '·', '•', '»', '«', '/', '_'];

/** Curly quotes as straight ones, one character for one, so a position in one is a position in the other. */
const straight = (s: string) => s.replace(/[‘’‚‛′]/gu, "'").replace(/[“”„‟″]/gu, '"');

const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[\s\p{P}]+/gu, ' ').trim();

/** `title` is `part` with a separator and a rest before or after it: the rest, else null. */
function restAround(title: string, part: string): string | null {
  if (part.length === 0 || part.length >= title.length) return null;
  const at = straight(title).indexOf(straight(part));
  if (at < 0) return null;
  const before = title.slice(0, at).trim(), after = title.slice(at + part.length).trim();
  if (before !== '' && after !== '') return null;
  const rest = before || after;
  const sep = separators.find((s) => (before ? rest.endsWith(s) : rest.startsWith(s)));
  if (sep === undefined) return null;
  const name = (before ? rest.slice(0, -sep.length) : rest.slice(sep.length)).trim();
  // A separator not set off by a space from the headline only counts for "_", "｜", "：" and "|" (CJK title bars).
  const spaced = before ? /\s$/.test(title.slice(0, at)) : /^\s/.test(title.slice(at + part.length));
  if (!spaced && !['_', '｜', '：', '|'].includes(sep)) return null;
  return name === '' ? null : name;
}

export interface HeadlineForms {
  /** The title Readability gave. */
  chosen: string;
  /** What else the page says its headline is, best first (`<h1>`s, then metadata). */
  forms: string[];
  siteName: string | null;
}

export function pageHeadline({ chosen, forms, siteName }: HeadlineForms): string {
  const title = cleanLine(chosen);
  const site = siteName ? fold(siteName) : null;
  let best: string | null = null;
  for (const raw of forms) {
    const form = cleanLine(raw);
    const rest = restAround(title, form);
    if (rest === null || !/\p{L}/u.test(form)) continue;
    const isSite = site !== null && (fold(rest) === site || fold(rest).includes(site) || site.includes(fold(rest)));
    if (!isSite && [...rest].length >= [...form].length) continue;
    if (site !== null && fold(form) === site) continue;
    if (best === null || form.length > best.length) best = form;
  }
  return best ?? title;
}
