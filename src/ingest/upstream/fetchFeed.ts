/**
 * Fetch one feed with the Web `fetch` (same code on Node and Workers): conditional GET, manual
 * redirects with a hop limit and a scheme / private-host check on every hop, one overall timeout
 * and a size cap enforced while the body streams in. Failures throw `UpstreamError('fetch', ...)`.
 */
import { isPrivateHost } from './isPrivateHost.js';
import { UpstreamError } from './upstreamError.js';
import type { Limits } from './types.js';

export interface FetchRequest {
  url: string;
  etag: string | null;
  lastModified: string | null;
  allowPrivate: boolean;
  /**
   * The one host (`host:port` as in `URL.host`) allowed to be private when `allowPrivate` is
   * false: an article page on the host of a feed that may be private, and no other host.
   */
  allowPrivateHost?: string;
  /** `Accept` header; a feed's by default. */
  accept?: string;
}

export interface FetchOptions {
  fetch: typeof fetch;
  userAgent: string;
  now: () => Date;
  limits: Pick<Limits, 'timeoutMs' | 'maxBytes' | 'maxRedirects'>;
  /** Every address of a hostname (see `UpstreamDeps.resolveHost`); checked before each hop. */
  resolveHost?: (hostname: string) => Promise<string[]>;
  /** A fetch that connects only to these (checked) addresses (see `UpstreamDeps.pinnedFetch`). */
  pinnedFetch?: PinnedFetch;
}

/** A `fetch` bound to the addresses a hostname was checked at, and how to let its connections go. */
export type PinnedFetch = (hostname: string, addresses: string[]) => { fetch: typeof fetch; close(): Promise<void> };

export type FetchResult =
  | { status: 'ok'; body: Uint8Array<ArrayBuffer>; contentType: string | null; etag: string | null; lastModified: string | null; url: string }
  | { status: 'unchanged'; etag: string | null; lastModified: string | null };

const accept =
  'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, ' +
  'application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';

/** `Retry-After` as delay-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: Date): Date | null {
  if (!value) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return new Date(now.getTime() + Number(text) * 1000);
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : new Date(at);
}

/** Whether this request may reach a private address at `url`. */
const privateAllowed = (req: FetchRequest, url: URL) => req.allowPrivate || (req.allowPrivateHost !== undefined && url.host === req.allowPrivateHost);

/** The URL as a `URL` when it is http(s) and allowed; otherwise a fetch error. */
function checkUrl(raw: string, base: string | undefined, req: FetchRequest): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new UpstreamError('fetch', `invalid URL ${JSON.stringify(raw.slice(0, 200))}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UpstreamError('fetch', `refusing ${url.protocol} URL (only http and https)`);
  }
  if (!privateAllowed(req, url) && isPrivateHost(url.hostname)) {
    throw new UpstreamError('fetch', `refusing private address ${url.hostname}`);
  }
  return url;
}

/** An address from a DNS answer, in `URL.hostname` form (IPv6 in brackets) for `isPrivateHost`. */
const asHostname = (address: string) => (address.includes(':') ? `[${address.replace(/%.*$/, '')}]` : address);

/** A literal IPv4 or (bracketed) IPv6 host: nothing to resolve. */
const isIpLiteral = (hostname: string) => /^\d{1,3}(?:\.\d{1,3}){3}$/.test(hostname) || hostname.startsWith('[');

/**
 * Refuse a host that resolves to a private address (unless the source allows it). A name that does
 * not resolve fails here with the resolver's reason. A resolver slower than the request's timeout
 * loses to the abort.
 */
async function checkResolved(url: URL, allowPrivate: boolean, opts: FetchOptions, signal: AbortSignal): Promise<string[] | null> {
  if (allowPrivate || !opts.resolveHost || isIpLiteral(url.hostname)) return null;
  const host = url.hostname.replace(/\.$/, '');
  let addresses: string[];
  try {
    addresses = await new Promise<string[]>((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason);
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      opts.resolveHost!(host).then(resolve, reject);
    });
  } catch (err) {
    if (signal.aborted) throw err;
    const code = (err as { code?: unknown }).code;
    throw new UpstreamError('fetch', `cannot resolve ${host} (${typeof code === 'string' ? code : err instanceof Error ? err.message : String(err)})`);
  }
  if (addresses.length === 0) throw new UpstreamError('fetch', `cannot resolve ${host} (no address)`);
  const bad = addresses.find((address) => isPrivateHost(asHostname(address)) || !/^[\d.]+$|:/.test(address));
  if (bad !== undefined) throw new UpstreamError('fetch', `refusing ${host}: it resolves to private address ${bad}`);
  return addresses;
}

async function discard(res: Response): Promise<void> {
  await res.body?.cancel().catch(() => undefined);
}

/** Read the body, stopping (and cancelling the stream) as soon as it passes `maxBytes`. */
async function readCapped(res: Response, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const tooLarge = () => new UpstreamError('fetch', `response larger than ${maxBytes} bytes`);
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await discard(res);
    throw tooLarge();
  }
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

function networkDetail(err: unknown): string {
  const cause = (err as { cause?: { code?: unknown; message?: unknown } }).cause;
  const code = typeof cause?.code === 'string' ? cause.code : null;
  const message = typeof cause?.message === 'string' ? cause.message : err instanceof Error ? err.message : String(err);
  return `network error (${code ?? message})`;
}

export async function fetchFeed(req: FetchRequest, opts: FetchOptions): Promise<FetchResult> {
  const { timeoutMs, maxBytes, maxRedirects } = opts.limits;
  const controller = new AbortController();
  const pins: { close(): Promise<void> }[] = [];
  let timedOut = false;
  /** Set once the answer is whole (body read or discarded): nothing is left to abort. */
  let settled = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    let url = checkUrl(req.url, undefined, req);
    const headers: Record<string, string> = { 'User-Agent': opts.userAgent, Accept: req.accept ?? accept };
    if (req.etag) headers['If-None-Match'] = req.etag;
    if (req.lastModified) headers['If-Modified-Since'] = req.lastModified;
    for (let hop = 0; ; hop++) {
      // The addresses checked are the ones connected to (Node): a second DNS answer (rebinding)
      // is never asked for. Each redirect hop is resolved, checked and pinned again.
      const addresses = await checkResolved(url, privateAllowed(req, url), opts, controller.signal);
      const pinned = addresses !== null && opts.pinnedFetch ? opts.pinnedFetch(url.hostname, addresses) : null;
      if (pinned) pins.push(pinned);
      const res = await (pinned?.fetch ?? opts.fetch)(url.href, { headers, redirect: 'manual', signal: controller.signal });
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && res.status !== 304 && location !== null) {
        await discard(res);
        if (hop >= maxRedirects) throw new UpstreamError('fetch', 'too many redirects');
        url = checkUrl(location, url.href, req);
        continue;
      }
      if (res.status === 304) {
        await discard(res);
        settled = true;
        return { status: 'unchanged', etag: res.headers.get('etag') ?? req.etag, lastModified: res.headers.get('last-modified') ?? req.lastModified };
      }
      if (res.status < 200 || res.status >= 300) {
        await discard(res);
        const retryAfter = res.status === 429 || res.status === 503 ? parseRetryAfter(res.headers.get('retry-after'), opts.now()) : null;
        throw new UpstreamError('fetch', `HTTP ${res.status}`, retryAfter);
      }
      const body = await readCapped(res, maxBytes);
      settled = true;
      return {
        status: 'ok',
        body,
        contentType: res.headers.get('content-type'),
        etag: res.headers.get('etag'),
        lastModified: res.headers.get('last-modified'),
        url: url.href,
      };
    }
  } catch (err) {
    if (timedOut) throw new UpstreamError('fetch', `timeout after ${timeoutMs} ms`);
    if (err instanceof UpstreamError) throw err;
    throw new UpstreamError('fetch', networkDetail(err));
  } finally {
    clearTimeout(timer);
    // A request or body still under way (an error, a redirect's hop) is let go; a whole answer
    // has nothing left to abort (aborting it anyway cost a DOMException and undici's listeners).
    if (!settled) controller.abort();
    for (const pin of pins) void pin.close().catch(() => undefined);
  }
}
