/** A rendered feed document with its validators, computed once per store version. */
export interface Rendered {
  body: string;
  etag: string;
  lastModified: Date;
}

/**
 * Rendered feeds by request key, valid for one store version: any write bumps the version and
 * the next request renders afresh. Bounded, oldest-first eviction.
 */
export class RenderCache {
  private entries = new Map<string, { version: number; value: Rendered }>();

  constructor(private readonly capacity = 1000) {}

  get(key: string, version: number): Rendered | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.version !== version) return undefined;
    // Refresh recency.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, version: number, value: Rendered): void {
    this.entries.delete(key);
    this.entries.set(key, { version, value });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}
