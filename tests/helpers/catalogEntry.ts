/** One feed of the `/feeds` catalog, as the end-to-end and Workers tests read it. */
export interface CatalogEntry {
  kind: string;
  slug: string;
  title: string;
  items: number | null;
  urls: Record<'rss' | 'atom' | 'json', string>;
}
