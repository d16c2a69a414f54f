/**
 * The D1 connector's own duties inside workerd: migration scripts split into whole statements,
 * statements over D1's 100-parameter limit, and the Workers door's per-invocation cap on
 * upstream sources (scheduled runs that have more work than one invocation continue on the next).
 */
import { reset } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../build/worker-data/migrations.js';
import { runIngestion } from '../../src/ingest/run.js';
import type { SourcesConfig, UpstreamSource } from '../../src/ingest/upstream/types.js';
import { memoryLog } from '../../src/log.js';
import { d1Connector, d1MaxParams, fitParams, openD1Store, splitSqlStatements } from '../../src/store/d1.js';
import { loadTaxonomy } from '../../src/taxonomy/loadTaxonomy.js';
import { pickDue } from '../../src/ingest/upstream/pickDue.js';
import topicsJson from '../../config/topics.json';
import regionsJson from '../../config/regions.json';
import { makeItem } from '../helpers/makeItem.js';

beforeEach(async () => {
  await reset();
});

describe('splitSqlStatements', () => {
  it('keeps a trigger body whole and ignores semicolons in quotes and comments', () => {
    const script = [
      '-- a comment; with a semicolon',
      "CREATE TABLE t (a TEXT DEFAULT 'x;y', \"b;c\" TEXT);",
      '/* block; comment */',
      'CREATE TRIGGER t_ai AFTER INSERT ON t BEGIN',
      "  INSERT INTO log VALUES (CASE WHEN new.a = ';' THEN 'semi' ELSE 'other' END);",
      '  DELETE FROM log WHERE rowid < 0;',
      'END;',
      "INSERT INTO t VALUES ('it''s; fine', 'z');",
      '-- trailing comment',
    ].join('\n');
    const statements = splitSqlStatements(script);
    expect(statements).toHaveLength(3);
    expect(statements[0]).toMatch(/^-- a comment; with a semicolon\nCREATE TABLE t \(a TEXT DEFAULT 'x;y', "b;c" TEXT\)$/);
    expect(statements[1]).toMatch(/^\/\* block; comment \*\/\nCREATE TRIGGER t_ai .* BEGIN\n.*\n.*\nEND$/s);
    expect(statements[2]).toBe("INSERT INTO t VALUES ('it''s; fine', 'z')");
  });

  it('splits the real migrations into the statements wrangler applies', () => {
    const statements = migrations.flatMap((m) => splitSqlStatements(m.sql));
    expect(statements.filter((s) => /CREATE TRIGGER/.test(s))).toHaveLength(10);
    expect(statements.every((s) => !s.trim().endsWith(';'))).toBe(true);
  });
});

describe('d1Connector on D1', () => {
  it('runs the migrations with exec (FTS5 and triggers included), once', async () => {
    const store = await openD1Store(env.DB, migrations);
    await store.migrate();
    const { results } = await env.DB.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all<{ name: string }>();
    expect(results.map((r) => r.name)).toEqual(['items_fts_delete', 'items_fts_insert', 'items_fts_update', 'search_terms_flush']);
    const applied = await env.DB.prepare('SELECT name FROM d1_migrations').all<{ name: string }>();
    expect(applied.results.map((r) => r.name)).toEqual(migrations.map((m) => m.name));
  });

  it('binds more than 100 values as JSON lists, with the same results', async () => {
    const store = await openD1Store(env.DB, migrations);
    const items = Array.from({ length: 150 }, (_, n) => makeItem({ id: `id${n}`, url: `https://example.com/${n}` }));
    expect(await store.upsertItems(items.map((item) => ({ item, titleKey: item.title })))).toMatchObject({ inserted: 150, updated: 0, unchanged: 0 });
    const found = await store.findMatches({ ids: items.map((i) => i.id), urls: items.map((i) => i.url!), titleKeys: ['none'] });
    expect(found).toHaveLength(150);
    expect(await store.upsertItems(items.map((item) => ({ item, titleKey: item.title })))).toEqual({ inserted: 0, updated: 0, unchanged: 150, changedIds: [] });
    await store.deleteItems(items.slice(0, 120).map((i) => i.id));
    expect((await store.countTags()).all).toBe(30);
  });

  it('rewrites only placeholder IN lists, and only when needed', () => {
    const ids = Array.from({ length: 101 }, (_, n) => `i${n}`);
    const sql = `SELECT * FROM items WHERE title = '?' AND id IN (${ids.map(() => '?').join(', ')}) AND url = ?`;
    const fitted = fitParams(sql, [...ids, 'u']);
    expect(fitted.sql).toBe("SELECT * FROM items WHERE title = '?' AND id IN (SELECT value FROM json_each(?)) AND url = ?");
    expect(fitted.params).toEqual([JSON.stringify(ids), 'u']);
    expect(fitParams('SELECT ? IN (?, ?)', [1, 2, 3])).toEqual({ sql: 'SELECT ? IN (?, ?)', params: [1, 2, 3] });
    const tooMany = Array.from({ length: d1MaxParams + 1 }, () => '?').join(', ');
    expect(() => fitParams(`INSERT INTO t VALUES (${tooMany})`, Array(d1MaxParams + 1).fill(1))).toThrow(/D1 allows 100/);
  });

  it('runs a batch atomically: one failing statement writes nothing', async () => {
    const db = d1Connector(env.DB);
    await db.exec('CREATE TABLE t (a INTEGER PRIMARY KEY)');
    await expect(db.batch([
      { sql: 'INSERT INTO t (a) VALUES (?)', params: [1] },
      { sql: 'INSERT INTO t (a) VALUES (?)', params: [1] },
    ])).rejects.toThrow();
    expect(await db.all('SELECT a FROM t')).toEqual([]);
  });
});

describe('scheduled runs with more upstream sources than one invocation may fetch', () => {
  const rss = (n: number) =>
    `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed ${n}</title><link>https://feeds.example/${n}</link>` +
    `<item><title>Story ${n}</title><link>https://feeds.example/${n}/story</link><guid>https://feeds.example/${n}/story</guid>` +
    `<description>Story number ${n} from Almaty.</description><pubDate>Mon, 01 Jan 2024 00:00:00 GMT</pubDate></item></channel></rss>`;
  const upstream: UpstreamSource[] = Array.from({ length: 5 }, (_, n) => ({
    url: `https://feeds.example/${n}.xml`, name: null, topics: [], regions: ['kazakhstan'], intervalMinutes: 15, allowPrivate: false,
  }));
  const sources: SourcesConfig = { pages: { enabled: false }, upstream, defaults: { intervalMinutes: 15 } };

  it('fetches at most the cap per run, longest-waiting first, until every source had its turn', async () => {
    const store = await openD1Store(env.DB, migrations);
    const taxonomy = loadTaxonomy(topicsJson, regionsJson);
    const fetched: string[][] = [];
    let now = new Date('2025-01-01T00:00:00Z');
    const tick = async () => {
      const urls: string[] = [];
      fetched.push(urls);
      const run = await runIngestion({
        store, maxUpstreamPerRun: 2, taxonomy, sources, pages: null, log: memoryLog(), userAgent: 'test',
        now: () => now,
        fetch: (async (input: RequestInfo | URL) => {
          const url = String(input);
          urls.push(url);
          return new Response(rss(Number(/(\d+)\.xml$/.exec(url)![1])), { headers: { 'Content-Type': 'application/rss+xml' } });
        }) as typeof fetch,
      });
      now = new Date(now.getTime() + 15 * 60_000);
      return run!;
    };

    const first = await tick();
    expect(fetched[0]).toEqual([upstream[0].url, upstream[1].url]);
    expect(first.sources.filter((s) => s.status === 'skipped')).toHaveLength(3);
    expect(first.status).toBe('ok');
    // Deferred sources keep the state they had (here: none), so they stay due.
    expect((await store.sourceStates()).map((s) => s.id).sort()).toEqual([upstream[0].url, upstream[1].url]);

    await tick();
    expect(fetched[1]).toEqual([upstream[2].url, upstream[3].url]);
    await tick();
    // Never tried (4) first, then the oldest nextAttempt (0 and 1, tied: config order). Fetched in
    // config order.
    expect(fetched[2]).toEqual([upstream[0].url, upstream[4].url]);
    const states = await store.sourceStates();
    expect(states).toHaveLength(5);
    expect(states.every((s) => s.lastError === null && s.consecutiveFailures === 0)).toBe(true);
    expect((await store.countTags())['region:kazakhstan']).toBe(5);
  });

  it('changes nothing when the cap is not reached', async () => {
    const store = await openD1Store(env.DB, migrations);
    await store.saveSourceStates([{
      id: upstream[0].url, kind: 'upstream', etag: null, lastModified: null, contentHash: null, lastAttempt: null,
      lastSuccess: null, lastError: null, consecutiveFailures: 0, nextAttempt: '2030-01-01T00:00:00.000Z', itemCount: 0,
    }]);
    const states = new Map((await store.sourceStates()).map((s) => [s.id, s]));
    const { picked, deferred } = pickDue(upstream, states, new Date('2025-01-01T00:00:00Z'), 10);
    expect(picked).toEqual(upstream);
    expect(deferred).toEqual([]);
  });
});
