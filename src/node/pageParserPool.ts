/**
 * Local pages parsed in worker threads (Node door): parsing is most of a page run's CPU
 * (bench/RESULTS.md), so the ingesting thread reads files and writes items while workers parse
 * the next pages (`workerPool`). A worker that dies fails the pages it held (each its own row,
 * `read: page parser stopped (...)`).
 */
import type { PageParsing } from '../ingest/collectPages.js';
import { isHtmlRef } from '../ingest/html/isHtmlRef.js';
import type { PageReader } from '../ingest/pageReader.js';
import { PageRefused, type PageLimits } from '../ingest/pageText.js';
import type { PageBytes, PageParse } from '../ingest/parsePageBytes.js';
import type { PageFailure, PageParserSetup } from './pageParserWorker.js';
import { defaultPoolSize, wholeBuffer, workerPool } from './workerPool.js';

/** Pages handed to each worker before their turn: enough that none waits for the next while results are stored. */
const aheadPerWorker = 8;

/** Pages parsed ahead of a run (`prefetch`), at most: this many, and this many bytes. */
const prefetchPages = 24;
const prefetchBytes = 16 * 1024 * 1024;

/**
 * `prepare`: each text or HTML page's articles come normalized (`Article.prepared`: clean text,
 * summary, title key, ids), so the ingesting thread only tags, matches, merges and writes (the
 * items stored are the same, tests/node/pageParserPool.test.ts). Their tags are left to the
 * ingesting thread, which waits on the parser for most of a run: with the parser's worker doing
 * both it became the run's longest thread (bench/RESULTS.md History, session 7).
 */
export function pageParserPool(size = defaultPoolSize(), prepare = false): PageParsing & {
  /** Start the workers now (a run that will parse pages is starting): their start-up overlaps the run's own. */
  start(): void;
  /**
   * A run of `reader`'s pages is about to start: its first text pages are read and handed to the
   * workers now, so they are parsed while this thread opens the store and takes the lease. The
   * run still reads every page itself; a page it hands over with the same bytes and limits gets
   * the result parsed ahead (a text page's parse depends on nothing else), any other is parsed
   * anew. A page that cannot be read now is left to the run.
   */
  prefetch(reader: PageReader, limits: PageLimits): Promise<void>;
  close(): Promise<void>;
} {
  const pool = workerPool<PageBytes, PageParse, PageFailure>({
    size,
    workerData: { prepare } satisfies PageParserSetup,
    compiled: new URL('./page-parser-worker.js', import.meta.url),
    source: new URL('./pageParserWorker.ts', import.meta.url),
    transfer: (page) => wholeBuffer(page.bytes),
    failure: (failed) => (failed.refused ? new PageRefused(failed.message) : new Error(failed.message)),
    stopped: (reason) => new Error(`page parser stopped (${reason})`),
  });
  const early = new Map<string, { bytes: Uint8Array; maxBytes: number; result: Promise<PageParse> }>();
  // Once the run asks for its pages, none is parsed ahead any more (the run hands them over itself).
  let asked = false;
  const prefetch = async (reader: PageReader, limits: PageLimits): Promise<void> => {
    let refs: string[];
    try {
      refs = (await reader.list()).filter((ref) => !isHtmlRef(ref));
    } catch {
      return;
    }
    let bytesHeld = 0;
    for (const ref of refs.slice(0, prefetchPages)) {
      if (asked) return;
      try {
        const size = reader.size ? await reader.size(ref) : null;
        if (size !== null && size > limits.maxBytes) continue;
        const bytes = await reader.readBytes(ref);
        if (asked) return;
        if (bytesHeld + bytes.byteLength > prefetchBytes) break;
        bytesHeld += bytes.byteLength;
        // The bytes go to the worker (transferred); a copy stays to compare with what the run reads.
        const kept = bytes.slice();
        const result = pool.run({ ref, bytes, now: new Date(), limits });
        // Never asked for (the run did not start, or read other bytes): its failure is nobody's.
        result.catch(() => undefined);
        early.set(ref, { bytes: kept, maxBytes: limits.maxBytes, result });
      } catch {
        // Unreadable now: the run reads it again and reports it.
      }
    }
  };
  const parse = (page: PageBytes): Promise<PageParse> => {
    asked = true;
    const ahead = early.get(page.ref);
    if (ahead) {
      early.delete(page.ref);
      if (!isHtmlRef(page.ref) && ahead.maxBytes === page.limits.maxBytes && sameBytes(ahead.bytes, page.bytes)) return ahead.result;
    }
    return pool.run(page);
  };
  const close = async () => {
    early.clear();
    await pool.close();
  };
  return { parse, ahead: size * aheadPerWorker, start: pool.start, prefetch, close };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
