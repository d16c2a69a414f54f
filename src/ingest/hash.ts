import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * Hex SHA-256 of a string, computed synchronously in JavaScript (Node and Workers alike). Item
 * ids hash a short string per article: Web Crypto's `digest` costs ~0.1 ms a call on Node (a job
 * on the thread pool and its promise), this ~2 µs (bench/RESULTS.md, 2026-12-01 ingestion).
 */
export async function sha256Hex(text: string): Promise<string> {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
