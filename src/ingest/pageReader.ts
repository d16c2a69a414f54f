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

/** Pages held in memory (the Workers bundle, tests): text, or bytes. */
export function memoryPages(pages: Record<string, string | Uint8Array>): PageReader {
  const get = (ref: string) => {
    const page = pages[ref];
    if (page === undefined) throw new Error(`no page ${ref}`);
    return page;
  };
  return {
    list: async () => Object.keys(pages).sort(),
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

/**
 * The pages bundled into the Worker (build/worker-data/pages.ts): text pages as text, HTML pages
 * as `{ base64 }` of their bytes, listed in the bundle's order (the Node door's folder walk).
 */
export function bundledPages(record: Record<string, string | { base64: string }>): PageReader {
  const get = (ref: string): string | Uint8Array => {
    const page = record[ref];
    if (page === undefined) throw new Error(`no page ${ref}`);
    return typeof page === 'string' ? page : Uint8Array.from(atob(page.base64), (c) => c.charCodeAt(0));
  };
  return {
    list: async () => Object.keys(record),
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
