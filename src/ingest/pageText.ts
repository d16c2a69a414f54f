/**
 * A local page's bytes to its text, or a refusal that says why: a page over the size cap is
 * "page too large (21.0 MB > 5 MB)"; a file that is not text (a known binary signature, NUL bytes,
 * invalid UTF-8 or control characters in bulk) is "not a text page (...)". A refused page yields
 * no item at all, never a partial one. UTF-8 (with or without BOM) and BOM-marked UTF-16 are read.
 */

export interface PageLimits {
  /** Largest page read, in bytes (PAGE_MAX_BYTES). */
  maxBytes: number;
}

export const defaultPageLimits: PageLimits = { maxBytes: 5 * 1024 * 1024 };

/** A page refused before it is parsed; the message is the whole explanation. */
export class PageRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PageRefused';
  }
}

/** `21 MB`, `5.5 MB`, `512 KB`: sizes as the refusal states them (1 MB = 1024 KB = 1 048 576 bytes). */
function size(bytes: number): string {
  const [value, unit] = bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), 'MB'] : [bytes / 1024, 'KB'];
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`;
}

export function tooLarge(bytes: number, maxBytes: number): PageRefused {
  return new PageRefused(`page too large (${size(bytes)} > ${size(maxBytes)})`);
}

/** File signatures of formats that are never text pages. */
const signatures: [string, number[]][] = [
  ['PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['ZIP archive or office document', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip archive', [0x1f, 0x8b]],
  ['bzip2 archive', [0x42, 0x5a, 0x68]],
  ['7-Zip archive', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
  ['xz archive', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
  ['ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['Windows executable', [0x4d, 0x5a, 0x90, 0x00]],
  ['SQLite database', [...'SQLite format 3'].map((c) => c.charCodeAt(0)).concat(0)],
  ['RIFF media (WAV, AVI, WebP)', [0x52, 0x49, 0x46, 0x46]],
  ['Ogg media', [0x4f, 0x67, 0x67, 0x53]],
  ['MP3 audio', [0x49, 0x44, 0x33]],
  ['WebAssembly module', [0x00, 0x61, 0x73, 0x6d]],
  ['Mach-O executable', [0xcf, 0xfa, 0xed, 0xfe]],
];

/** More than this share of characters broken (U+FFFD from invalid UTF-8) or control: not text. */
const maxBadShare = 0.01;
/** ...unless there are at most this many: a few stray bytes in a real page are cleaned, not refused. */
const badAllowed = 16;

/** The binary format these bytes start with (`PNG image`), or null. */
export function binaryKind(bytes: Uint8Array): string | null {
  for (const [name, sig] of signatures) {
    if (bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b)) return name;
  }
  // ISO base media (MP4, MOV, HEIC): "ftyp" at offset 4.
  if (bytes.length >= 8 && bytes[4] === 0x66 && bytes[5] === 0x74 && bytes[6] === 0x79 && bytes[7] === 0x70) return 'MP4/QuickTime media';
  return null;
}

/** The characters that are neither text nor ordinary whitespace. */
function badCharacters(text: string, countReplacement: boolean): { nul: number; bad: number } {
  let nul = 0;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) nul++;
    else if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || (c === 0xfffd && countReplacement)) bad++;
  }
  return { nul, bad };
}

function judge(text: string, countReplacement: boolean): string {
  const { nul, bad } = badCharacters(text, countReplacement);
  if (nul > 0) throw new PageRefused(`not a text page (${nul} NUL byte${nul === 1 ? '' : 's'}: a binary file?)`);
  if (bad > badAllowed && bad > text.length * maxBadShare) {
    const share = Math.max(1, Math.round((bad / Math.max(1, text.length)) * 100));
    throw new PageRefused(`not a text page (${share}% of its characters are invalid UTF-8 or control characters)`);
  }
  return text;
}

/** UTF-8 byte length of a string, without encoding it. */
function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** The page's text, or a `PageRefused`. `raw` is the file's bytes or, from a bundle, its text. */
export function pageText(raw: Uint8Array | string, limits: PageLimits = defaultPageLimits): string {
  if (typeof raw === 'string') {
    // UTF-16 code units never outnumber UTF-8 bytes: only a long string needs counting.
    const bytes = raw.length > limits.maxBytes ? raw.length : raw.length * 3 > limits.maxBytes ? utf8Length(raw) : 0;
    if (bytes > limits.maxBytes) throw tooLarge(bytes, limits.maxBytes);
    return judge(raw.replace(/^\uFEFF/, ''), false);
  }
  if (raw.byteLength > limits.maxBytes) throw tooLarge(raw.byteLength, limits.maxBytes);
  if (raw[0] === 0xff && raw[1] === 0xfe) return judge(new TextDecoder('utf-16le').decode(raw.subarray(2)), true);
  if (raw[0] === 0xfe && raw[1] === 0xff) return judge(new TextDecoder('utf-16be').decode(raw.subarray(2)), true);
  const kind = binaryKind(raw);
  if (kind !== null) throw new PageRefused(`not a text page (${kind})`);
  // The decoder drops a UTF-8 BOM; every invalid sequence becomes U+FFFD and is counted.
  return judge(new TextDecoder('utf-8').decode(raw), true);
}
