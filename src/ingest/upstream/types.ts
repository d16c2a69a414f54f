/**
 * Shared types of the upstream stage: configured sources, limits, per-source results.
 * Nothing here imports `node:*`: the stage runs unchanged on Node and on Cloudflare Workers.
 */
import type { Article } from '../../item.js';
import type { Log } from '../../log.js';
import type { SourceOutcome, SourceState } from '../../store/store.js';
import type { PinnedFetch } from './fetchFeed.js';
import type { FeedReader } from './readFeed.js';

/** One upstream feed from config/sources.json, with defaults applied. */
export interface UpstreamSource {
  /** Absolute http(s) URL, normalized by `new URL()`; also the `SourceState.id`. */
  url: string;
  /** Display name; when null the feed's own title is used. */
  name: string | null;
  /** Topic / region slugs passed to every article as hints. */
  topics: string[];
  regions: string[];
  /** Minimum minutes between two fetches of this source. */
  intervalMinutes: number;
  /** Allow loopback / private-network hosts (tests, intranet feeds). Off by default. */
  allowPrivate: boolean;
  /**
   * Fetch the linked page of each new entry whose content is short (a summary) and keep the
   * article's full text (see fetchFullText.ts). Off (absent) by default.
   */
  fullText?: boolean;
}

export interface SourcesConfig {
  /** The local pages folder (path from FEEDS_DIR). */
  pages: { enabled: boolean };
  upstream: UpstreamSource[];
  defaults: { intervalMinutes: number };
}

export interface Limits {
  /** Whole request (connect, headers, body, every redirect hop), in ms. */
  timeoutMs: number;
  /** Decompressed body size cap, checked while streaming. */
  maxBytes: number;
  maxRedirects: number;
  /** Sources fetched at the same time in one run. */
  concurrency: number;
  /** Requests to the same host at the same time. */
  perHost: number;
  /** Cap for failure backoff and for feed-announced ttl. */
  maxBackoffMinutes: number;
  /** Cap for an upstream `Retry-After`. */
  maxRetryAfterMinutes: number;
  /** Article pages fetched for `fullText` sources in one run, all sources together; the rest wait for the next run. */
  fullTextPerRun: number;
}

export const defaultLimits: Limits = {
  timeoutMs: 15_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  concurrency: 8,
  perHost: 2,
  maxBackoffMinutes: 24 * 60,
  maxRetryAfterMinutes: 7 * 24 * 60,
  fullTextPerRun: 30,
};

export interface UpstreamDeps {
  fetch: typeof fetch;
  now: () => Date;
  log: Log;
  /** `Caravan/0.1 (+https://example.org/caravan)`: names Caravan and where to read about it. */
  userAgent: string;
  limits?: Partial<Limits>;
  /**
   * DNS lookup (Node: `dns.lookup` with `all: true`): every address a hostname resolves to. When
   * given, a source without `allowPrivate` is refused if its host, or any redirect hop's host,
   * resolves to a loopback, private or link-local address. Absent on Workers, which cannot reach
   * private networks anyway.
   */
  resolveHost?: (hostname: string) => Promise<string[]>;
  /**
   * Node: a fetch that connects only to the addresses `resolveHost` answered and the private check
   * passed (src/node/pinnedFetch.ts), so DNS rebinding between check and connect cannot happen.
   */
  pinnedFetch?: PinnedFetch;
  /**
   * Node: decode, parse and entries to articles in a worker thread (src/node/feedReaderPool.ts),
   * so the ingesting thread fetches and stores meanwhile. Absent: `readFeed` in this thread.
   */
  readFeed?: FeedReader;
  /**
   * Node: SHA-256 of a fetched body on this thread (node:crypto, ~2 µs for a 20 KB feed). Absent:
   * Web Crypto's `digest` (a thread-pool job and its promise, ~10 times the CPU on Node).
   */
  sha256?: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array | Promise<Uint8Array>;
}

export interface UpstreamResult {
  source: UpstreamSource;
  state: SourceState;
  articles: Article[];
  /** inserted / updated / unchanged are 0: the caller fills them after storing. */
  outcome: SourceOutcome;
}
