/**
 * The worker thread of `pageParserPool`: parses local pages (`parsePageBytes`: text or HTML, and
 * the page's content hash) and answers each with its result, or with the refusal or failure.
 */
import { PageRefused } from '../ingest/pageText.js';
import { parsePageBytes } from '../ingest/parsePageBytes.js';
import { answerTasks } from './answerTasks.js';

export interface PageFailure {
  refused: boolean;
  message: string;
}

// One page at a time: each page's answer is posted as soon as it is parsed, so the ingesting
// thread stores it while the next is parsed.
answerTasks(parsePageBytes, (error): PageFailure => ({
  refused: error instanceof PageRefused,
  message: error instanceof Error ? error.message : String(error),
}), { oneAtATime: true });
