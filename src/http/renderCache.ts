import { compressBytes, type ContentCoding } from '../render/contentEncoding.js';

/** One representation of a feed: the exact bytes sent and their strong validator. */
export interface Representation {
  bytes: Uint8Array<ArrayBuffer>;
  /** A strong ETag: a hash of exactly these bytes, so it changes exactly when they do. */
  etag: string;
}

/** A representation with the response headers of its 200 and its 304, made once and shared by every request. */
export interface Prepared extends Representation {
  ok: Readonly<Record<string, string>>;
  notModified: Readonly<Record<string, string>>;
}

/** A rendered feed document with its validators, computed once per store version. */
export interface Rendered {
  lastModified: Date;
  identity: Representation;
  /** Compressed representations, made on first request and kept with the entry. */
  encoded: Partial<Record<ContentCoding, Promise<Representation>>>;
  /** Representations with their headers, by coding ('identity' too), once made. */
  prepared: Partial<Record<ContentCoding | 'identity', Prepared>>;
  /** The hash its ETags are made with. */
  sha256?: Sha256;
}

/**
 * SHA-256 of some bytes. The Web Crypto default runs on a worker thread, so under load the wait
 * for it can exceed the work; a door may give a synchronous one (the Node door: node:crypto).
 */
export type Sha256 = (bytes: Uint8Array<ArrayBuffer>) => Uint8Array | Promise<Uint8Array>;

const webSha256: Sha256 = async (bytes) => new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));

async function representation(bytes: Uint8Array<ArrayBuffer>, sha256: Sha256 = webSha256): Promise<Representation> {
  const digest = await sha256(bytes);
  const hex = Array.from(digest.subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
  return { bytes, etag: `"${hex}"` };
}

/** A rendered body with its identity representation. */
export async function makeRendered(body: string, lastModified: Date, sha256?: Sha256): Promise<Rendered> {
  return { lastModified, identity: await representation(new TextEncoder().encode(body), sha256), encoded: {}, prepared: {}, sha256 };
}

/**
 * The representation for a content coding (null = identity). Each coding has its own strong
 * ETag, so a cache never mistakes gzip bytes for plain ones and a 304 names the exact bytes the
 * client holds.
 */
export function representationFor(rendered: Rendered, coding: ContentCoding | null): Promise<Representation> {
  if (coding === null) return Promise.resolve(rendered.identity);
  rendered.encoded[coding] ??= compressBytes(rendered.identity.bytes, coding).then((bytes) => representation(bytes, rendered.sha256));
  return rendered.encoded[coding]!;
}

/**
 * Rendered feeds by request key, valid for one store version: any write bumps the version and
 * the next request renders afresh. Bounded, least-recently-used eviction.
 */
export class RenderCache {
  private entries = new Map<string, { version: number; value: Rendered }>();
  /** Feed requests answered from a rendered entry, and renders (counted by the feed routes; /metrics reads them). */
  hits = 0;
  misses = 0;

  constructor(private readonly capacity = 1000) {}

  get(key: string, version: number): Rendered | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.version !== version) return undefined;
    // Refresh recency (a Map keeps insertion order), unless it is the newest already.
    if (this.entries.size > 1) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry.value;
  }

  set(key: string, version: number, value: Rendered): void {
    this.entries.delete(key);
    this.entries.set(key, { version, value });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}
