import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** Text at least this long is hashed by the platform (Web Crypto), shorter text in JavaScript. */
const platformFrom = 4096;

/**
 * Hex SHA-256 of a string (Node and Workers alike). Item ids hash a short string per article:
 * Web Crypto's `digest` costs ~0.1 ms a call on Node (a job on the thread pool and its promise),
 * the synchronous JavaScript hash ~2 µs (bench/RESULTS.md, 2026-12-01 ingestion). A whole page
 * (its content hash, tens of kilobytes) is the other way round: native code hashes it several
 * times faster than JavaScript that has not warmed up, so from `platformFrom` characters on the
 * platform does it. Both give the same digest.
 */
export async function sha256Hex(text: string): Promise<string> {
  const bytes = utf8ToBytes(text);
  if (text.length < platformFrom) return bytesToHex(sha256(bytes));
  return bytesToHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
}
