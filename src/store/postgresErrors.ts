/** PostgreSQL errors in words an operator can act on (start-up, writes), never with the password. */
import { StoreWriteError } from './sqlite.js';

/** `host:port/database as user`, never the password. */
export function describeDatabase(url: string): string {
  try {
    const u = new URL(url);
    const user = decodeURIComponent(u.username) || '(default user)';
    return `${u.hostname || 'localhost'}:${u.port || '5432'}${u.pathname || '/'} as ${user}`;
  } catch {
    return '(an unparsable DATABASE_URL)';
  }
}

/** What went wrong with a connection, in one line. */
export function pgErrorText(error: unknown): string {
  const e = error as { code?: string; message?: string; errors?: unknown[] };
  // Several addresses for one name (localhost: ::1 and 127.0.0.1) fail as one AggregateError.
  if (Array.isArray(e?.errors) && e.errors.length > 0) return pgErrorText(e.errors[0]);
  const message = e?.message?.trim() || String(error);
  return e?.code && !message.includes(e.code) ? `${message} (${e.code})` : message;
}

/** Why start-up cannot connect, and what to check: the one line the Node door prints. */
export function connectError(url: string, error: unknown): Error {
  const text = pgErrorText(error);
  const code = (error as { code?: string }).code;
  const hint =
    code === '28P01' || code === '28000' ? 'check the user and password in DATABASE_URL'
      : code === '3D000' ? 'create the database (createdb) or fix its name in DATABASE_URL'
        : 'check DATABASE_URL and that the PostgreSQL server is running and reachable';
  return new Error(`store: cannot connect to PostgreSQL at ${describeDatabase(url)}: ${text}; ${hint}`);
}

/**
 * Codes (SQLSTATE, or the socket's) meaning the database as a whole refuses writes now: it is
 * unreachable or shutting down, read-only (a standby, default_transaction_read_only), out of disk,
 * failing I/O, or the user may not write. No other source of the same run would fare better.
 */
const storeWide: [RegExp, string][] = [
  [/^(08...|57P0[123]|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|EPIPE)$/, 'the database is unreachable'],
  [/^25006$/, 'the database is read-only'],
  [/^53100$/, 'the database server is out of disk space'],
  [/^58030$/, 'the database server has an I/O error'],
  [/^42501$/, 'the database user may not write'],
];

/** A write's error: a StoreWriteError when the whole store refuses writes, else a plain `store: …` error. */
export function explainPostgresError(error: unknown): Error {
  const inner = (error as { errors?: unknown[] })?.errors?.[0] ?? error;
  const code = String((inner as { code?: unknown })?.code ?? '');
  const text = pgErrorText(error);
  // pg's own message when a pooled connection is lost mid-query has no code.
  const lost = /Connection terminated|connection timeout|timeout exceeded when trying to connect/i.test(text);
  const why = storeWide.find(([pattern]) => pattern.test(code))?.[1] ?? (lost ? 'the database is unreachable' : null);
  return why ? new StoreWriteError(`store: ${why} (${text}); nothing new is stored; the next run tries again`, code || 'ECONNLOST')
    : new Error(`store: ${text}`);
}
