/**
 * The worker thread of `pageParserPool`: parses local pages (`parsePageBytes`: text or HTML, and
 * the page's content hash) and answers each with its result, or with the refusal or failure. With
 * `prepare` (the taxonomy files), each article also comes with its storing work that needs nothing
 * but the article (`Article.prepared`: normalize, ids hashed by node:crypto, and its text's tags),
 * as the feed reader's thread does, so the ingesting thread only matches, merges and writes.
 */
import { workerData } from 'node:worker_threads';
import { PageRefused } from '../ingest/pageText.js';
import { parsePageBytes, type PageBytes } from '../ingest/parsePageBytes.js';
import { prepareArticle } from '../ingest/prepareArticle.js';
import { loadTaxonomy } from '../taxonomy/loadTaxonomy.js';
import { answerTasks } from './answerTasks.js';
import { nodeSha256Hex } from './sha256.js';

export interface PageFailure {
  refused: boolean;
  message: string;
}

/** What a page parser thread is started with (`pageParserPool`'s `prepare`). */
export interface PageParserSetup {
  /** The parsed config/topics.json and config/regions.json the ingesting thread tags with. */
  prepare?: { topics: unknown; regions: unknown };
}

const setup = (workerData ?? {}) as PageParserSetup;
const prepare = setup.prepare ? { taxonomy: loadTaxonomy(setup.prepare.topics, setup.prepare.regions), hashHex: nodeSha256Hex } : undefined;

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
