/**
 * Local pages parsed in worker threads (Node door): parsing is most of a page run's CPU
 * (bench/RESULTS.md), so the ingesting thread reads files and writes items while workers parse
 * the next pages (`workerPool`). A worker that dies fails the pages it held (each its own row,
 * `read: page parser stopped (...)`).
 */
import { Buffer } from 'node:buffer';
import type { PageParsing } from '../ingest/collectPages.js';
import { isHtmlRef } from '../ingest/html/isHtmlRef.js';
import type { PageReader } from '../ingest/pageReader.js';
import { PageRefused, type PageLimits } from '../ingest/pageText.js';
import type { PageBytes, PageParse } from '../ingest/parsePageBytes.js';
import type { PageFailure, PageParserSetup, PageTask } from './pageParserWorker.js';
import { defaultPoolSize, wholeBuffer, workerPool } from './workerPool.js';

/** Pages handed to each worker before their turn: enough that none waits for the next while results are stored. */
const aheadPerWorker = 8;

/** Pages parsed ahead of a run (`prefetch`), at most: this many, and this many bytes. */
const prefetchPages = 24;
const prefetchBytes = 16 * 1024 * 1024;

/**
 * Whose thread prepares a page's articles (normalize, the tags of their own text: the storing work
 * that needs nothing but the article): `never` the parser's (the ingesting thread does it, as for
 * pages parsed in it), `always` the parser's, or `when ahead`: the parser's while it is ahead of
 * the ingesting thread (a page answered already, and fewer than `preparedBelow` of its pages
 * unanswered when the next is handed over, so the ingesting thread is what the run waits on), else
 * the ingesting thread's. The items
 * stored are the same whoever does it (tests/node/pageParserPool.test.ts).
 */
export type PagePreparing = 'never' | 'always' | 'when ahead';

/** `when ahead`: a worker with fewer pages than this unanswered is ahead of the ingesting thread. */
export const preparedBelow = 3;

/**
 * `taxonomyFiles`: the parsed topics and regions files the ingesting thread tags with (the
 * parser's threads tag with them when they prepare articles; without them they only normalize).
 */
export function pageParserPool(
  size = defaultPoolSize(), prepare: PagePreparing = 'never', taxonomyFiles?: PageParserSetup['taxonomyFiles'],
): PageParsing & {
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
  const pool = workerPool<PageTask, PageParse, PageFailure>({
    size,
    workerData: { ...(taxonomyFiles ? { taxonomyFiles } : {}) } satisfies PageParserSetup,
    compiled: new URL('./page-parser-worker.js', import.meta.url),
    source: new URL('./pageParserWorker.ts', import.meta.url),
    transfer: (task) => wholeBuffer(task.page.bytes),
    failure: (failed) => (failed.refused ? new PageRefused(failed.message) : new Error(failed.message)),
    stopped: (reason) => new Error(`page parser stopped (${reason})`),
  });
  /** Pages handed to the workers and not yet answered, and answered so far. */
  let unanswered = 0;
  let answered = 0;
  const run = (page: PageBytes): Promise<PageParse> => {
    // Until a first page is answered, few unanswered says nothing (the run is only starting, and
    // the parser, still loading, is what it waits on).
    const ahead = answered > 0 && unanswered < preparedBelow * size;
    const task: PageTask = { page, prepare: prepare === 'always' || (prepare === 'when ahead' && ahead) };
    unanswered++;
    const result = pool.run(task);
    const done = () => {
      unanswered--;
      answered++;
    };
    result.then(done, done);
    return result;
  };
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
        const result = run({ ref, bytes, now: new Date(), limits });
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
    return run(page);
  };
  const close = async () => {
    early.clear();
    await pool.close();
  };
  return { parse, ahead: size * aheadPerWorker, start: pool.start, prefetch, close };
}

/** Byte for byte (node:buffer's compare: a JS loop over each byte of the pages parsed ahead cost ~10 ms a run). */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && Buffer.compare(a, b) === 0;
}
