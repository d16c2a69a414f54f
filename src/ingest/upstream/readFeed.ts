/**
 * A fetched feed body to articles: decode, parse, entries to articles (sanitize, paragraphs,
 * links, dates). Plain data in and out, so it runs the same in the ingesting thread or in a worker
 * thread of the Node door (src/node/feedReaderPool.ts). Fails with an `UpstreamError` of the stage
 * that failed (`decode`, or `parse` for the parse and everything after it).
 */
import type { Article } from '../../item.js';
import { prepareArticle, type Preparing } from '../prepareArticle.js';
import { decodeBody } from './decodeBody.js';
import { entryArticles } from './entryArticles.js';
import { parseFeed } from './parseFeed.js';
import type { UpstreamSource } from './types.js';
import { UpstreamError, type UpstreamStage } from './upstreamError.js';

export interface FeedBody {
  body: Uint8Array<ArrayBuffer>;
  contentType: string | null;
  source: UpstreamSource;
  /** The URL the feed was finally read from (after redirects). */
  feedUrl: string;
  /** ISO time the entries are read at (dates in the future are judged against it). */
  now: string;
}

export interface ReadFeed {
  /** `rss-2.0`, `atom-1.0`, `json-1.1` ... */
  version: string;
  /** Entries in the feed, articles or not. */
  entries: number;
  ttlMinutes: number | null;
  articles: Article[];
  skipped: Record<string, number>;
}

/**
 * Reads feed bodies elsewhere (a worker thread); absent: `readFeed` in the ingesting thread.
 * `start`, when given, gets the reader ready before the first body comes (a run with a source never
 * read before calls it before its first fetch, so a worker's start-up overlaps the fetches).
 */
export type FeedReader = ((input: FeedBody) => Promise<ReadFeed>) & { start?(): void };

function failure(stage: UpstreamStage, error: unknown): UpstreamError {
  return error instanceof UpstreamError ? error : new UpstreamError(stage, error instanceof Error ? error.message : String(error));
}

/**
 * `prepare`: also do each article's storing work that needs nothing but the article
 * (`Article.prepared`: normalize, and its text's tags when a taxonomy is given), as the Node
 * door's feed reader thread does so that the ingesting thread need not.
 */
export async function readFeed(input: FeedBody, prepare?: Preparing): Promise<ReadFeed> {
  let text: string;
  try {
    ({ text } = decodeBody(input.body, input.contentType));
  } catch (error) {
    throw failure('decode', error);
  }
  try {
    const feed = await parseFeed(text);
    const { articles, skipped } = entryArticles(feed.entries, { source: input.source, feed, feedUrl: input.feedUrl, now: new Date(input.now) });
    if (prepare) for (const article of articles) article.prepared = await prepareArticle(article, input.now, prepare);
    return { version: feed.version, entries: feed.entries.length, ttlMinutes: feed.ttlMinutes, articles, skipped };
  } catch (error) {
    throw failure('parse', error);
  }
}
