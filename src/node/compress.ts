import { deflate, gzip } from 'node:zlib';
import type { Compress } from '../render/contentEncoding.js';

/**
 * gzip and deflate by node:zlib (on libuv's thread pool), with the default settings
 * `CompressionStream` uses on Node, so the same bytes as `compressBytes`, without web streams.
 */
export const nodeCompress: Compress = (bytes, coding) =>
  new Promise((resolve, reject) => {
    (coding === 'gzip' ? gzip : deflate)(bytes, (error, out) => {
      if (error) reject(error);
      // A small result may be a slice of Node's shared buffer pool: then a copy of its own.
      else resolve(out.byteOffset === 0 && out.byteLength === out.buffer.byteLength ? new Uint8Array(out.buffer as ArrayBuffer) : new Uint8Array(out));
    });
  });
