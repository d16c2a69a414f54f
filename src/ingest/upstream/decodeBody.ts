/**
 * Bytes to text: the byte order mark wins, then the HTTP `charset`, then the XML declaration's
 * `encoding`, then UTF-8. Uses the Web `TextDecoder` (WHATWG labels: windows-1251, koi8-r,
 * iso-8859-x, utf-16le/be ...), available with full ICU on Node and on Workers. Malformed byte
 * sequences become U+FFFD; an unknown label is a `decode:` error. The result has no BOM.
 */
import { UpstreamError } from './upstreamError.js';

export interface DecodedBody {
  text: string;
  /** The WHATWG encoding name actually used (`windows-1251`). */
  encoding: string;
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** `charset` parameter of a Content-Type header. */
export function charsetFromContentType(contentType: string | null): string | null {
  if (!contentType) return null;
  const m = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType);
  return m ? m[2] : null;
}

/** `encoding` of the XML declaration, read in an ASCII-compatible way or as BOM-less UTF-16. */
function declaredEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] === 0x3f && bytes[3] === 0x00) return 'utf-16le';
  if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00 && bytes[3] === 0x3f) return 'utf-16be';
  let head = '';
  for (let i = 0; i < Math.min(bytes.length, 512); i++) head += String.fromCharCode(bytes[i]);
  const m = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return m ? m[1] : null;
}

function decoderFor(label: string, origin: string): TextDecoder {
  try {
    return new TextDecoder(label.trim().toLowerCase());
  } catch {
    throw new UpstreamError('decode', `unsupported charset ${JSON.stringify(label)} (from ${origin})`);
  }
}

export function decodeBody(bytes: Uint8Array, contentType: string | null): DecodedBody {
  const bom = bomEncoding(bytes);
  const http = bom ? null : charsetFromContentType(contentType);
  const xml = bom || http ? null : declaredEncoding(bytes);
  let decoder: TextDecoder;
  if (bom) decoder = decoderFor(bom, 'byte order mark');
  else if (http) decoder = decoderFor(http, 'Content-Type');
  else if (xml) decoder = decoderFor(xml, 'XML declaration');
  else decoder = new TextDecoder('utf-8');
  // A UTF-16 label on bytes without a BOM and with an ASCII-looking head is a lie (common with
  // `encoding="UTF-16"` declarations on UTF-8 files): read UTF-8 instead of garbage.
  if (!bom && decoder.encoding.startsWith('utf-16') && bytes[0] !== 0 && bytes[1] !== 0) {
    decoder = new TextDecoder('utf-8');
  }
  // The BOM is skipped only when it matches the decoder; strip any that remains.
  const text = decoder.decode(bytes).replace(/^\uFEFF/, '');
  return { text, encoding: decoder.encoding };
}
