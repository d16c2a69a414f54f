/**
 * Feed bodies read in worker threads (Node door): decoding, parsing and sanitizing take about as
 * much CPU as storing (bench/RESULTS.md), so the ingesting thread fetches and writes while a
 * worker reads (`workerPool`). A worker that dies fails the bodies it held (each its own source,
 * `parse: feed reader stopped (...)`).
 */
import type { FeedBody, FeedReader, ReadFeed } from '../ingest/upstream/readFeed.js';
import { UpstreamError } from '../ingest/upstream/upstreamError.js';
import type { FeedFailure, FeedReaderSetup } from './feedReaderWorker.js';
import { defaultPoolSize, wholeBuffer, workerPool } from './workerPool.js';

/**
 * `workerModule`: the compiled worker to run (the bench gives dist/'s, as the door runs it); by
 * default the one beside this module. `prepare`: the taxonomy files the ingesting thread tags with;
 * given, each article comes with its storing work that needs nothing but the article already done
 * (`Article.prepared`: normalize and its text's tags), so the ingesting thread only matches,
 * merges and writes.
 */
export function feedReaderPool(
  size = defaultPoolSize(),
  workerModule = new URL('./feed-reader-worker.js', import.meta.url),
  prepare?: FeedReaderSetup['prepare'],
): FeedReader & { start(): void; close(): Promise<void> } {
  const pool = workerPool<FeedBody, ReadFeed, FeedFailure>({
    size,
    workerData: { prepare } satisfies FeedReaderSetup,
    compiled: workerModule,
    source: new URL('./feedReaderWorker.ts', import.meta.url),
    transfer: (input) => wholeBuffer(input.body),
    failure: (failed) => new UpstreamError(failed.stage, failed.detail),
    stopped: (reason) => new UpstreamError('parse', `feed reader stopped (${reason})`),
  });
  return Object.assign((input: FeedBody) => pool.run(input), { close: pool.close, start: pool.start });
}
