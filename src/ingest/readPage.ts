import type { PageReader } from './pageReader.js';
import { defaultPageLimits, tooLarge, type PageLimits } from './pageText.js';
import { type PageParse, type PageParser, parsePageBytes } from './parsePageBytes.js';

/**
 * One local page, read and parsed (`parsePageBytes`, or the `parse` given). A page whose size is
 * known to be over the cap is refused (a `PageRefused`) unread; a page that cannot be read throws
 * the reader's error.
 */
export async function readPage(
  reader: PageReader, ref: string, now: Date, limits: PageLimits = defaultPageLimits, parse: PageParser = parsePageBytes,
): Promise<PageParse> {
  const size = reader.size ? await reader.size(ref) : null;
  if (size !== null && size > limits.maxBytes) throw tooLarge(size, limits.maxBytes);
  return parse({ ref, bytes: await reader.readBytes(ref), now, limits });
}
