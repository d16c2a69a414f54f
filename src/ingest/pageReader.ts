/**
 * Local pages as the ingestion sees them, whatever holds them: a folder on Node, a bundle on
 * Workers. `ref` is the page's path relative to the pages folder (`seed/003_x.txt`).
 */
export interface PageReader {
  list(): Promise<string[]>;
  read(ref: string): Promise<string>;
}

/**
 * Pages held in memory (the Workers bundle, tests), listed sorted by path, or in the record's own
 * order with `keepOrder` (the Workers bundle is written in the Node folder walk's order).
 */
export function memoryPages(pages: Record<string, string>, options: { keepOrder?: boolean } = {}): PageReader {
  return {
    list: async () => (options.keepOrder ? Object.keys(pages) : Object.keys(pages).sort()),
    read: async (ref) => {
      const text = pages[ref];
      if (text === undefined) throw new Error(`no page ${ref}`);
      return text;
    },
  };
}
