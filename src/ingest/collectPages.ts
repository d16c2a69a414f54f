import type { Article } from '../item.js';
import type { Log } from '../log.js';
import type { SourceOutcome, SourceState } from '../store/store.js';
import { sha256Hex } from './hash.js';
import type { PageReader } from './pageReader.js';
import { defaultPageLimits, PageRefused, type PageLimits } from './pageText.js';
import { readPage } from './readPage.js';

export type { PageLimits } from './pageText.js';

export interface PageResult {
  state: SourceState;
  articles: Article[];
  outcome: SourceOutcome;
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

/**
 * Read and split every local page. Pages are parsed on every run (cheap, and a better parser
 * then improves old pages too); unchanged items cost no write later. A page that cannot be read,
 * is too large or is not text, or holds no article, is reported on its own row (status and error)
 * and never stops the others; a refused page yields no item. A folder that cannot be listed (it
 * does not exist) is one failed row, `pages`, never "0 pages, ok".
 */
export async function collectPages(
  reader: PageReader,
  states: Map<string, SourceState>,
  now: Date,
  log: Log,
  pageLimits: Partial<PageLimits> = {},
): Promise<PageResult[]> {
  const limits: PageLimits = { ...defaultPageLimits, ...pageLimits };
  const at = now.toISOString();
  const results: PageResult[] = [];
  let refs: string[];
  const folder = states.get(pagesFolderId) ?? blankState(pagesFolderId);
  try {
    refs = await reader.list();
  } catch (error) {
    const outcome = { ...newOutcome(pagesFolderId), status: 'failed' as const, error: error instanceof Error ? error.message : String(error) };
    log.error('pages: cannot list', { error: outcome.error });
    return [{
      articles: [], outcome,
      state: { ...folder, lastAttempt: at, lastError: outcome.error, consecutiveFailures: folder.consecutiveFailures + 1 },
    }];
  }
  if (folder.lastError !== null) {
    // The folder is back: clear its failure (a row with no error and no outcome of its own).
    results.push({
      articles: [], outcome: { ...newOutcome(pagesFolderId), entries: 0 },
      state: { ...folder, lastAttempt: at, lastSuccess: at, lastError: null, consecutiveFailures: 0, itemCount: refs.length },
    });
  }
  for (const ref of refs) {
    const id = pageSourceId(ref);
    const base: SourceState = states.get(id) ?? blankState(id);
    const outcome = newOutcome(id);
    try {
      const { parsed, hashInput } = await readPage(reader, ref, now, limits);
      outcome.entries = parsed.articles.length;
      outcome.items = parsed.articles.length;
      if (parsed.articles.length === 0) {
        outcome.status = 'empty';
        outcome.error = `parse: no article found${parsed.notes.length ? ` (${parsed.notes.join('; ')})` : ''}`;
        log.warn('page: no article found', { page: ref });
      }
      results.push({
        articles: parsed.articles,
        outcome,
        state: {
          ...base, contentHash: await sha256Hex(hashInput), lastAttempt: at, lastSuccess: at, lastError: null,
          consecutiveFailures: 0, itemCount: parsed.articles.length,
        },
      });
    } catch (error) {
      outcome.status = 'failed';
      const message = error instanceof Error ? error.message : String(error);
      outcome.error = error instanceof PageRefused ? message : `read: ${message}`;
      log.warn(error instanceof PageRefused ? 'page: refused' : 'page: failed', { page: ref, error: outcome.error });
      results.push({
        articles: [],
        outcome,
        state: { ...base, lastAttempt: at, lastError: outcome.error, consecutiveFailures: base.consecutiveFailures + 1 },
      });
    }
  }
  return results;
}
