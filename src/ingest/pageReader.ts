/**
 * Local pages as the ingestion sees them, whatever holds them: a folder on Node, a bundle on
 * Workers. `ref` is the page's path relative to the pages folder (`seed/003_x.txt`). Text pages
 * (`.txt`) are read as UTF-8 text; HTML pages (`.html`, `.htm`) as bytes, since their charset is
 * read from the bytes themselves.
 */
export interface PageReader {
  list(): Promise<string[]>;
  read(ref: string): Promise<string>;
  readBytes(ref: string): Promise<Uint8Array>;
}

/**
 * Pages held in memory (the Workers bundle, tests): text, or bytes. Listed sorted by path, or in
 * the record's own order with `keepOrder` (the Workers bundle is in the Node folder walk's order).
 */
export function memoryPages(pages: Record<string, string | Uint8Array>, options: { keepOrder?: boolean } = {}): PageReader {
  const get = (ref: string) => {
    const page = pages[ref];
    if (page === undefined) throw new Error(`no page ${ref}`);
    return page;
  };
  return {
    list: async () => (options.keepOrder ? Object.keys(pages) : Object.keys(pages).sort()),
    read: async (ref) => {
      const page = get(ref);
      return typeof page === 'string' ? page : new TextDecoder().decode(page);
    },
    readBytes: async (ref) => {
      const page = get(ref);
      return typeof page === 'string' ? new TextEncoder().encode(page) : page;
    },
  };
}

