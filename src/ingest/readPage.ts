import type { PageReader } from './pageReader.js';
import { defaultPageLimits, tooLarge, type PageLimits } from './pageText.js';
import type { PageParse, PageParser } from './parsePageBytes.js';

/**
 * `parsePageBytes` in this thread, its code (the page parser, its word lists) loaded with the
 * first page: a run whose pages are parsed elsewhere (the Node door's worker threads) never loads it.
 */
export const parseInThisThread: PageParser = async (page) => (await import('./parsePageBytes.js')).parsePageBytes(page);

/**
 * One local page, read and parsed (in this thread, or by the `parse` given). A page whose size is
 * known to be over the cap is refused (a `PageRefused`) unread; a page that cannot be read throws
 * the reader's error.
 */
export async function readPage(
  reader: PageReader, ref: string, now: Date, limits: PageLimits = defaultPageLimits, parse: PageParser = parseInThisThread,
): Promise<PageParse> {
  const size = reader.size ? await reader.size(ref) : null;
  if (size !== null && size > limits.maxBytes) throw tooLarge(size, limits.maxBytes);
  return parse({ ref, bytes: await reader.readBytes(ref), now, limits });
}
