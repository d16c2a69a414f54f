import type { Article, Origin } from '../../item.js';
import { assembleDrafts } from './assembleDrafts.js';
import { type ClassifiedLine, type LineClass, classifyLine } from './classifyLine.js';
import { finishArticle } from './finishArticle.js';
import { joinWrappedLines } from './joinWrappedLines.js';
import { mergeContinuations } from './mergeContinuations.js';
import { isGoodProse } from './contentWords.js';
import { endsWithCopyright } from './copyrightTrailer.js';
import { isReaderComment } from './isReaderComment.js';
import { detectLanguage } from './detectLanguage.js';
import { lowerCaseWords } from './lowerCaseWords.js';
import { readHeader } from './readHeader.js';
import type { PlacedDraft } from './articleDraft.js';
import { firstProseLine, selectHeadline } from './selectHeadline.js';
import { withoutSiteName } from './siteNameSuffix.js';
import { splitIntoLines } from './normalizeText.js';
import { PageNotes } from './pageNotes.js';

export interface ParsedPage {
  articles: Article[];
  /** Human-readable notes on what was dropped or why nothing was found, e.g. "no article found". */
  notes: string[];
  /**
   * Per article (same order), which lines were taken as its title, byline and date, and why: what
   * `npm run report` shows. Absent when the path that parsed the page does not say.
   */
  why?: string[][];
}

/**
 * A scraped plain-text news page → its articles. A page can hold a main article, a listing of
 * teasers, related articles from other outlets and a news-feed block, all wrapped in chrome; each
 * article or teaser becomes one Article, chrome becomes none.
 *
 * Stages, each in its own file, plain data in and out: join wrapped lines (joinWrappedLines),
 * classify every line on its own (classifyLine), group lines into article drafts by position
 * (assembleDrafts), put articles split at sub-headings and captions back together while keeping
 * listings, related articles and news feeds apart (mergeContinuations), choose the main article's
 * headline (selectHeadline), drop readers' comments (isReaderComment) and read its header's
 * byline and date (readHeader), then clean each
 * draft's text and settle its metadata (finishArticle). Pure and deterministic; Web-standard JS
 * only, so it runs on Workers.
 */
const textLength = (d: { paragraphs: string[] }) => d.paragraphs.reduce((n, p) => n + p.length, 0);
const short = (t: string) => (t.length > 70 ? `${t.slice(0, 67)}…` : t);
/** The first `count` paragraphs of running prose (the rest are not judged). */
function firstProse(paragraphs: string[], count: number): string[] {
  const found: string[] = [];
  for (let k = 0; k < paragraphs.length && found.length < count; k++) if (isGoodProse(paragraphs[k]!)) found.push(paragraphs[k]!);
  return found;
}

export function parsePage(text: string, origin: Origin): ParsedPage {
  try {
    const lines = pageLines(typeof text === 'string' ? text : '');
    return articlesOf(lines, lowerCaseWords(lines), origin);
  } catch (error) {
    return failed(error);
  }
}

/** The stages up to classification: a page's text → its lines (wrapped lines joined), each classified on its own. */
export function pageLines(text: string): ClassifiedLine[] {
  // Scraped chrome repeats itself (tickers, form fields); a line is classified once per page.
  const seen = new Map<string, LineClass>();
  const classOf = (t: string): LineClass => {
    let cls = seen.get(t);
    if (!cls) seen.set(t, (cls = classifyLine(t)));
    return cls;
  };
  const standsAlone = (t: string) => {
    const c = classOf(t);
    return !(c.kind === 'text' || c.kind === 'heading' || (c.kind === 'chrome' && c.what === 'fragment'));
  };
  // Only a line ending with a copyright notice is signed off (classifyLine's signOff), so a
  // paragraph being joined is not classified anew at each of its lines.
  const closes = (t: string) => {
    if (!endsWithCopyright(t)) return false;
    const c = classOf(t);
    return c.kind === 'text' && c.signOff;
  };
  const headlineShaped = (t: string) => {
    const c = classOf(t);
    return c.kind === 'heading' || (c.kind === 'text' && c.headlineLike);
  };
  return joinWrappedLines(splitIntoLines(text), { standsAlone, headlineShaped, closes }).map((t) => ({ text: t, cls: classOf(t) }));
}

/** The rules are written not to throw; this is the backstop that keeps one odd page from stopping a whole ingestion run. */
function failed(error: unknown): ParsedPage {
  return { articles: [], notes: [`no article found: parser error (${error instanceof Error ? error.message : String(error)})`] };
}

/**
 * The stages after the lines are classified (assembly, merging, headline choice, header, finishing):
 * a page's classified lines → its articles. `common`: the words the page writes in lower case
 * (lowerCaseWords); `notes` gets what was dropped.
 */
export function articlesOf(lines: ClassifiedLine[], common: ReadonlySet<string>, origin: Origin, notes = new PageNotes()): ParsedPage {
  try {
    const selected = selectHeadline(mergeContinuations(assembleDrafts(lines, notes), lines), lines, common);
    const { choice } = selected;
    const main = choice ? selected.drafts[choice.article] : undefined;
    // The thread of readers' comments below the article is not articles of its own.
    const drafts = selected.drafts.filter((d) => {
      if (d === main || !isReaderComment(d, lines)) return true;
      notes.dropped("reader's comment", d.title);
      return false;
    });
    const whyOf = new Map<object, string[]>();
    const at = (i: number | null) => (i === null ? '' : `line ${i + 1}: "${short(lines[i]?.text ?? '')}"`);
    // The line of a draft's header (between its headline and its first paragraph) of a kind, for the report.
    const headerAt = (d: PlacedDraft, kind: 'byline' | 'date'): number | null => {
      for (let i = d.titleLine + 1; i < (d.paragraphLines[0] ?? d.titleLine + 1); i++) if (lines[i]!.cls.kind === kind) return i;
      return null;
    };
    for (const d of drafts) {
      const b = d.authors.length ? headerAt(d, 'byline') : null;
      const t = d.published || d.updated ? headerAt(d, 'date') : null;
      whyOf.set(d, [
        d === main && choice ? `title ${at(d.titleLine)} (the main article's headline: ${choice.why})` : `title ${at(d.titleLine)} (headline above its text)`,
        d.authors.length ? (b === null ? 'byline: run into the lede or stated before the headline' : `byline ${at(b)} (a byline line under the headline)`) : 'byline: none stated',
        d.published || d.updated ? (t === null ? 'date: stated before the headline' : `date ${at(t)} (a dateline under the headline)`) : d.blockDate ? 'date: the date stated for its block' : 'date: none stated',
      ]);
    }
    const bareNames = new Map<PlacedDraft, string[]>();
    if (main) {
      const monthFirst = detectLanguage(firstProse(main.paragraphs, 3).join('\n')) === 'en';
      let header = readHeader(lines, main.titleLine, firstProseLine(main), main.lastLine, common, monthFirst);
      // The headline printed twice (a hero block, then the article): the first copy may carry the header.
      for (let i = main.titleLine - 1; i >= Math.max(0, main.titleLine - 150) && (!header.authors.length || !header.published); i--) {
        if (lines[i]!.text !== lines[main.titleLine]!.text) continue;
        const other = readHeader(lines, i, i + 1, -1, common, monthFirst);
        header = {
          ...header,
          ...(header.authors.length ? {} : { authors: other.authors, bylineLine: other.bylineLine, bylineForm: other.bylineForm }),
          ...(header.published ? {} : { published: other.published, dateLine: other.dateLine, dateForm: other.dateForm }),
        };
      }
      const why = whyOf.get(main)!;
      // A byline line or a "by" word in the header is what the page states; a bare name only
      // stands in when assembly found no byline at all.
      const stated = header.bylineForm === 'a byline line' || header.bylineForm === 'a "by" byline';
      if (header.authors.length && (main.authors.length === 0 || stated)) {
        // A bare name gives way to a byline run into the lede (finishArticle reads that).
        if (stated) main.authors = header.authors;
        else bareNames.set(main, header.authors);
        why[1] = `byline ${at(header.bylineLine)} (${header.bylineForm} in the article's header or foot)`;
      }
      if (main.published === null && header.published && (header.dateForm !== 'an update stamp' || main.updated === null)) {
        main.published = header.published;
        why[2] = `date ${at(header.dateLine)} (${header.dateForm} in the article's header)`;
      }
    }
    // The page's lead article: the main one, else (a page of short pieces) the one with most text.
    const lead = main ?? drafts.reduce<(typeof drafts)[number] | undefined>((best, d) => (!best || textLength(d) > textLength(best) ? d : best), undefined);
    if (lead) {
      // "Ferry service resumes | Lake Notes": the site's name printed after the headline.
      const title = withoutSiteName(lead.title, lines, lead.titleLine);
      if (title !== lead.title) {
        const why = whyOf.get(lead);
        if (why) why[0] += `; without the site's name "${short(lead.title.slice(title.length).replace(/^[\s|–—_:·-]+/u, ''))}"`;
        lead.title = title;
      }
    }
    const why: string[][] = [];
    const articles: Article[] = [];
    for (const draft of drafts) {
      const article = finishArticle(draft, origin, notes);
      if (!article) continue;
      const bare = bareNames.get(draft);
      if (bare && article.authors.length === 0) article.authors = bare;
      else if (bare) (whyOf.get(draft) ?? [])[1] = 'byline: run into the lede';
      if (draft !== lead) article.secondary = true;
      articles.push(article);
      why.push(whyOf.get(draft) ?? []);
    }
    if (articles.length === 0) {
      notes.add(lines.some((l) => l.cls.kind !== 'blank')
        ? 'no article found: no headline followed by article text'
        : 'no article found: the page is empty');
    }
    return { articles, notes: notes.list(), why };
  } catch (error) {
    return failed(error);
  }
}
