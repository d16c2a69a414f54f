import { notModified } from '../render/conditional.js';
import { compressBytes, negotiateEncoding, type Compress, type ContentCoding } from '../render/contentEncoding.js';

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
  /** What its compressed representations are made with (default `compressBytes`). */
  compress?: Compress;
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

/** A rendered body (text, or its UTF-8 bytes) with its identity representation. */
export async function makeRendered(
  body: string | Uint8Array<ArrayBuffer>, lastModified: Date, sha256?: Sha256, compress?: Compress,
): Promise<Rendered> {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  return { lastModified, identity: await representation(bytes, sha256), encoded: {}, prepared: {}, sha256, compress };
}

/**
 * The representation for a content coding (null = identity). Each coding has its own strong
 * ETag, so a cache never mistakes gzip bytes for plain ones and a 304 names the exact bytes the
 * client holds.
 */
export function representationFor(rendered: Rendered, coding: ContentCoding | null): Promise<Representation> {
  if (coding === null) return Promise.resolve(rendered.identity);
  rendered.encoded[coding] ??= (rendered.compress ?? compressBytes)(rendered.identity.bytes, coding).then((bytes) => representation(bytes, rendered.sha256));
  return rendered.encoded[coding]!;
}

/** A request header by its lower-case name: its value (repeated fields joined by ", "), or null / undefined when absent. */
export type HeaderOf = (name: string) => string | null | undefined;

/** A feed response answered from the cache: the shared, frozen headers of its 200 or 304, and its body. */
export interface CachedAnswer {
  status: 200 | 304;
  headers: Readonly<Record<string, string>>;
  /** null for a 304 and for HEAD. */
  body: Uint8Array<ArrayBuffer> | null;
}

/**
 * What a feed document is made from, as one string: the full request URL (path and query) and
 * the request headers the format and the self links may depend on (Accept, the proxy headers).
 * Equal signatures are the same feed document, so a signature seen once names its cache key.
 */
export function requestSignature(url: string, header: HeaderOf): string {
  return `${url}\n${header('accept') ?? ''}\n${header('x-forwarded-proto') ?? ''}\n${header('x-forwarded-host') ?? ''}`;
}

/** The 200 or 304 (RFC 9110 conditional GET) for a request, from a prepared representation. */
export function answerFrom(rendered: Rendered, prepared: Prepared, method: string, header: HeaderOf): CachedAnswer {
  if (notModified(header('if-none-match'), () => header('if-modified-since'), prepared.etag, rendered.lastModified)) {
    return { status: 304, headers: prepared.notModified, body: null };
  }
  return { status: 200, headers: prepared.ok, body: method === 'HEAD' ? null : prepared.bytes };
}

/**
 * Rendered feeds by request key, valid for one store version: any write bumps the version and
 * the next request renders afresh. Bounded, least-recently-used eviction.
 */
export class RenderCache {
  private entries = new Map<string, { version: number; value: Rendered }>();
  /** Request signature → cache key, for every feed request answered so far (`answer`). */
  private keys = new Map<string, string>();
  /** Accept-Encoding values are few (each client sends the same one every time): each negotiated once. */
  private codings = new Map<string, ContentCoding | null>();
  /** Feed requests answered from a rendered entry, and renders (counted by the feed routes; /metrics reads them). */
  hits = 0;
  misses = 0;

  constructor(private readonly capacity = 1000) {}

  /** The content coding to send for an Accept-Encoding value (null: identity). */
  coding(acceptEncoding: string | null | undefined): ContentCoding | null {
    if (!acceptEncoding) return null;
    let coding = this.codings.get(acceptEncoding);
    if (coding === undefined) {
      coding = negotiateEncoding(acceptEncoding);
      if (this.codings.size >= 100) this.codings.clear();
      this.codings.set(acceptEncoding, coding);
    }
    return coding;
  }

  /** A feed request with this signature was answered with the entry at `key` (so it was a valid feed request). */
  remember(signature: string, key: string): void {
    if (this.keys.size >= this.capacity * 2) this.keys.clear();
    this.keys.set(signature, key);
  }

  /**
   * The answer to a feed request already answered once (same URL and headers a document depends
   * on) from the feed rendered for `version`, in the request's content coding; undefined when
   * there is none yet, and the feed routes must run. Counted as a hit.
   */
  answer(url: string, method: string, header: HeaderOf, version: number): CachedAnswer | undefined {
    const key = this.keys.get(requestSignature(url, header));
    if (key === undefined) return undefined;
    const rendered = this.get(key, version);
    const prepared = rendered?.prepared[this.coding(header('accept-encoding')) ?? 'identity'];
    if (!prepared) return undefined;
    this.hits++;
    return answerFrom(rendered!, prepared, method, header);
  }

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
