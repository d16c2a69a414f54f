/**
 * One throwaway PostgreSQL server per test file: `withPostgres(name, body)` starts it before the
 * file's tests and stops it after; where it cannot run the tests skip (no binaries, no apt) or
 * fail naming the fix (apt but no binaries), as postgresServer.ts explains.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { postgresAvailability, startPostgres, type PostgresServer } from './postgresServer.js';

export function withPostgres(name: string, body: (server: () => PostgresServer) => void): void {
  const available = postgresAvailability();
  if (available.status === 'skip') {
    console.warn(available.message);
    describe.skip(name, () => body(() => { throw new Error(available.message); }));
    return;
  }
  if (available.status === 'missing') {
    describe(name, () => it('needs a PostgreSQL server', () => { throw new Error(available.message); }));
    return;
  }
  describe(name, () => {
    let server: PostgresServer | undefined;
    beforeAll(async () => {
      server = await startPostgres();
    }, 60_000);
    afterAll(async () => {
      await server?.destroy();
    });
    body(() => {
      if (!server) throw new Error('the PostgreSQL test server did not start');
      return server;
    });
  });
}
