/**
 * The Node door's answer to a feed request it has answered before, straight from the render
 * cache and before Hono: no Request/Response objects, no routing, no header object per request.
 * The feed routes decide everything (which requests are valid feeds, the bytes, every header, the
 * 304); this only replays their cached answer (`RenderCache.answer`, the same function the routes'
 * own hot path calls), and anything it does not recognise goes on to the app unchanged.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HeaderOf, RenderCache } from '../http/renderCache.js';
import type { ItemStore } from '../store/store.js';

// The URL @hono/node-server builds for the app (`c.req.url`) is `scheme://host/path` as sent when
// the host and path pass these (its src/url.ts); other requests it normalises, so they go to the app.
const plainHost = /^[a-z0-9._-]+(?::(?:[1-5]\d{3,4}|[6-9]\d{3}))?$/;
const plainPath = /^\/[!#$&-;=?-\[\]_a-z~]*$/;
const dotSegment = /\/\.\.?(?:[/?#]|$)/;

/** Of the fields read, the one Node keeps once (it drops repeats) but a Web `Headers` joins: read from the raw list. */
const keptOnce = 'if-modified-since';

/**
 * A request listener's first step: true when it answered the request (a cached feed), false when
 * the request must go to the app.
 */
export function cachedFeedAnswerer(
  cache: RenderCache, store: ItemStore, answered: (status: number, started: number) => void,
): (incoming: IncomingMessage, outgoing: ServerResponse) => boolean {
  return (incoming, outgoing) => {
    const started = performance.now();
    // GET only: Hono answers HEAD by copying the GET response's headers into a new Response
    // (lower-case names, sorted), and HEAD stays exactly as it was.
    if (incoming.method !== 'GET') return false;
    const version = store.knownVersion?.();
    if (version === undefined) return false;
    const path = incoming.url!;
    const host = incoming.headers.host;
    if (!host || !plainHost.test(host) || !plainPath.test(path) || dotSegment.test(path)) return false;
    const scheme = (incoming.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
    const answer = cache.answer(`${scheme}://${host}${path}`, 'GET', headerOf(incoming), version);
    if (!answer) return false;
    outgoing.writeHead(answer.status, answer.headers);
    if (answer.body) outgoing.end(answer.body);
    else outgoing.end();
    answered(answer.status, started);
    return true;
  };
}

/** Request header values as a Web `Headers.get` gives them (@hono/node-server's request headers do the same). */
function headerOf(incoming: IncomingMessage): HeaderOf {
  return (name) => {
    if (name === keptOnce) return joinedRaw(incoming.rawHeaders, name);
    const value = incoming.headers[name];
    return typeof value === 'string' ? trimWhitespace(value) : value?.join(', ');
  };
}

function joinedRaw(raw: string[], name: string): string | null {
  let value: string | null = null;
  for (let i = 0; i < raw.length; i += 2) {
    if (raw[i]!.length === name.length && raw[i]!.toLowerCase() === name) {
      const v = trimWhitespace(raw[i + 1]!);
      value = value === null ? v : `${value}, ${v}`;
    }
  }
  return value;
}

const httpWhitespace = (code: number) => code === 9 || code === 10 || code === 13 || code === 32;

function trimWhitespace(value: string): string {
  if (value === '' || (!httpWhitespace(value.charCodeAt(0)) && !httpWhitespace(value.charCodeAt(value.length - 1)))) return value;
  return value.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
}
