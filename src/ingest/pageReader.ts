/**
 * Local pages as the ingestion sees them, whatever holds them: a folder on Node, a bundle on
 * Workers. `ref` is the page's path relative to the pages folder (`seed/003_x.txt`). Pages are
 * read as bytes (`readPage` checks that a text page is text, and reads an HTML page's charset
 * from the bytes themselves); `read` gives the text as UTF-8.
 */
export interface PageReader {
  /** Every page; throws (with a message naming the folder) when the folder cannot be listed. */
  list(): Promise<string[]>;
  read(ref: string): Promise<string>;
  readBytes(ref: string): Promise<Uint8Array>;
  /** Its size in bytes, when known without reading it: a page over the cap is refused unread. */
  size?(ref: string): Promise<number>;
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

