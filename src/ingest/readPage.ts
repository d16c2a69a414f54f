import type { Origin } from '../item.js';
import { isHtmlRef } from './html/isHtmlRef.js';
import { type ParsedPage, parsePage } from './local/parsePage.js';
import type { PageReader } from './pageReader.js';
import { binaryKind, defaultPageLimits, PageRefused, pageText, tooLarge, type PageLimits } from './pageText.js';

export interface ReadPage {
  parsed: ParsedPage;
  /** What the page's content hash is taken of: its text, or (HTML) its bytes as Latin-1. */
  hashInput: string;
}

/**
 * One local page, read and split by its kind: `.html` / `.htm` pages through the HTML extractor
 * (src/ingest/html/), every other page as plain text (src/ingest/local/). A page over the size cap
 * or that is not text throws a `PageRefused` ("page too large (21 MB > 5 MB)", "not a text page
 * (PNG image)") before anything is parsed.
 */
export async function readPage(reader: PageReader, ref: string, now: Date, limits: PageLimits = defaultPageLimits): Promise<ReadPage> {
  const origin: Origin = { kind: 'page', ref };
  const size = reader.size ? await reader.size(ref) : null;
  if (size !== null && size > limits.maxBytes) throw tooLarge(size, limits.maxBytes);
  const bytes = await reader.readBytes(ref);
  if (isHtmlRef(ref)) {
    if (bytes.byteLength > limits.maxBytes) throw tooLarge(bytes.byteLength, limits.maxBytes);
    const kind = binaryKind(bytes);
    if (kind !== null) throw new PageRefused(`not a text page (${kind})`);
    let hashInput = '';
    for (let i = 0; i < bytes.length; i += 8192) hashInput += String.fromCharCode(...bytes.subarray(i, i + 8192));
    // Loaded with the first HTML page: its DOM and Readability packages cost a text-only run ~0.25 s.
    const { parseHtmlPage } = await import('./html/parseHtmlPage.js');
    return { parsed: parseHtmlPage(bytes, origin, now), hashInput };
  }
  const text = pageText(bytes, limits);
  return { parsed: parsePage(text, origin), hashInput: text };
}
