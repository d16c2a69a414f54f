/**
 * Local pages as the ingestion sees them, whatever holds them: a folder on Node, a bundle on
 * Workers. `ref` is the page's path relative to the pages folder (`seed/003_x.txt`).
 */
export interface PageReader {
  /** Every page; throws (with a message naming the folder) when the folder cannot be listed. */
  list(): Promise<string[]>;
  /** The page's bytes (a folder: checked for text by `pageText`) or its text (a bundle). */
  read(ref: string): Promise<Uint8Array | string>;
  /** Its size in bytes, when known without reading it: a page over the cap is refused unread. */
  size?(ref: string): Promise<number>;
}

/** Pages held in memory (the Workers bundle, tests). */
export function memoryPages(pages: Record<string, string | Uint8Array>): PageReader {
  return {
    list: async () => Object.keys(pages).sort(),
    read: async (ref) => {
      const text = pages[ref];
      if (text === undefined) throw new Error(`no page ${ref}`);
      return text;
    },
  };
}
