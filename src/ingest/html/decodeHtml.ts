/**
 * HTML bytes to text: the byte order mark wins, then the HTTP `charset` (fetched pages), then the
 * page's own `<meta charset>` / `http-equiv` declaration, then UTF-8. The same decoder as upstream
 * feeds (`decodeBody`); a declared charset this runtime does not know is ignored (UTF-8 is read),
 * as browsers do, and said in `note`. One exception to the page's own declaration: bytes that are
 * valid UTF-8 with non-ASCII text in them are UTF-8 whatever the `<meta>` says (a scraper that
 * saves pages as UTF-8 keeps the original declaration; legacy-encoded text is practically never
 * valid UTF-8).
 */
import { charsetFromContentType, decodeBody, type DecodedBody } from '../upstream/decodeBody.js';
import { sniffCharset } from './sniffCharset.js';

export interface DecodedHtml extends DecodedBody {
  /** Set when a declaration was not usable. */
  note: string | null;
}

const hasBom = (b: Uint8Array) =>
  (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) || (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);

function knownLabel(label: string): boolean {
  try {
    new TextDecoder(label.trim().toLowerCase());
    return true;
  } catch {
    return false;
  }
}

export function decodeHtml(bytes: Uint8Array, contentType: string | null = null): DecodedHtml {
  const http = charsetFromContentType(contentType);
  if (hasBom(bytes) || (http !== null && knownLabel(http))) return { ...decodeBody(bytes, contentType), note: null };
  const declared = sniffCharset(bytes);
  if (declared !== null && knownLabel(declared)) {
    const decoded = decodeBody(bytes, `text/html; charset=${declared}`);
    if (decoded.encoding !== 'utf-8' && isUtf8Text(bytes)) {
      return { ...decodeBody(bytes, null), note: `declares ${decoded.encoding} but the bytes are UTF-8: read as UTF-8` };
    }
    return { ...decoded, note: null };
  }
  const unusable = http ?? declared;
  return {
    ...decodeBody(bytes, null),
    note: unusable === null ? null : `unknown charset ${JSON.stringify(unusable.slice(0, 40))}, read as UTF-8`,
  };
}

/** Non-ASCII bytes that form valid UTF-8 throughout. */
function isUtf8Text(bytes: Uint8Array): boolean {
  if (!bytes.some((b) => b >= 0x80)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
