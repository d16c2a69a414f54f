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

/** Equal as data (strings, numbers, booleans, null, dates, arrays, plain objects). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => sameData(v, b[i]));
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * Rendered parts, each under a key with the data it was made from: a part is reused only for
 * equal data (so a changed item is rendered again, whatever its key). Least recently used out.
 */
export class FeedFragments {
  private readonly parts = new Map<string, { data: unknown; part: string }>();

  constructor(private readonly capacity = 4000) {}

  get(key: string, data: unknown, make: () => string): string {
    let entry = this.parts.get(key);
    if (entry === undefined || !sameData(entry.data, data)) {
      entry = { data, part: make() };
      if (this.parts.size >= this.capacity) this.parts.delete(this.parts.keys().next().value!);
    }
    // Most recently used last.
    this.parts.delete(key);
    this.parts.set(key, entry);
    return entry.part;
  }

  get size(): number {
    return this.parts.size;
  }
}

/**
 * The document `render(ctx)` writes, joined from cached parts. An entry depends on its item, the
 * site root and the feed's entry scope (its path and search), which are in its key; the frame on
 * everything but the items.
 */
export function renderFromFragments(format: FeedFormat, ctx: FeedContext, render: (ctx: FeedContext) => string, fragments: FeedFragments): string {
  const { close, separator } = closers[format];
  const { items, ...rest } = ctx;
  const frame = fragments.get(`frame ${format} ${ctx.selfUrl}`, rest, () => render({ ...ctx, items: [] }));
  if (!frame.endsWith(format === 'json' ? `[${close}` : close)) return render(ctx);
  const open = frame.slice(0, frame.length - close.length);
  const scope = `${format} ${ctx.baseUrl} ${ctx.feed.path} ${ctx.q ?? ''}`;
  const entries: string[] = [];
  for (const item of items) {
    const entry = fragments.get(`entry ${scope} ${item.id}`, item, () => {
      const alone = render({ ...ctx, items: [item] });
      return alone.startsWith(open) && alone.endsWith(close) ? alone.slice(open.length, alone.length - close.length) : '';
    });
    if (entry === '') return render(ctx);
    entries.push(entry);
  }
  return open + entries.join(separator) + close;
}
