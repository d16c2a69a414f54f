import { isLogLevel, type LogLevel } from './log.js';

/** Every setting, from environment variables (Node) or wrangler vars (Workers). */
export interface Config {
  port: number;
  host: string;
  dbPath: string;
  /** `postgres://…`: the PostgreSQL store instead of the SQLite file at `dbPath`; null = SQLite. */
  databaseUrl: string | null;
  /** Most connections one process opens to PostgreSQL. */
  databasePoolMax: number;
  /** PostgreSQL cancels a statement running longer than this (0: no limit). */
  databaseStatementTimeoutMs: number;
  ingestCron: string;
  ingestOnStart: boolean;
  logLevel: LogLevel;
  configDir: string;
  feedsDir: string;
  /** Largest local page read, in bytes; a larger one is refused ("page too large"). */
  pageMaxBytes: number;
  /** Public base URL for self links when behind a proxy; null = from the request. */
  baseUrl: string | null;
  /** Seconds readers and proxies may reuse a feed response. */
  cacheMaxAge: number;
  adminToken: string | null;
  /** Bearer token for /metrics from other than loopback (ADMIN_TOKEN works too). */
  metricsToken: string | null;
  /** Items older than this many days are removed after each run; null = keep everything. */
  retentionDays: number | null;
  websubHub: string | null;
  userAgent: string;
  /** Upstream sources fetched in one run at most (the rest go first next run); null = all. */
  maxUpstreamPerRun: number | null;
  /** Article pages fetched for `fullText` sources in one run at most (the rest wait for the next run). */
  maxFullTextPerRun: number;
}

/** Which door reads the settings: a few defaults differ (Workers invocations are short). */
export type Door = 'node' | 'workers';

/** Upstream feeds per run when INGEST_MAX_UPSTREAM is not set: all on Node, 20 per cron invocation on Workers. */
const defaultMaxUpstream: Record<Door, number | null> = { node: null, workers: 20 };

/** fullText article pages per run when INGEST_MAX_FULLTEXT is not set: each is a request and a Readability pass. */
const defaultMaxFullText: Record<Door, number> = { node: 30, workers: 10 };

export type Env = Record<string, string | undefined>;

export const defaults = {
  PORT: '8787',
  HOST: '127.0.0.1',
  DB_PATH: './data/caravan.db',
  DATABASE_POOL_MAX: '10',
  DATABASE_STATEMENT_TIMEOUT_MS: '30000',
  INGEST_CRON: '*/15 * * * *',
  INGEST_ON_START: 'true',
  LOG_LEVEL: 'info',
  CONFIG_DIR: './config',
  FEEDS_DIR: './feeds',
  PAGE_MAX_BYTES: '5242880',
  CACHE_MAX_AGE: '300',
  USER_AGENT: 'Caravan/0.1 (+https://github.com/caravan-feeds/caravan)',
} as const;

/** Parse settings; a bad value stops start-up with a message naming the variable. */
export function parseConfig(env: Env, door: Door = 'node'): Config {
  const get = (key: keyof typeof defaults) => (env[key]?.trim() || defaults[key]);
  const optional = (key: string) => env[key]?.trim() || null;

  const port = Number(get('PORT'));
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number 0-65535, got "${env.PORT}"`);
  const logLevel = get('LOG_LEVEL');
  if (!isLogLevel(logLevel)) throw new Error(`LOG_LEVEL must be one of debug, info, warn, error, got "${logLevel}"`);
  const cacheMaxAge = Number(get('CACHE_MAX_AGE'));
  if (!Number.isInteger(cacheMaxAge) || cacheMaxAge < 0) throw new Error(`CACHE_MAX_AGE must be whole seconds >= 0, got "${env.CACHE_MAX_AGE}"`);
  const pageMaxBytes = parseByteSize(get('PAGE_MAX_BYTES'));
  if (pageMaxBytes === null) {
    throw new Error(`PAGE_MAX_BYTES must be a size in bytes >= 1024 (e.g. 5242880, 512KB or 5MB), got "${env.PAGE_MAX_BYTES}"`);
  }
  const ingestOnStart = get('INGEST_ON_START');
  if (!/^(true|false|1|0)$/.test(ingestOnStart)) throw new Error(`INGEST_ON_START must be true or false, got "${ingestOnStart}"`);
  const baseUrl = optional('BASE_URL');
  if (baseUrl !== null && !isHttpUrl(baseUrl, true)) throw new Error(`BASE_URL must be an http(s) origin such as https://feeds.example.org, got "${baseUrl}"`);
  const websubHub = optional('WEBSUB_HUB');
  if (websubHub !== null && !isHttpUrl(websubHub, false)) throw new Error(`WEBSUB_HUB must be an http(s) URL, got "${websubHub}"`);
  const databaseUrl = optional('DATABASE_URL');
  // The message names the scheme only: the URL may hold a password.
  if (databaseUrl !== null && !/^postgres(ql)?:\/\/[^\s]+$/.test(databaseUrl)) {
    throw new Error(`DATABASE_URL must be a postgres://user:password@host:5432/database URL, got one starting "${databaseUrl.split(':')[0].slice(0, 20)}:"`);
  }
  const databasePoolMax = Number(get('DATABASE_POOL_MAX'));
  if (!Number.isInteger(databasePoolMax) || databasePoolMax < 1 || databasePoolMax > 1000) {
    throw new Error(`DATABASE_POOL_MAX must be a whole number of connections 1-1000, got "${env.DATABASE_POOL_MAX}"`);
  }
  const databaseStatementTimeoutMs = Number(get('DATABASE_STATEMENT_TIMEOUT_MS'));
  if (!Number.isInteger(databaseStatementTimeoutMs) || databaseStatementTimeoutMs < 0) {
    throw new Error(`DATABASE_STATEMENT_TIMEOUT_MS must be whole milliseconds >= 0 (0: no limit), got "${env.DATABASE_STATEMENT_TIMEOUT_MS}"`);
  }
  const token = (key: 'ADMIN_TOKEN' | 'METRICS_TOKEN') => {
    const value = optional(key);
    // A short token is guessable; a space or non-ASCII character could never arrive in a Bearer header.
    // The message never repeats the token.
    if (value !== null && (value.length < 16 || !/^[\x21-\x7e]+$/.test(value))) {
      throw new Error(
        `${key} must be at least 16 printable ASCII characters without spaces (e.g. from \`openssl rand -base64 32\`), got ${value.length} characters`,
      );
    }
    return value;
  };
  const adminToken = token('ADMIN_TOKEN');
  const metricsToken = token('METRICS_TOKEN');
  const retentionText = optional('RETENTION_DAYS');
  const retentionDays = retentionText === null ? null : Number(retentionText);
  if (retentionDays !== null && (!Number.isFinite(retentionDays) || retentionDays <= 0)) {
    throw new Error(`RETENTION_DAYS must be a number of days > 0 (unset keeps everything), got "${retentionText}"`);
  }
  const maxUpstreamText = optional('INGEST_MAX_UPSTREAM');
  const maxUpstreamPerRun = maxUpstreamText === null ? defaultMaxUpstream[door] : Number(maxUpstreamText);
  if (maxUpstreamPerRun !== null && (!Number.isInteger(maxUpstreamPerRun) || maxUpstreamPerRun < 0)) {
    throw new Error(`INGEST_MAX_UPSTREAM must be a whole number >= 0, got "${maxUpstreamText}"`);
  }
  const maxFullTextText = optional('INGEST_MAX_FULLTEXT');
  const maxFullTextPerRun = maxFullTextText === null ? defaultMaxFullText[door] : Number(maxFullTextText);
  if (!Number.isInteger(maxFullTextPerRun) || maxFullTextPerRun < 0) {
    throw new Error(`INGEST_MAX_FULLTEXT must be a whole number >= 0, got "${maxFullTextText}"`);
  }

  return {
    port,
    host: get('HOST'),
    dbPath: get('DB_PATH'),
    databaseUrl,
    databasePoolMax,
    databaseStatementTimeoutMs,
    ingestCron: get('INGEST_CRON'),
    ingestOnStart: ingestOnStart === 'true' || ingestOnStart === '1',
    logLevel,
    configDir: get('CONFIG_DIR'),
    feedsDir: get('FEEDS_DIR'),
    pageMaxBytes,
    baseUrl: baseUrl?.replace(/\/+$/, '') ?? null,
    cacheMaxAge,
    adminToken,
    metricsToken,
    retentionDays,
    websubHub,
    userAgent: get('USER_AGENT'),
    maxUpstreamPerRun,
    maxFullTextPerRun,
  };
}

/** Parses as an absolute http(s) URL (and, for an origin, has no query or fragment). */
function isHttpUrl(value: string, origin: boolean): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && (!origin || (url.search === '' && url.hash === ''));
  } catch {
    return false;
  }
}

/** `5242880`, `512KB`, `5MB`, `5 MiB` (K and M are 1024-based) to bytes; null unless whole and >= 1 KB. */
export function parseByteSize(value: string): number | null {
  const m = /^(\d+)\s*(?:(k|m)i?b?|b)?$/i.exec(value.trim());
  if (!m) return null;
  const bytes = Number(m[1]) * (m[2] ? (m[2].toLowerCase() === 'k' ? 1024 : 1024 * 1024) : 1);
  return Number.isSafeInteger(bytes) && bytes >= 1024 ? bytes : null;
}
