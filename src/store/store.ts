/**
 * The one store contract. Every method is a whole operation (one transaction on SQLite, one
 * `batch()` on D1): D1 has no interactive transactions, so no caller ever holds a handle.
 */
import type { Item } from '../item.js';

/**
 * The store as a whole refuses writes (a read-only file, a full disk, an I/O error, a lock held too
 * long, a damaged file), with a message that says what is wrong and what to do. Every connector
 * throws this for such failures, so callers recognise it with `instanceof`: no other source of the
 * same run would fare better.
 */
export class StoreWriteError extends Error {
  constructor(
    message: string,
    /** The driver's code, e.g. `SQLITE_READONLY`, `SQLITE_FULL`, `SQLITE_IOERR_WRITE`. */
    readonly code: string,
  ) {
    super(message);
    this.name = 'StoreWriteError';
  }
}

/** A query's cursor is not one this store issued (the HTTP layer answers 400). */
export class BadCursorError extends Error {
  constructor() {
    super('cursor is not one this server issued; start again without it');
    this.name = 'BadCursorError';
  }
}

export interface ItemQuery {
  /** Any of these topic slugs (empty: no topic filter). */
  topics?: string[];
  /** Any of these region slugs; groups are stored on their members' items, so a group is one slug. */
  regions?: string[];
  /** Full-text search over title and text (words, all required). */
  q?: string;
  /** Only items published (or, when undated, first seen) at or after this ISO date-time. */
  since?: string;
  limit: number;
  /** Opaque cursor from a previous page's `nextCursor`. */
  cursor?: string;
}

export interface ItemPage {
  items: Item[];
  nextCursor: string | null;
}

/** An item with the key that finds it again when the same story arrives under another id. */
export interface KeyedItem {
  item: Item;
  /** Normalized title: the same headline from two pages or feeds gives the same key. */
  titleKey: string;
}

export interface MatchKeys {
  ids: string[];
  urls: string[];
  titleKeys: string[];
}

export interface UpsertResult {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Ids of the items inserted or updated (what feeds, caches and WebSub hubs must hear about). */
  changedIds: string[];
}

/** What Caravan remembers about one source between runs. */
export interface SourceState {
  /** `page:seed/003_x.txt` or the upstream feed URL. */
  id: string;
  kind: 'page' | 'upstream';
  etag: string | null;
  lastModified: string | null;
  /** Hash of the last body read (pages): an unchanged page is not parsed again. */
  contentHash: string | null;
  lastAttempt: string | null;
  lastSuccess: string | null;
  /** `fetch: HTTP 500`, `parse: ...`; null after a success. */
  lastError: string | null;
  consecutiveFailures: number;
  /** Do not try before this ISO time (backoff, Retry-After, ttl, interval). */
  nextAttempt: string | null;
  itemCount: number;
  /** `fullText` upstream sources: what was fetched for each entry (src/ingest/upstream/fetchFullText.ts). */
  fullText?: FullTextMemory;
}

/** Per entry (its guid, else its link) of a `fullText` source: the entry as last seen and its page fetch. */
export type FullTextMemory = Record<string, FullTextEntry>;

export interface FullTextEntry {
  /** Hash of the entry as the feed gave it: a changed entry is fetched again. */
  hash: string;
  url: string;
  /** Validators of the page, for a conditional GET when the entry changes. */
  etag: string | null;
  lastModified: string | null;
  /** `fetch: HTTP 404`, `not an article: ...`; null when the page was read. */
  error: string | null;
}

export interface SourceOutcome {
  source: string;
  /** 'empty': read fine but held no article (a page of chrome only); `error` says so. */
  status: 'ok' | 'empty' | 'unchanged' | 'skipped' | 'failed';
  /** Entries read: a feed's entries, a page's articles (0 when nothing was read: 304, same body, failed). */
  entries: number;
  /** Articles handed to the store (entries minus those skipped below). */
  items: number;
  /**
   * Entries that became no item of their own, counted by reason (`no title, no link and no content`,
   * `duplicate of another entry in this feed`, ...). entries = inserted + updated + unchanged + skipped.
   */
  skipped: Record<string, number>;
  inserted: number;
  updated: number;
  unchanged: number;
  error: string | null;
}

export interface IngestRun {
  started: string;
  finished: string;
  status: 'ok' | 'partial' | 'failed';
  pagesRead: number;
  /** Entries read over all sources, and how many of them were skipped (reasons per source). */
  entries: number;
  skipped: number;
  inserted: number;
  updated: number;
  unchanged: number;
  sources: SourceOutcome[];
  error: string | null;
}

export interface ItemStore {
  /** Apply pending migrations. Idempotent. */
  migrate(): Promise<void>;
  /** Cheap liveness check. */
  ping(): Promise<void>;
  /** Changes whenever any item is written; rendered feeds are cached against it. */
  version(): Promise<number>;
  /**
   * The version as `version()` would answer it now, when the store knows it without reading the
   * database (it read or wrote it moments ago); undefined otherwise. Optional: it lets a cached
   * feed be served without an await.
   */
  knownVersion?(): number | undefined;

  /**
   * A page of items, newest first. The SQL stores read ids and change times first and whole rows
   * only for items they do not hold as last read (sqlStore.ts): an item another process rewrites
   * must get a new `changed` (ingest always stamps one) to be seen at once.
   */
  queryItems(query: ItemQuery): Promise<ItemPage>;
  getItem(id: string): Promise<Item | null>;
  /** Item counts per tag: `topic:aviation`, `region:kazakhstan`, and `all`. */
  countTags(): Promise<Record<string, number>>;

  /** Stored items matching any of the keys (for dedupe). */
  findMatches(keys: MatchKeys): Promise<KeyedItem[]>;
  /** Insert or replace items by id, keeping `firstSeen`; writes nothing for an identical item. */
  upsertItems(items: KeyedItem[]): Promise<UpsertResult>;
  /**
   * Several sources' items (one group each) in one write: one transaction (D1: one batch), so all
   * of them are stored or none. Each group is counted as if the groups before it had been written
   * first; `upsertItems(items)` is `upsertItemGroups([items])`.
   */
  upsertItemGroups(groups: KeyedItem[][]): Promise<UpsertResult[]>;
  /** Remove items by id (used when dedupe merges a stored item into another), with their tag and search index rows. */
  deleteItems(ids: string[]): Promise<void>;
  /**
   * Retention: remove every item dated (published, else updated, else first seen) before `cutoff`
   * (ISO), except items with a local-page origin whose ref is in `keepPageRefs` (a page still in
   * FEEDS_DIR), in batches (each one write). Returns how many were removed.
   */
  deleteItemsOlderThan(cutoff: string, keepPageRefs: string[]): Promise<number>;
  /**
   * Give the space of removed items back (SQLite: incremental vacuum and a WAL checkpoint). Returns
   * the store's size in bytes before and after, or null where the store manages its own space (D1).
   */
  compact(): Promise<{ before: number; after: number } | null>;
  /** Item count, and the store's size in bytes (null where it cannot be known), for /metrics. */
  stats(): Promise<{ items: number; bytes: number | null }>;

  sourceStates(): Promise<SourceState[]>;
  saveSourceStates(states: SourceState[]): Promise<void>;

  recordRun(run: IngestRun): Promise<void>;
  lastRun(): Promise<IngestRun | null>;

  /** Take a named lease until `expires` (ISO). False when someone else holds a live one. */
  acquireLease(name: string, owner: string, now: string, expires: string): Promise<boolean>;
  releaseLease(name: string, owner: string): Promise<void>;

  /**
   * Null when the store can be written now; otherwise why not (a read-only file or server, a full
   * disk). Cheap, and changes nothing: a write that is rolled back or writes the same value.
   */
  checkWritable(): Promise<string | null>;
  /**
   * What the last write probe or failed write said (null while writes work), when the store is
   * watched (`withWriteProbe`); `/healthz` is `degraded` with it.
   */
  writeProblem?(): string | null;

  close(): Promise<void>;
}
