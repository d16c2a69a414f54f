/**
 * A store that cannot be written: the server keeps serving what it has, and /healthz and the log
 * say clearly why nothing new is stored.
 *
 * - Read-only file: a real `chmod 444` on the DB file. Tests run as root, whom file modes do not
 *   stop, so the server runs as `nobody` (uid 65534) then; as any other user it runs as itself.
 * - Full disk: the server runs under RLIMIT_FSIZE (`prlimit --fsize`, else bash `ulimit -f`) just
 *   above the file's size, so the kernel refuses the writes that would grow it (EFBIG, which
 *   SQLite reports as a disk I/O error, as it reports ENOSPC as SQLITE_FULL).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openNodeRuntime } from '../../src/node/runtime.js';
import { checkStore } from './helpers/checkStore.js';
import { writePages } from './helpers/pages.js';
import { fileSizeLimiter, killAll, listening, root, startNode, terminate, type StartOptions } from './helpers/proc.js';

const isRoot = process.getuid?.() === 0;
const as: StartOptions = isRoot ? { uid: 65534, gid: 65534 } : {};
/** As root, the server runs as nobody: only possible where nobody can read node and this checkout. */
const canRunAs = !isRoot || spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(join(root, 'src', 'node.ts'))})`], { ...as, cwd: '/' }).status === 0;
if (!canRunAs) console.warn('storeFailure: read-only test skipped: running as root, and uid 65534 cannot read node or this checkout');
let dir: string;

function chownTree(path: string) {
  if (!isRoot) return;
  chownSync(path, 65534, 65534);
  if (statSync(path).isDirectory()) for (const name of readdirSync(path)) chownTree(join(path, name));
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'caravan-store-failure-'));
});
afterAll(async () => {
  await killAll();
  rmSync(dir, { recursive: true, force: true });
});

/** Fill a store with `pages` pages through a first server, stopped cleanly. */
async function firstServe(name: string, pages: number, options: StartOptions = {}) {
  const feeds = writePages(join(dir, `${name}-feeds`), pages);
  const env = { FEEDS_DIR: feeds, DB_PATH: join(dir, name, 'caravan.db'), ADMIN_TOKEN: 'failure-token-0123456789' };
  chownTree(dir);
  const first = startNode('serve', env, options);
  await listening(first);
  expect(await terminate(first)).toEqual({ code: 0, signal: null });
  return { feeds, env };
}

describe.skipIf(!canRunAs)('a read-only DB file', () => {
  it('keeps serving what it has; /healthz, the log and the admin route say the store is read-only', async () => {
    const { feeds, env } = await firstServe('readonly', 20, as);
    chmodSync(env.DB_PATH, 0o444);
    writePages(feeds, 10, 0, 20); // something new to store
    chownTree(dir);

    const server = startNode('serve', env, as);
    const url = await listening(server);
    await server.waitFor(/ingest: failed/, 15_000);
    expect(server.output()).toMatch(/ERROR store: not writable .*store is read-only \(SQLITE_READONLY/);
    expect(server.output()).toMatch(/ERROR ingest: failed error="cannot start: store is read-only \(SQLITE_READONLY: attempt to write a readonly database\): nothing new is stored; Caravan keeps serving what it has; make .*caravan\.db and its folder writable/);

    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    const body = await health.json();
    expect(body.status).toBe('degraded');
    expect(body.store).toMatchObject({ status: 'read-only', writable: false, error: expect.stringMatching(/store is read-only \(SQLITE_READONLY/) });
    expect(body.lastRun).toMatchObject({ status: 'failed', error: expect.stringMatching(/^cannot start: store is read-only/) });

    const feed = await (await fetch(`${url}/feed.json?limit=100`)).json();
    expect(feed.items).toHaveLength(20);
    expect((await fetch(`${url}/regions/kazakhstan.atom`)).status).toBe(200);
    const admin = await fetch(`${url}/admin/ingest`, { method: 'POST', headers: { Authorization: `Bearer ${env.ADMIN_TOKEN}` } });
    expect(admin.status).toBe(200);
    expect(await admin.json()).toMatchObject({ status: 'failed', error: expect.stringMatching(/store is read-only/) });

    expect(await terminate(server)).toEqual({ code: 0, signal: null });
    expect(server.output()).not.toMatch(/http: unhandled error|Unhandled|TypeError/);
    expect(checkStore(env.DB_PATH).count).toBe(20);
  }, 40_000);
});

describe.skipIf(fileSizeLimiter === null)('a full disk (RLIMIT_FSIZE)', () => {
  it('stops the run at the first refused write, keeps serving, says so, and loses nothing', async () => {
    const { feeds, env } = await firstServe('full', 20);
    writePages(feeds, 150, 0, 20);
    const limit = statSync(env.DB_PATH).size + 32 * 1024;

    const server = startNode('serve', env, { fileSizeLimitBytes: limit });
    const url = await listening(server);
    await server.waitFor(/ERROR ingest: failed/, 15_000);
    // One line for the source that met the full disk, one for the run; not one per source.
    expect(server.output().match(/ingest: source not stored/g)?.length ?? 0).toBe(1);
    expect(server.output()).toMatch(/ERROR ingest: failed error="store: store (disk I\/O error|is full)/);

    const body = await (await fetch(`${url}/healthz`)).json();
    expect(body.status).toBe('degraded');
    expect(body.lastRun).toMatchObject({ status: 'failed', error: expect.stringMatching(/^store: store (disk I\/O error \(SQLITE_IOERR|is full)/) });
    const feed = await (await fetch(`${url}/feed.json?limit=100`)).json();
    expect(feed.items.length).toBeGreaterThanOrEqual(20);
    expect(await terminate(server)).toEqual({ code: 0, signal: null });

    // Nothing half-written; with room again, the next run stores everything.
    expect(checkStore(env.DB_PATH).count).toBeGreaterThanOrEqual(20);
    const quiet = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const runtime = await openNodeRuntime({ ...env, LOG_LEVEL: 'warn' });
      expect(await runtime.ingest()).toMatchObject({ status: 'ok' });
      await runtime.store.close();
    } finally {
      quiet.mockRestore();
    }
    expect(checkStore(env.DB_PATH).count).toBe(170);
  }, 40_000);
});
