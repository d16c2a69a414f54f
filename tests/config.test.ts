import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.js';

describe('parseConfig', () => {
  it('applies the documented defaults', () => {
    expect(parseConfig({})).toMatchObject({
      port: 8787, host: '127.0.0.1', dbPath: './data/caravan.db', ingestCron: '*/15 * * * *', ingestOnStart: true,
      logLevel: 'info', configDir: './config', feedsDir: './feeds', pageMaxBytes: 5 * 1024 * 1024, baseUrl: null, cacheMaxAge: 300, adminToken: null, websubHub: null,
    });
  });

  it('reads overrides and trims a trailing slash from BASE_URL', () => {
    const config = parseConfig({ PORT: '0', HOST: '::1', BASE_URL: 'https://feeds.example.org/', LOG_LEVEL: 'debug', INGEST_ON_START: 'false' });
    expect(config).toMatchObject({ port: 0, host: '::1', baseUrl: 'https://feeds.example.org', logLevel: 'debug', ingestOnStart: false });
  });

  it('selects PostgreSQL only when DATABASE_URL is set, with pool and timeout settings', () => {
    expect(parseConfig({})).toMatchObject({ databaseUrl: null, databasePoolMax: 10, databaseStatementTimeoutMs: 30_000 });
    expect(parseConfig({ DATABASE_URL: 'postgres://u:p@db:5432/caravan', DATABASE_POOL_MAX: '4', DATABASE_STATEMENT_TIMEOUT_MS: '0' })).toMatchObject({
      databaseUrl: 'postgres://u:p@db:5432/caravan', databasePoolMax: 4, databaseStatementTimeoutMs: 0,
    });
    expect(() => parseConfig({ DATABASE_URL: 'mysql://u:secret@h/db' })).not.toThrow(/secret/);
  });

  it.each([
    [{ PORT: '99999' }, /PORT/], [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/], [{ CACHE_MAX_AGE: '-1' }, /CACHE_MAX_AGE/],
    [{ BASE_URL: 'feeds.example.org' }, /BASE_URL/], [{ BASE_URL: 'https://host:99999' }, /BASE_URL/],
    [{ BASE_URL: 'https://x.org/?a=1' }, /BASE_URL/], [{ DATABASE_URL: 'mysql://u:p@h/db' }, /DATABASE_URL.*"mysql:"/],
    [{ DATABASE_POOL_MAX: '0' }, /DATABASE_POOL_MAX/], [{ DATABASE_STATEMENT_TIMEOUT_MS: '1.5' }, /DATABASE_STATEMENT_TIMEOUT_MS/], [{ WEBSUB_HUB: 'ftp://hub' }, /WEBSUB_HUB/], [{ INGEST_ON_START: 'maybe' }, /INGEST_ON_START/],
    [{ PAGE_MAX_BYTES: 'lots' }, /PAGE_MAX_BYTES/], [{ PAGE_MAX_BYTES: '10' }, /PAGE_MAX_BYTES/], [{ PAGE_MAX_BYTES: '1.5MB' }, /PAGE_MAX_BYTES/],
  ])('refuses %j with a message naming the variable', (env, message) => {
    expect(() => parseConfig(env)).toThrow(message);
  });

  it.each([
    ['5242880', 5242880], ['512KB', 512 * 1024], ['5MB', 5 * 1024 * 1024], ['20 MiB', 20 * 1024 * 1024], ['2m', 2 * 1024 * 1024],
  ])('reads PAGE_MAX_BYTES=%s as %d bytes', (value, bytes) => {
    expect(parseConfig({ PAGE_MAX_BYTES: value }).pageMaxBytes).toBe(bytes);
  });
});
