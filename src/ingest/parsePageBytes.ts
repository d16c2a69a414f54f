import type { Origin } from '../item.js';
import { sha256Hex } from './hash.js';
import type { HashHex } from './normalize.js';
import { isHtmlRef } from './html/isHtmlRef.js';
import { type ParsedPage, parsePage } from './local/parsePage.js';
import { binaryKind, PageRefused, pageText, tooLarge, type PageLimits } from './pageText.js';

/** One local page as read: its path in the pages folder, its bytes, and the run's clock and limits. */
export interface PageBytes {
  ref: string;
  bytes: Uint8Array;
  now: Date;
  limits: PageLimits;
}

export interface PageParse {
  parsed: ParsedPage;
  /** SHA-256 (hex) of the page's text, or (HTML) of its bytes as Latin-1: the page's content hash. */
  contentHash: string;
}

/**
 * Parses a page's bytes: in this thread (`parsePageBytes`), or elsewhere (the Node door's worker
 * threads, src/node/pageParserPool.ts). Rejects as `parsePageBytes` does: a `PageRefused` for a
 * page refused, any other error for a parse that failed.
 */
export type PageParser = (page: PageBytes) => Promise<PageParse>;

/**
 * A page's bytes split by its kind: `.html` / `.htm` pages through the HTML extractor
 * (src/ingest/html/), every other page as plain text (src/ingest/local/). A page over the size cap
 * or that is not text throws a `PageRefused` ("page too large (21 MB > 5 MB)", "not a text page
 * (PNG image)") before anything is parsed. Pure (Web standards only): it runs in any thread.
 * `hashHex`: the content hash's SHA-256 (the Node door's parser thread gives node:crypto's, no
 * wait on a thread pool job between pages); `sha256Hex` when absent. Both give the same digest.
 */
export async function parsePageBytes({ ref, bytes, now, limits }: PageBytes, hashHex: HashHex = sha256Hex): Promise<PageParse> {
  const origin: Origin = { kind: 'page', ref };
  if (isHtmlRef(ref)) {
    if (bytes.byteLength > limits.maxBytes) throw tooLarge(bytes.byteLength, limits.maxBytes);
    const kind = binaryKind(bytes);
    if (kind !== null) throw new PageRefused(`not a text page (${kind})`);
    let hashInput = '';
    for (let i = 0; i < bytes.length; i += 8192) hashInput += String.fromCharCode(...bytes.subarray(i, i + 8192));
    // Loaded with the first HTML page: its DOM and Readability packages cost a text-only run ~0.25 s.
    const { parseHtmlPage } = await import('./html/parseHtmlPage.js');
    return { parsed: parseHtmlPage(bytes, origin, now), contentHash: await hashHex(hashInput) };
  }
  const text = pageText(bytes, limits);
  return { parsed: parsePage(text, origin), contentHash: await hashHex(text) };
}
