/**
 * The worker thread of `feedReaderPool`: reads feed bodies (`readFeed`: decode, parse, entries to
 * articles) and answers each with its articles, or with the stage and detail of its failure.
 */
import { parentPort } from 'node:worker_threads';
import { readFeed, type FeedBody } from '../ingest/upstream/readFeed.js';
import { UpstreamError } from '../ingest/upstream/upstreamError.js';

export interface FeedTask {
  id: number;
  input: FeedBody;
}

export type FeedAnswer =
  | { id: number; read: Awaited<ReturnType<typeof readFeed>> }
  | { id: number; failed: { stage: UpstreamError['stage']; detail: string } };

parentPort?.on('message', async ({ id, input }: FeedTask) => {
  let answer: FeedAnswer;
  try {
    answer = { id, read: await readFeed(input) };
  } catch (error) {
    const failure = error instanceof UpstreamError ? error : new UpstreamError('parse', error instanceof Error ? error.message : String(error));
    answer = { id, failed: { stage: failure.stage, detail: failure.message.slice(failure.stage.length + 2) } };
  }
  parentPort!.postMessage(answer);
});
