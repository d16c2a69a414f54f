/**
 * The worker thread of `pageParserPool`: parses local pages (`parsePageBytes`: text or HTML, and
 * the page's content hash) and answers each with its result, or with the refusal or failure.
 */
import { parentPort } from 'node:worker_threads';
import { PageRefused } from '../ingest/pageText.js';
import { parsePageBytes, type PageBytes, type PageParse } from '../ingest/parsePageBytes.js';

export interface PageTask {
  id: number;
  page: PageBytes;
}

export type PageAnswer =
  | { id: number; read: PageParse }
  | { id: number; failed: { refused: boolean; message: string } };

parentPort?.on('message', async ({ id, page }: PageTask) => {
  let answer: PageAnswer;
  try {
    answer = { id, read: await parsePageBytes(page) };
  } catch (error) {
    answer = { id, failed: { refused: error instanceof PageRefused, message: error instanceof Error ? error.message : String(error) } };
  }
  parentPort!.postMessage(answer);
});
