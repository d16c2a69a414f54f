/**
 * A throwaway PostgreSQL server for the tests: `initdb` into a temporary folder, `postgres`
 * listening on 127.0.0.1 on a free port (and a Unix socket in that folder), stopped and removed
 * when done. initdb refuses to run as root, so as root (CI) the server runs as the unprivileged
 * `postgres` user the Debian package creates, and the folder belongs to that user.
 *
 * Where the server binaries are missing: with apt on the machine that is a setup error (`.ci/run`
 * installs Debian's `postgresql`), so `postgresAvailability()` names the fix; only without both
 * the binaries and apt do the PostgreSQL tests skip, with a message.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** One statement on its own connection (a test's or bench's look at the database from outside). */
export async function queryOnce<T extends pg.QueryResultRow>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

export const pgUser = 'caravan';
export const pgPassword = 'caravan-test-password';

/** The newest installed server's bin folder (Debian: /usr/lib/postgresql/<major>/bin), or null. */
export function postgresBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const majors = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return majors.length > 0 ? join(root, majors[0], 'bin') : null;
}

/** 'ok', or why not: `skip` (no binaries and no apt: the tests say so and skip) or `missing` (install it). */
export function postgresAvailability(): { status: 'ok' } | { status: 'skip' | 'missing'; message: string } {
  if (postgresBinDir()) return { status: 'ok' };
  const apt = spawnSync('sh', ['-c', 'command -v apt-get']).status === 0;
  return apt
    ? { status: 'missing', message: 'PostgreSQL server binaries not found under /usr/lib/postgresql: apt-get install -y postgresql (.ci/run does)' }
    : { status: 'skip', message: 'PostgreSQL tests skipped: no server binaries under /usr/lib/postgresql and no apt-get to install them' };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The uid/gid to run the server as: this process's own unless it is root, then `postgres`'s. */
function serverIds(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) {
    throw new Error('running as root and there is no "postgres" user to run the test server as (initdb refuses root)');
  }
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

export interface PostgresServer {
  port: number;
  /** `postgres://caravan:…@127.0.0.1:port/<database>` */
  url(database?: string): string;
  /** A new empty database; returns its URL. */
  createDatabase(name?: string): Promise<string>;
  /** Stop the server (fast shutdown: clients are disconnected) and keep its data. */
  stop(): Promise<void>;
  /** Start it again on the same port and data. */
  start(): Promise<void>;
  /** Stop and delete everything. */
  destroy(): Promise<void>;
  log(): string;
}

let databases = 0;

/**
 * Start a server: in a new temporary folder (deleted by `destroy`), or in `options.dir`, which is
 * kept and reused on the next start (the bench keeps its generated databases there).
 */
export async function startPostgres(options: { dir?: string } = {}): Promise<PostgresServer> {
  const bin = postgresBinDir();
  if (!bin) throw new Error(postgresAvailability().status === 'ok' ? 'unreachable' : (postgresAvailability() as { message: string }).message);
  const ids = serverIds();
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'caravan-pg-'));
  mkdirSync(dir, { recursive: true });
  const data = join(dir, 'data');
  const pwfile = join(dir, 'pwfile');
  writeFileSync(pwfile, `${pgPassword}\n`);
  if (ids) {
    chownSync(dir, ids.uid, ids.gid);
    chownSync(pwfile, ids.uid, ids.gid);
  }
  const asServer = ids ? { uid: ids.uid, gid: ids.gid } : {};
  if (!existsSync(join(data, 'PG_VERSION'))) {
    rmSync(data, { recursive: true, force: true });
    const init = spawnSync(
      join(bin, 'initdb'),
      ['-D', data, '-U', pgUser, `--pwfile=${pwfile}`, '--auth-host=scram-sha-256', '--auth-local=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'],
      { encoding: 'utf8', cwd: dir, ...asServer },
    );
    if (init.status !== 0) throw new Error(`initdb failed (${init.status}): ${init.stderr || init.stdout}`);
  }
  const port = await freePort();
  let child: ChildProcess | null = null;
  let output = '';

  const start = async () => {
    const proc = spawn(
      join(bin, 'postgres'),
      [
        '-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1',
        // A throwaway server: durability off, so tests and bench loads are not disk-bound.
        '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200',
        '-c', 'shared_buffers=256MB', '-c', 'maintenance_work_mem=256MB', '-c', 'max_wal_size=4GB',
      ],
      { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], ...asServer },
    );
    child = proc;
    proc.stdout!.on('data', (chunk) => (output += chunk));
    proc.stderr!.on('data', (chunk) => (output += chunk));
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (proc.exitCode !== null) throw new Error(`postgres exited with ${proc.exitCode}:\n${output}`);
      const client = new pg.Client({ connectionString: url('postgres') });
      try {
        await client.connect();
        await client.end();
        return;
      } catch {
        await client.end().catch(() => undefined);
        if (Date.now() > deadline) throw new Error(`postgres did not accept connections within 30 s:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  };
  const stop = async () => {
    const proc = child;
    child = null;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill('SIGINT'); // fast shutdown
    const timer = setTimeout(() => proc.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
  const url = (database = 'postgres') => `postgres://${pgUser}:${pgPassword}@127.0.0.1:${port}/${database}`;

  await start();
  return {
    port,
    url,
    async createDatabase(name = `t${process.pid}_${databases++}`) {
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name}"`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    stop,
    start,
    async destroy() {
      await stop();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
    log: () => output,
  };
}
