import type { Article, Origin } from '../../item.js';
import type { ArticleDraft } from './assembleDrafts.js';
import { cleanParagraph } from './cleanParagraph.js';
import { composeSource } from './composeSource.js';
import { detectLanguage, languageSample } from './detectLanguage.js';
import { extractRunInByline } from './extractRunInByline.js';
import type { PageNotes } from './pageNotes.js';
import { withTimeOfDay } from './parseDateline.js';
import { splitRunInHeadings } from './splitRunInHeadings.js';
import { endsWithEllipsis, isAbbreviation } from './textShape.js';

/**
 * A headline never keeps a single final full stop. News-feed entries write their headlines as
 * sentences ("Arms procurement head should keep post, supervisory board says."); every other
 * headline on these pages has none, and the same story's headline elsewhere will have none, so
 * titles from both sources compare equal. Ellipses, "?" and "!" are kept, as are abbreviations
 * ("... talks with U.S.").
 */
export function headlineText(title: string): string {
  const t = title.replace(/\s+/g, ' ').trim();
  if (!/[^.]\.$/.test(t)) return t;
  const last = t.split(' ').pop() ?? '';
  return isAbbreviation(last) ? t : t.slice(0, -1);
}

/**
 * When it was published, as far as the page says: the article's own dateline first (an
 * "Updated:" stamp when that is all there is), else the date stated for its block. A clock time
 * without any date ("9:25 PM" in a news feed) is not a date, and an article stamped "5 hours
 * ago" gets no block date: the stamp says its date is something else.
 */
export function publishedOf(draft: Pick<ArticleDraft, 'published' | 'updated' | 'relativeStamp' | 'blockDate' | 'time'>): string | null {
  const own = draft.published ?? draft.updated;
  const date = own ?? (draft.relativeStamp ? null : draft.blockDate);
  if (!date) return null;
  return draft.time && /^\d{4}-\d{2}-\d{2}$/.test(date) ? withTimeOfDay(date, draft.time) : date;
}

/** The title and the paragraphs, one per line, as far as detectLanguage reads them (not a long article's whole text). */
function textStart(title: string, paragraphs: string[]): string {
  let text = title;
  for (let k = 0; k < paragraphs.length && text.length <= languageSample; k++) text += `\n${paragraphs[k]}`;
  return text;
}

/** Draft → Article: clean paragraphs, pull a run-in byline out of the lede, settle metadata. */
export function finishArticle(draft: ArticleDraft, origin: Origin, notes: PageNotes): Article | null {
  const title = headlineText(draft.title);
  let paragraphs: string[] = [];
  let holder: string | null = null;
  let cut = draft.cut;
  for (let k = 0; k < draft.paragraphs.length; k++) {
    const cleaned = cleanParagraph(draft.paragraphs[k]!);
    for (let k = 0; k < cleaned.shortcodes; k++) notes.chrome('caption shortcode');
    holder = cleaned.holder ?? holder;
    cut ||= cleaned.cut;
    if (cleaned.text) paragraphs.push(cleaned.text);
  }
  const authors = [...draft.authors];
  let wire = draft.wire ?? holder;
  if (authors.length === 0 && paragraphs.length > 0) {
    const runIn = extractRunInByline(paragraphs[0] as string);
    if (runIn) {
      authors.push(...runIn.authors);
      wire ??= runIn.wire;
      paragraphs[0] = runIn.body;
      notes.chrome(runIn.caption ? 'caption and byline run into the lede' : 'byline run into the lede');
    }
  }
  const split: string[] = [];
  for (let k = 0; k < paragraphs.length; k++) {
    const pieces = splitRunInHeadings(paragraphs[k]!);
    for (let j = 0; j < pieces.length; j++) split.push(pieces[j]!);
  }
  paragraphs = split;
  if (paragraphs.length === 0) {
    notes.dropped('headline whose text was all chrome', title);
    return null;
  }
  const last = paragraphs[paragraphs.length - 1] as string;
  return {
    title,
    paragraphs,
    contentHtml: null,
    authors: [...new Set(authors)],
    source: composeSource(draft.republishedFrom ?? draft.outlet, wire),
    published: publishedOf(draft),
    updated: null,
    url: null,
    guid: null,
    partial: cut || endsWithEllipsis(last),
    language: detectLanguage(textStart(title, paragraphs)),
    origin,
  };
}
