import { LRUCache } from 'lru-cache';
import type { FeedContext } from './feedContext.js';
import type { FeedFormat } from './formats.js';

/**
 * A feed document made of parts rendered once: the document around its entries, and each entry,
 * each made by the format's own renderer (the `feed` package for RSS and Atom) and kept until its
 * item changes. A feed whose items did not change (the store changed elsewhere) is then joined
 * from parts instead of rendered again, byte for byte what the renderer writes for the whole.
 *
 * How: the renderer writes the document for no items (the frame) and for each item alone; the
 * frame's last characters close the document (`closers`), and an entry is what the one-item
 * document has in their place before them. Entries are written independently of each other by
 * all three renderers (xml-js serialises each element on its own at a fixed depth; JSON Feed
 * items are JSON values in an array), so frame + entries + closer is the whole document. Should a
 * renderer ever write otherwise, the check below finds it and the whole document is rendered.
 */
const closers: Record<FeedFormat, { close: string; separator: string }> = {
  atom: { close: '\n</feed>', separator: '' },
  rss: { close: '\n    </channel>\n</rss>', separator: '' },
  json: { close: ']}', separator: ',' },
};

const encoder = new TextEncoder();
const utf8Closers = Object.fromEntries(
  Object.entries(closers).map(([format, { close, separator }]) => [format, { close: encoder.encode(close), separator: encoder.encode(separator) }]),
) as Record<FeedFormat, { close: Uint8Array; separator: Uint8Array }>;

/**
 * Equal as data (strings, numbers, booleans, null, dates, arrays, plain objects; an own property
 * set to undefined is not the same as none). Allocates nothing: it runs for every item of every
 * feed rendered.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let keys = 0;
  for (const k in x) {
    if (!Object.hasOwn(x, k)) continue;
    keys++;
    if (!Object.hasOwn(y, k) || !sameData(x[k], y[k])) return false;
  }
  for (const k in y) if (Object.hasOwn(y, k)) keys--;
  return keys === 0;
}

/** A rendered part: its text, and its UTF-8 bytes once asked for (`utf8`). */
export interface Part {
  text: string;
  bytes: Uint8Array | null;
}

/** The part's UTF-8 bytes, encoded once. */
function utf8(part: Part): Uint8Array {
  return (part.bytes ??= encoder.encode(part.text));
}

/**
 * Rendered parts, each under a key with the data it was made from: a part is reused only for
 * equal data (so a changed item is rendered again, whatever its key). The least recently used go first
 * (lru-cache: a hit moves no Map entry, so V8 never copies the table; bench/RESULTS.md History, 2026-12-01 15:30).
 */
export class FeedFragments {
  private readonly parts: LRUCache<string, { data: unknown; part: Part }>;

  constructor(capacity = 4000) {
    this.parts = new LRUCache({ max: capacity });
  }

  get(key: string, data: unknown, make: () => string): Part {
    let entry = this.parts.get(key);
    if (entry === undefined || !sameData(entry.data, data)) {
      entry = { data, part: { text: make(), bytes: null } };
      this.parts.set(key, entry);
    }
    return entry.part;
  }

  get size(): number {
    return this.parts.size;
  }
}

/**
 * The parts of the document `render(ctx)` writes: the frame up to its closer and each entry, or
 * null when the renderer did not write it that way (then it is rendered whole). An entry depends
 * on its item, the site root and the feed's entry scope (its path and search), which are in its
 * key; the frame on everything but the items.
 */
function documentParts(format: FeedFormat, ctx: FeedContext, render: (ctx: FeedContext) => string, fragments: FeedFragments): Part[] | null {
  const { close } = closers[format];
  const { items, ...rest } = ctx;
  const end = format === 'json' ? `[${close}` : close;
  // The frame less its closer ('' if it does not end with it).
  const open = fragments.get(`frame ${format} ${ctx.selfUrl}`, rest, () => {
    const frame = render({ ...ctx, items: [] });
    return frame.endsWith(end) ? frame.slice(0, frame.length - close.length) : '';
  });
  if (open.text === '') return null;
  const scope = `${format} ${ctx.baseUrl} ${ctx.feed.path} ${ctx.q ?? ''}`;
  const parts = [open];
  for (const item of items) {
    const entry = fragments.get(`entry ${scope} ${item.id}`, item, () => {
      const alone = render({ ...ctx, items: [item] });
      return alone.startsWith(open.text) && alone.endsWith(close) ? alone.slice(open.text.length, alone.length - close.length) : '';
    });
    if (entry.text === '') return null;
    parts.push(entry);
  }
  return parts;
}

/** The document `render(ctx)` writes, joined from cached parts. */
export function renderFromFragments(format: FeedFormat, ctx: FeedContext, render: (ctx: FeedContext) => string, fragments: FeedFragments): string {
  const parts = documentParts(format, ctx, render, fragments);
  if (!parts) return render(ctx);
  const { close, separator } = closers[format];
  return parts[0]!.text + parts.slice(1).map((p) => p.text).join(separator) + close;
}

/**
 * The same document as UTF-8 bytes, copied from the parts' bytes (each encoded once): no string
 * of the whole is made, so a feed made of cached parts allocates little more than its bytes.
 * (Parts begin and end with markup, never inside a character, so their encodings join to the
 * encoding of the whole.)
 */
export function renderBytesFromFragments(
  format: FeedFormat, ctx: FeedContext, render: (ctx: FeedContext) => string, fragments: FeedFragments,
): Uint8Array<ArrayBuffer> {
  const parts = documentParts(format, ctx, render, fragments);
  if (!parts) return encoder.encode(render(ctx));
  const { close, separator } = utf8Closers[format];
  let length = close.length + separator.length * Math.max(0, parts.length - 2);
  for (const part of parts) length += utf8(part).length;
  const bytes = new Uint8Array(length);
  let at = 0;
  for (let i = 0; i < parts.length; i++) {
    if (i > 1) {
      bytes.set(separator, at);
      at += separator.length;
    }
    const part = parts[i]!.bytes!;
    bytes.set(part, at);
    at += part.length;
  }
  bytes.set(close, at);
  return bytes;
}
