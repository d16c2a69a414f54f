/**
 * The worker thread of `feedReaderPool`: reads feed bodies (`readFeed`: decode, parse, entries to
 * articles) and answers each with its articles, or with the stage and detail of its failure.
 */
import { readFeed } from '../ingest/upstream/readFeed.js';
import { UpstreamError } from '../ingest/upstream/upstreamError.js';
import { answerTasks } from './answerTasks.js';

export interface FeedFailure {
  stage: UpstreamError['stage'];
  detail: string;
}

answerTasks(readFeed, (error): FeedFailure => {
  const failure = error instanceof UpstreamError ? error : new UpstreamError('parse', error instanceof Error ? error.message : String(error));
  return { stage: failure.stage, detail: failure.message.slice(failure.stage.length + 2) };
});
