/**
 * The store contract suite on a real PostgreSQL server (a throwaway one this file starts), then
 * what only PostgreSQL does: migrations under a lock, leases across processes, tsvector search,
 * statement timeouts, start-up errors, and a server that goes away and comes back.
 */
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { openPostgresStore, type PostgresStore } from '../../src/store/postgres.js';
import { StoreWriteError } from '../../src/store/sqlite.js';
import { makeItem } from '../helpers/makeItem.js';
import { queryOnce } from '../helpers/postgresServer.js';
import { withPostgres } from '../helpers/postgresSuite.js';
import { storeContract } from './storeContract.js';

const open = (url: string, options: { statementTimeoutMs?: number } = {}) =>
  openPostgresStore({ url, poolMax: 4, statementTimeoutMs: options.statementTimeoutMs ?? 10_000 });

withPostgres('PostgreSQL store', (server) => {
  storeContract('PostgreSQL', async () => open(await server().createDatabase()));


  describe('PostgreSQL only', () => {
    it('two instances starting together migrate once', async () => {
      const url = await server().createDatabase();
      const stores = await Promise.all([open(url), open(url), open(url)]);
      try {
        const rows = await queryOnce<{ name: string }>(url, 'SELECT name FROM caravan_migrations ORDER BY name');
        expect(rows.map((r) => r.name)).toEqual(['0001_init.sql']);
        for (const store of stores) expect(await store.version()).toBe(0);
      } finally {
        await Promise.all(stores.map((s) => s.close()));
      }
    });

    it('a live holder in another process keeps the lease; a dead one loses it at once', async () => {
      const url = await server().createDatabase();
      const a = await open(url);
      const b = await open(url);
      try {
        const now = '2025-01-01T00:00:00Z';
        const later = '2025-01-01T00:30:00Z';
        expect(await a.acquireLease('ingest', 'a', now, later)).toBe(true);
        expect(await b.acquireLease('ingest', 'b', now, later)).toBe(false);
        expect(await b.abandonedLease('ingest')).toBeNull();
        // A's process dies: its database sessions end.
        await queryOnce(url, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'caravan' AND pid = (SELECT holder_pid FROM leases)");
        await expect.poll(() => b.abandonedLease('ingest'), { timeout: 5_000 }).toMatchObject({ owner: 'a' });
        expect(await b.acquireLease('ingest', 'b', now, later)).toBe(true);
        expect(await b.leaseHolder('ingest')).toMatchObject({ owner: 'b' });
        expect(await a.acquireLease('ingest', 'a2', now, later)).toBe(false);
        await b.releaseLease('ingest', 'b');
        expect(await a.acquireLease('ingest', 'a2', now, later)).toBe(true);
      } finally {
        await a.close();
        await b.close();
      }
    });

    it('finds every word by prefix, in any script, language-neutral', async () => {
      const store = await open(await server().createDatabase());
      try {
        await store.upsertItems([
          { item: makeItem({ id: 'en', title: 'Crash investigation', contentText: 'Kazakhstan airline', language: 'en' }), titleKey: 'a' },
          { item: makeItem({ id: 'xx', title: 'Пожар в Алматы', contentText: 'Investigations', language: null }), titleKey: 'b' },
        ]);
        const ids = async (q: string) => (await store.queryItems({ limit: 10, q })).items.map((i) => i.id).sort();
        expect(await ids('kazakh')).toEqual(['en']);
        expect(await ids('investigation')).toEqual(['en', 'xx']);
        expect(await ids('investigations')).toEqual(['xx']);
        expect(await ids('алмат')).toEqual(['xx']);
        expect(await ids('crash kazakhstan')).toEqual(['en']);
        expect(await ids('crash алматы')).toEqual([]);
        expect(await ids("it's & | ! :*")).toEqual([]);
      } finally {
        await store.close();
      }
    });

    it('cancels a statement that runs past the statement timeout', async () => {
      const url = await server().createDatabase();
      const store = await open(url, { statementTimeoutMs: 300 });
      const blocker = new pg.Client({ connectionString: url });
      await blocker.connect();
      try {
        await blocker.query("BEGIN; UPDATE meta SET value = value WHERE key = 'version'");
        const started = Date.now();
        await expect(store.upsertItems([{ item: makeItem({ id: 'x' }), titleKey: 'x' }])).rejects.toThrow(/statement timeout/);
        expect(Date.now() - started).toBeLessThan(5_000);
        expect(store.writeError()).toMatch(/statement timeout/);
        await blocker.query('ROLLBACK');
        await store.upsertItems([{ item: makeItem({ id: 'x' }), titleKey: 'x' }]);
        expect(store.writeError()).toBeNull();
      } finally {
        await blocker.end();
        await store.close();
      }
    });

    it('says in one line why it cannot connect', async () => {
      const bad = server().url('postgres').replace(/:[^:@/]+@/, ':wrong-password@');
      await expect(open(bad)).rejects.toThrow(
        /^store: cannot connect to PostgreSQL at 127\.0\.0\.1:\d+\/postgres as caravan: password authentication failed for user "caravan".*; check the user and password in DATABASE_URL$/,
      );
      await expect(open(bad)).rejects.not.toThrow(/wrong-password/);
      await expect(open('postgres://caravan:x@127.0.0.1:1/caravan')).rejects.toThrow(
        /^store: cannot connect to PostgreSQL at 127\.0\.0\.1:1\/caravan as caravan: connect ECONNREFUSED 127\.0\.0\.1:1.*; check DATABASE_URL and that the PostgreSQL server is running and reachable$/,
      );
      await expect(open(server().url('nosuchdb'))).rejects.toThrow(/database "nosuchdb" does not exist.*create the database/);
    });

    it('answers again when the server comes back, without reopening', async () => {
      const store: PostgresStore = await open(await server().createDatabase());
      try {
        await store.upsertItems([{ item: makeItem({ id: 'kept' }), titleKey: 'kept' }]);
        await store.ping();
        await server().stop();
        await expect(store.ping()).rejects.toThrow();
        // The whole store refuses writes: a StoreWriteError, so a run stops at once instead of failing every source.
        const refused = await store.upsertItems([{ item: makeItem({ id: 'lost' }), titleKey: 'lost' }]).catch((error: unknown) => error);
        expect(refused).toBeInstanceOf(StoreWriteError);
        expect((refused as Error).message).toMatch(/^store: the database is unreachable \(.+\); nothing new is stored; the next run tries again$/);
        await server().start();
        await store.ping();
        expect((await store.getItem('kept'))?.id).toBe('kept');
        expect(await store.checkWritable()).toBeNull();
      } finally {
        await store.close();
      }
    });
  });
});
