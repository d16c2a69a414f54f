/**
 * Full text for `fullText` sources: each new or changed entry whose content is short (a summary)
 * has its link fetched with the feed fetcher's politeness and limits (User-Agent, concurrency
 * overall and per host, timeout, size cap, redirects, http(s) only, private addresses refused,
 * conditional GET when an entry changes) and its article extracted as local HTML pages are. The
 * fuller text becomes the entry's content; the feed's summary stays its summary. A page that
 * fails (timeout, HTTP error, not an article) leaves the entry as the feed gave it and is said on
 * the source's run outcome with its URL and why. What was fetched for each entry is remembered on
 * the source's state, so an unchanged entry is never fetched again; at most `fullTextPerRun`
 * pages are fetched per run, and a source with entries left over is read again next run.
 */
import type { Article } from '../../item.js';
import type { FullTextEntry, FullTextMemory } from '../../store/store.js';
import { decodeHtml } from '../html/decodeHtml.js';
import { extractArticle } from '../html/extractArticle.js';
import { extractedToArticle } from '../html/parseHtmlPage.js';
import { sha256Hex } from '../hash.js';
import { summarize } from '../summarize.js';
import { fetchFeed } from './fetchFeed.js';
import { runLimited } from './runLimited.js';
import type { Limits, UpstreamDeps, UpstreamResult } from './types.js';
import { UpstreamError } from './upstreamError.js';

/** An entry with less text than this is a summary worth completing. */
export const shortContentChars = 600;
/** Failures named one by one on the outcome; the rest are counted. */
const failuresNamed = 3;
const accept = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';

interface Candidate {
  result: UpstreamResult;
  index: number;
  key: string;
  hash: string;
  previous: FullTextEntry | null;
}

interface Fetched {
  entry: FullTextEntry;
  article: Article | null;
}

const textOf = (a: Article) => a.paragraphs.join('\n\n');

function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url;
  }
}

/** What identifies an entry as the feed gave it: a change in any of these fetches its page again. */
function entryHash(a: Article): Promise<string> {
  return sha256Hex(JSON.stringify([a.title, a.url, a.published, a.updated, a.paragraphs]));
}

export async function fetchFullText(results: UpstreamResult[], deps: UpstreamDeps, limits: Limits): Promise<UpstreamResult[]> {
  const out = results.map((r) => ({ ...r, articles: [...r.articles], state: { ...r.state }, outcome: { ...r.outcome } }));
  const candidates: Candidate[] = [];
  const memories = new Map<UpstreamResult, FullTextMemory>();
  for (const result of out) {
    if (!result.source.fullText || result.outcome.status !== 'ok') continue;
    const before = result.state.fullText ?? {};
    const memory: FullTextMemory = {};
    memories.set(result, memory);
    for (const [index, article] of result.articles.entries()) {
      const key = article.guid ?? article.url;
      if (key === null || article.url === null) continue;
      const hash = await entryHash(article);
      const previous = before[key] ?? null;
      if (previous?.hash === hash) memory[key] = previous;
      else if (textOf(article).length < shortContentChars) candidates.push({ result, index, key, hash, previous });
    }
  }
  const taken = candidates.slice(0, Math.max(0, limits.fullTextPerRun));
  const fetched = await runLimited(
    taken.map((c) => ({ key: hostOf(c.result.articles[c.index].url!), run: () => fetchOne(c, deps, limits) })),
    limits.concurrency,
    limits.perHost,
  );
  taken.forEach((c, i) => {
    memories.get(c.result)![c.key] = fetched[i].entry;
    if (fetched[i].article) c.result.articles[c.index] = fetched[i].article!;
  });
  const deferred = new Map<UpstreamResult, number>();
  for (const c of candidates.slice(taken.length)) deferred.set(c.result, (deferred.get(c.result) ?? 0) + 1);
  for (const [result, memory] of memories) {
    result.state.fullText = memory;
    const tried = taken.filter((c) => c.result === result);
    const failed = tried.map((c) => memory[c.key]).filter((e) => e.error !== null);
    const notes: string[] = [];
    if (failed.length > 0) {
      const named = failed.slice(0, failuresNamed).map((e) => `${e.url} (${e.error})`);
      const more = failed.length > failuresNamed ? `; ${failed.length - failuresNamed} more` : '';
      notes.push(`fullText: ${failed.length} of ${tried.length} pages failed: ${named.join('; ')}${more}`);
    }
    const left = deferred.get(result) ?? 0;
    if (left > 0) {
      notes.push(`fullText: ${left} pages left for the next run (per-run limit)`);
      // Read the feed again next run, whatever its validators say, so the entries left get their turn.
      Object.assign(result.state, { etag: null, lastModified: null, contentHash: null });
    }
    result.outcome.error = notes.length > 0 ? notes.join('; ') : result.outcome.error;
    if (tried.length > 0) deps.log.info('upstream.fulltext', { source: result.source.url, fetched: tried.length - failed.length, failed: failed.length, left });
  }
  return out;
}

async function fetchOne(c: Candidate, deps: UpstreamDeps, limits: Limits): Promise<Fetched> {
  const article = c.result.articles[c.index];
  const url = article.url!;
  const conditional = c.previous?.url === url && c.previous.error === null ? c.previous : null;
  const entry = (fields: Partial<FullTextEntry>): FullTextEntry => ({ hash: c.hash, url, etag: null, lastModified: null, error: null, ...fields });
  const feedHost = hostOf(c.result.source.url);
  try {
    const res = await fetchFeed(
      {
        url, etag: conditional?.etag ?? null, lastModified: conditional?.lastModified ?? null, accept,
        // A private feed host (allowPrivate) vouches for its own pages, never for any other host.
        allowPrivate: false, ...(c.result.source.allowPrivate ? { allowPrivateHost: feedHost } : {}),
      },
      { fetch: deps.fetch, userAgent: deps.userAgent, now: deps.now, limits, resolveHost: deps.resolveHost, pinnedFetch: deps.pinnedFetch },
    );
    // The page did not change: what was taken from it before is in the store already.
    if (res.status === 'unchanged') return { entry: entry({ etag: res.etag, lastModified: res.lastModified }), article: null };
    const validators = { etag: res.etag, lastModified: res.lastModified };
    const type = (res.contentType ?? '').split(';')[0].trim().toLowerCase();
    if (type !== '' && !/html|xml/.test(type)) return failure(c, entry({ ...validators, error: `not HTML (${type})` }), deps);
    const extraction = extractArticle(decodeHtml(res.body, res.contentType).text, { url: res.url });
    if (!extraction.ok) return failure(c, entry({ ...validators, error: `not an article: ${extraction.reason}` }), deps);
    const page = extractedToArticle(extraction.article, article.origin, deps.now());
    if (textOf(page).length <= textOf(article).length) return { entry: entry(validators), article: null };
    return {
      entry: entry(validators),
      article: {
        ...article,
        // Prepared from the feed's entry, not from this text.
        prepared: undefined,
        paragraphs: page.paragraphs,
        contentHtml: page.contentHtml,
        summary: textOf(article) === '' ? undefined : summarize(textOf(article)),
        authors: article.authors.length > 0 ? article.authors : page.authors,
        published: article.published ?? page.published,
        language: article.language ?? page.language,
      },
    };
  } catch (err) {
    const message = err instanceof UpstreamError ? err.message : `fetch: ${err instanceof Error ? err.message : String(err)}`;
    return failure(c, entry({ error: message }), deps);
  }
}

function failure(c: Candidate, entry: FullTextEntry, deps: UpstreamDeps): Fetched {
  deps.log.warn('upstream.fulltext.failed', { source: c.result.source.url, url: entry.url, error: entry.error });
  return { entry, article: null };
}
