/**
 * The worker thread of `pageParserPool`: parses local pages (`parsePageBytes`: text or HTML, and
 * the page's content hash) and answers each with its result, or with the refusal or failure. With
 * `prepare`, each article also comes normalized (`Article.prepared`: clean text, summary, title
 * key, ids hashed by node:crypto), so the ingesting thread only tags, matches, merges and writes.
 */
import { workerData } from 'node:worker_threads';
import { PageRefused } from '../ingest/pageText.js';
import { parsePageBytes, type PageBytes } from '../ingest/parsePageBytes.js';
import { prepareArticle } from '../ingest/prepareArticle.js';
import { answerTasks } from './answerTasks.js';
import { nodeSha256Hex } from './sha256.js';

export interface PageFailure {
  refused: boolean;
  message: string;
}

/** What a page parser thread is started with (`pageParserPool`'s `prepare`). */
export interface PageParserSetup {
  /** Normalize each page's articles here. */
  prepare?: boolean;
}

const setup = (workerData ?? {}) as PageParserSetup;
// No taxonomy: an article's tags are found by the ingesting thread (see pageParserPool).
const prepare = setup.prepare === true ? { hashHex: nodeSha256Hex } : undefined;

async function parseAndPrepare(page: PageBytes) {
  const result = await parsePageBytes(page);
  if (prepare) {
    const now = page.now.toISOString();
    for (const article of result.parsed.articles) article.prepared = await prepareArticle(article, now, prepare);
  }
  return result;
}

// One page at a time: each page's answer is posted as soon as it is parsed, so the ingesting
// thread stores it while the next is parsed.
answerTasks(parseAndPrepare, (error): PageFailure => ({
  refused: error instanceof PageRefused,
  message: error instanceof Error ? error.message : String(error),
}), { oneAtATime: true });
