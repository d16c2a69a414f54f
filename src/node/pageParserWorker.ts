/**
 * The worker thread of `pageParserPool`: parses local pages (`parsePageBytes`: text or HTML, and
 * the page's content hash) and answers each with its result, or with the refusal or failure. A
 * task marked `prepare` also has its articles' storing work that needs nothing but the article
 * done here (`Article.prepared`: normalize, ids hashed by node:crypto, and the tags of its own
 * text, with the taxonomy files the thread was started with), so the ingesting thread only
 * matches, merges and writes them.
 */
import { workerData } from 'node:worker_threads';
import { PageRefused } from '../ingest/pageText.js';
import { parsePageBytes, type PageBytes, type PageParse } from '../ingest/parsePageBytes.js';
import { prepareArticle, type Preparing } from '../ingest/prepareArticle.js';
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
  taxonomyFiles?: { topics: unknown; regions: unknown };
}

/** One page to parse; `prepare`: its articles prepared too. */
export interface PageTask {
  page: PageBytes;
  prepare: boolean;
}

const setup = (workerData ?? {}) as PageParserSetup;
let preparing: Preparing | undefined;
/** Built on the first task that asks for it: a thread that only parses never loads the taxonomy. */
const preparingOnce = (): Preparing => {
  const files = setup.taxonomyFiles;
  preparing ??= { hashHex: nodeSha256Hex, ...(files ? { taxonomy: loadTaxonomy(files.topics, files.regions) } : {}) };
  return preparing;
};

async function parseTask({ page, prepare }: PageTask): Promise<PageParse> {
  const result = await parsePageBytes(page, nodeSha256Hex);
  if (prepare && result.parsed.articles.length > 0) {
    const now = page.now.toISOString();
    const how = preparingOnce();
    for (const article of result.parsed.articles) article.prepared = await prepareArticle(article, now, how);
  }
  return result;
}

// One page at a time: each page's answer is posted as soon as it is parsed, so the ingesting
// thread stores it while the next is parsed.
answerTasks(parseTask, (error): PageFailure => ({
  refused: error instanceof PageRefused,
  message: error instanceof Error ? error.message : String(error),
}), { oneAtATime: true });
