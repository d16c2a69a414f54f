import type { Article } from '../item.js';
import type { Log } from '../log.js';
import type { SourceOutcome, SourceState } from '../store/store.js';
import type { PageReader } from './pageReader.js';
import { defaultPageLimits, PageRefused, type PageLimits } from './pageText.js';
import type { PageParse, PageParser } from './parsePageBytes.js';
import { parseInThisThread, readPage } from './readPage.js';

export type { PageLimits } from './pageText.js';

export interface PageResult {
  state: SourceState;
  articles: Article[];
  outcome: SourceOutcome;
  /**
   * The next page is parsed already and holds articles (it is handed over without a wait and
   * will be written): the run may write the two together (see `IngestDeps.writeBatchItems`).
   */
  nextReady: boolean;
}

export const pageSourceId = (ref: string) => `page:${ref}`;
/** The row of the pages folder itself: only written when it cannot be listed (and cleared after). */
export const pagesFolderId = 'pages';

function blankState(id: string): SourceState {
  return {
    id, kind: 'page', etag: null, lastModified: null, contentHash: null, lastAttempt: null, lastSuccess: null,
    lastError: null, consecutiveFailures: 0, nextAttempt: null, itemCount: 0,
  };
}

const newOutcome = (source: string): SourceOutcome => ({
  source, status: 'ok', entries: 0, items: 0, skipped: {}, inserted: 0, updated: 0, unchanged: 0, error: null,
});

/** How the pages are parsed: in this thread by default; `ahead` pages are read and handed over before their turn. */
export interface PageParsing {
  parse: PageParser;
  /** Pages read and being parsed at once (a pool of threads keeps each busy); 1 when absent. */
  ahead?: number;
}

type Settled = { read: PageParse } | { error: unknown };
/** A page being read and parsed, and its result once it is there. */
type InFlight = { result: Promise<Settled>; settled?: Settled };

/**
 * Read and split every local page, told one by one in folder order as each is parsed (the run
 * stores a page while later ones are still parsed). Pages are parsed on every run (cheap, and a
 * better parser then improves old pages too); unchanged items cost no write later. A page that
 * cannot be read, is too large or is not text, or holds no article, is reported on its own row
 * (status and error) and never stops the others; a refused page yields no item. A folder that
 * cannot be listed (it does not exist) is one failed row, `pages`, never "0 pages, ok". Each
 * page's log line is written when it is told, so the lines are in page order however the pages
 * are parsed.
 */
export async function* pageResults(
  reader: PageReader,
  states: Map<string, SourceState>,
  now: Date,
  log: Log,
  pageLimits: Partial<PageLimits> = {},
  parsing: PageParsing = { parse: parseInThisThread },
): AsyncGenerator<PageResult> {
  const limits: PageLimits = { ...defaultPageLimits, ...pageLimits };
  const at = now.toISOString();
  let refs: string[];
  const folder = states.get(pagesFolderId) ?? blankState(pagesFolderId);
  try {
    refs = await reader.list();
  } catch (error) {
    const outcome = { ...newOutcome(pagesFolderId), status: 'failed' as const, error: error instanceof Error ? error.message : String(error) };
    log.error('pages: cannot list', { error: outcome.error });
    yield {
      articles: [], outcome, nextReady: false,
      state: { ...folder, lastAttempt: at, lastError: outcome.error, consecutiveFailures: folder.consecutiveFailures + 1 },
    };
    return;
  }
  if (folder.lastError !== null) {
    // The folder is back: clear its failure (a row with no error and no outcome of its own).
    yield {
      articles: [], outcome: { ...newOutcome(pagesFolderId), entries: 0 }, nextReady: false,
      state: { ...folder, lastAttempt: at, lastSuccess: at, lastError: null, consecutiveFailures: 0, itemCount: refs.length },
    };
  }
  const ahead = Math.max(1, parsing.ahead ?? 1);
  const inFlight: InFlight[] = [];
  let next = 0;
  const fill = () => {
    while (next < refs.length && inFlight.length < ahead) {
      const page: InFlight = {
        result: readPage(reader, refs[next++], now, limits, parsing.parse).then((read) => ({ read }), (error: unknown) => ({ error })),
      };
      void page.result.then((settled) => (page.settled = settled));
      inFlight.push(page);
    }
  };
  const nextReady = (): boolean => {
    const settled = inFlight[0]?.settled;
    return settled !== undefined && 'read' in settled && settled.read.parsed.articles.length > 0;
  };
  for (const ref of refs) {
    fill();
    const settled = await inFlight.shift()!.result;
    const id = pageSourceId(ref);
    const base: SourceState = states.get(id) ?? blankState(id);
    const outcome = newOutcome(id);
    if ('read' in settled) {
      const { parsed, contentHash } = settled.read;
      outcome.entries = parsed.articles.length;
      outcome.items = parsed.articles.length;
      if (parsed.articles.length === 0) {
        outcome.status = 'empty';
        outcome.error = `parse: no article found${parsed.notes.length ? ` (${parsed.notes.join('; ')})` : ''}`;
        log.warn('page: no article found', { page: ref });
      }
      yield {
        articles: parsed.articles,
        outcome,
        nextReady: nextReady(),
        state: {
          ...base, contentHash, lastAttempt: at, lastSuccess: at, lastError: null,
          consecutiveFailures: 0, itemCount: parsed.articles.length,
        },
      };
    } else {
      const { error } = settled;
      outcome.status = 'failed';
      const message = error instanceof Error ? error.message : String(error);
      outcome.error = error instanceof PageRefused ? message : `read: ${message}`;
      log.warn(error instanceof PageRefused ? 'page: refused' : 'page: failed', { page: ref, error: outcome.error });
      yield {
        articles: [],
        outcome,
        nextReady: false,
        state: { ...base, lastAttempt: at, lastError: outcome.error, consecutiveFailures: base.consecutiveFailures + 1 },
      };
    }
  }
}

/** Every page's result at once (`pageResults`, collected). */
export async function collectPages(...args: Parameters<typeof pageResults>): Promise<PageResult[]> {
  const results: PageResult[] = [];
  for await (const result of pageResults(...args)) results.push(result);
  return results;
}
