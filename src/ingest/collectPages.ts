import type { Article } from '../item.js';
import type { Log } from '../log.js';
import type { SourceOutcome, SourceState } from '../store/store.js';
import { sha256Hex } from './hash.js';
import type { PageReader } from './pageReader.js';
import { readPage } from './readPage.js';

export interface PageResult {
  state: SourceState;
  articles: Article[];
  outcome: SourceOutcome;
}

export const pageSourceId = (ref: string) => `page:${ref}`;

/**
 * Read and split every local page. Pages are parsed on every run (cheap, and a better parser
 * then improves old pages too); unchanged items cost no write later. A page that cannot be read
 * or holds no article is reported on its own row and never stops the others.
 */
export async function collectPages(reader: PageReader, states: Map<string, SourceState>, now: Date, log: Log): Promise<PageResult[]> {
  const results: PageResult[] = [];
  for (const ref of await reader.list()) {
    const id = pageSourceId(ref);
    const previous = states.get(id);
    const base: SourceState = previous ?? {
      id, kind: 'page', etag: null, lastModified: null, contentHash: null, lastAttempt: null, lastSuccess: null,
      lastError: null, consecutiveFailures: 0, nextAttempt: null, itemCount: 0,
    };
    const outcome: SourceOutcome = { source: id, status: 'ok', items: 0, inserted: 0, updated: 0, unchanged: 0, error: null };
    const at = now.toISOString();
    try {
      const { parsed, hashInput } = await readPage(reader, ref, now);
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
      outcome.error = `read: ${error instanceof Error ? error.message : String(error)}`;
      log.warn('page: failed', { page: ref, error: outcome.error });
      results.push({
        articles: [],
        outcome,
        state: { ...base, lastAttempt: at, lastError: outcome.error, consecutiveFailures: base.consecutiveFailures + 1 },
      });
    }
  }
  return results;
}
