/**
 * Local pages parsed in worker threads (Node door): parsing is most of a page run's CPU
 * (bench/RESULTS.md), so the ingesting thread reads files and writes items while workers parse
 * the next pages (`workerPool`). A worker that dies fails the pages it held (each its own row,
 * `read: page parser stopped (...)`).
 */
import type { PageParsing } from '../ingest/collectPages.js';
import { PageRefused } from '../ingest/pageText.js';
import type { PageBytes, PageParse } from '../ingest/parsePageBytes.js';
import type { PageFailure } from './pageParserWorker.js';
import { defaultPoolSize, wholeBuffer, workerPool } from './workerPool.js';

/** Pages handed to each worker before their turn: enough that none waits for the next while results are stored. */
const aheadPerWorker = 8;

export function pageParserPool(size = defaultPoolSize()): PageParsing & {
  /** Start the workers now (a run that will parse pages is starting): their start-up overlaps the run's own. */
  start(): void;
  close(): Promise<void>;
} {
  const pool = workerPool<PageBytes, PageParse, PageFailure>({
    size,
    compiled: new URL('./page-parser-worker.js', import.meta.url),
    source: new URL('./pageParserWorker.ts', import.meta.url),
    transfer: (page) => wholeBuffer(page.bytes),
    failure: (failed) => (failed.refused ? new PageRefused(failed.message) : new Error(failed.message)),
    stopped: (reason) => new Error(`page parser stopped (${reason})`),
  });
  return { parse: (page) => pool.run(page), ahead: size * aheadPerWorker, start: pool.start, close: pool.close };
}
