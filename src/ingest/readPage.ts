import type { Origin } from '../item.js';
import { isHtmlRef, parseHtmlPage } from './html/parseHtmlPage.js';
import { type ParsedPage, parsePage } from './local/parsePage.js';
import type { PageReader } from './pageReader.js';

export interface ReadPage {
  parsed: ParsedPage;
  /** What the page's content hash is taken of: its text, or (HTML) its bytes as Latin-1. */
  hashInput: string;
}

/**
 * One local page, read and split by its kind: `.html` / `.htm` pages through the HTML extractor
 * (src/ingest/html/), every other page as plain text (src/ingest/local/).
 */
export async function readPage(reader: PageReader, ref: string, now: Date): Promise<ReadPage> {
  const origin: Origin = { kind: 'page', ref };
  if (isHtmlRef(ref)) {
    const bytes = await reader.readBytes(ref);
    let hashInput = '';
    for (let i = 0; i < bytes.length; i += 8192) hashInput += String.fromCharCode(...bytes.subarray(i, i + 8192));
    return { parsed: parseHtmlPage(bytes, origin, now), hashInput };
  }
  const text = await reader.read(ref);
  return { parsed: parsePage(text, origin), hashInput: text };
}
