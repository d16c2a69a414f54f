import type { Article, Origin } from '../../item.js';
import { assembleDrafts } from './assembleDrafts.js';
import { type ClassifiedLine, type LineClass, classifyLine } from './classifyLine.js';
import { finishArticle } from './finishArticle.js';
import { joinWrappedLines } from './joinWrappedLines.js';
import { mergeContinuations } from './mergeContinuations.js';
import { readHeader } from './readHeader.js';
import { firstProseLine, selectHeadline } from './selectHeadline.js';
import { splitIntoLines } from './normalizeText.js';
import { PageNotes } from './pageNotes.js';

export interface ParsedPage {
  articles: Article[];
  /** Human-readable notes on what was dropped or why nothing was found, e.g. "no article found". */
  notes: string[];
}

/**
 * A scraped plain-text news page → its articles. A page can hold a main article, a listing of
 * teasers, related articles from other outlets and a news-feed block, all wrapped in chrome; each
 * article or teaser becomes one Article, chrome becomes none.
 *
 * Three passes, each in its own file: classify every line on its own (classifyLine), group lines
 * into article drafts by position (assembleDrafts), then clean each draft's text and settle its
 * metadata (finishArticle). Pure and deterministic; Web-standard JS only, so it runs on Workers.
 */
export function parsePage(text: string, origin: Origin): ParsedPage {
  const notes = new PageNotes();
  try {
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
    const closes = (t: string) => {
      const c = classOf(t);
      return c.kind === 'text' && c.signOff;
    };
    const headlineShaped = (t: string) => {
      const c = classOf(t);
      return c.kind === 'heading' || (c.kind === 'text' && c.headlineLike);
    };
    const lines: ClassifiedLine[] = joinWrappedLines(splitIntoLines(typeof text === 'string' ? text : ''), { standsAlone, headlineShaped, closes })
      .map((t) => ({ text: t, cls: classOf(t) }));
    const { drafts, choice } = selectHeadline(mergeContinuations(assembleDrafts(lines, notes), lines), lines);
    const main = choice ? drafts[choice.article] : undefined;
    if (main) {
      const header = readHeader(lines, main.titleLine, firstProseLine(main), main.lastLine);
      if (main.authors.length === 0) main.authors = header.authors;
      if (main.published === null && main.updated === null) main.published = header.published;
    }
    const articles = drafts
      .map((draft) => finishArticle(draft, origin, notes))
      .filter((a): a is Article => a !== null);
    if (articles.length === 0) {
      notes.add(lines.some((l) => l.cls.kind !== 'blank')
        ? 'no article found: no headline followed by article text'
        : 'no article found: the page is empty');
    }
    return { articles, notes: notes.list() };
  } catch (error) {
    // The rules above are written not to throw; this is the backstop that keeps one odd page
    // from stopping a whole ingestion run.
    return { articles: [], notes: [`no article found: parser error (${error instanceof Error ? error.message : String(error)})`] };
  }
}
