import { createHash } from 'node:crypto';

/** SHA-256 on this thread (node:crypto): for feed ETags, no wait for a worker thread. */
export const nodeSha256 = (bytes: Uint8Array): Uint8Array => createHash('sha256').update(bytes).digest();
