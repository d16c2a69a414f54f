/**
 * The worker thread of `feedReaderPool`: reads feed bodies (`readFeed`: decode, parse, entries to
 * articles, and with `prepare` each article's storing work that needs nothing but the article) and
 * answers each with its articles, or with the stage and detail of its failure.
 */
import { workerData } from 'node:worker_threads';
import { readFeed } from '../ingest/upstream/readFeed.js';
import { UpstreamError } from '../ingest/upstream/upstreamError.js';
import { loadTaxonomy } from '../taxonomy/loadTaxonomy.js';
import { answerTasks } from './answerTasks.js';
import { nodeSha256Hex } from './sha256.js';

export interface FeedFailure {
  stage: UpstreamError['stage'];
  detail: string;
}

/** What a feed reader thread is started with (`feedReaderPool`'s `prepare`). */
export interface FeedReaderSetup {
  /** The parsed config/topics.json and config/regions.json the ingesting thread tags with. */
  prepare?: { topics: unknown; regions: unknown };
}

const setup = (workerData ?? {}) as FeedReaderSetup;
const prepare = setup.prepare ? { taxonomy: loadTaxonomy(setup.prepare.topics, setup.prepare.regions), hashHex: nodeSha256Hex } : undefined;

answerTasks((input: Parameters<typeof readFeed>[0]) => readFeed(input, prepare), (error): FeedFailure => {
  const failure = error instanceof UpstreamError ? error : new UpstreamError('parse', error instanceof Error ? error.message : String(error));
  return { stage: failure.stage, detail: failure.message.slice(failure.stage.length + 2) };
});
