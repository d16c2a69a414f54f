import type { Migration, SqlConnector, SqlValue, Statement } from './connector.js';
import { createSqlStore } from './sqlStore.js';
import type { ItemStore } from './store.js';

/**
 * The part of Cloudflare's D1 binding this connector uses. Declared here, structurally, so the
 * project's types stay DOM + Node (no @cloudflare/workers-types globals); the real `D1Database`
 * satisfies it.
 */
export interface D1PreparedStatementLike {
  bind(...values: unknown[]): D1PreparedStatementLike;
  all<T = Record<string, unknown>>(): Promise<{ results: T[] }>;
}

export interface D1DatabaseLike {
  prepare(query: string): D1PreparedStatementLike;
  batch(statements: D1PreparedStatementLike[]): Promise<unknown[]>;
}

/** D1 refuses a statement with more than 100 bound parameters. */
export const d1MaxParams = 100;

/**
 * D1 as a connector. `all` is one prepared statement; `batch` is `db.batch()`, which D1 runs as
 * one transaction (all or nothing); `exec` splits a migration script into whole statements (a
 * CREATE TRIGGER … BEGIN …; …; END is one) and runs them as one batch, because D1's own `exec`
 * cuts at every newline. Statements over D1's parameter limit have their `IN (?, ?, …)` lists
 * bound as one JSON array instead (see `fitParams`). `close` has nothing to close.
 */
export function d1Connector(db: D1DatabaseLike): SqlConnector {
  const prepare = (sql: string, params: SqlValue[] = []) => {
    const fitted = fitParams(sql, params);
    const statement = db.prepare(fitted.sql);
    return fitted.params.length > 0 ? statement.bind(...fitted.params) : statement;
  };
  return {
    async all<T>(sql: string, params: SqlValue[] = []) {
      return (await prepare(sql, params).all<T>()).results;
    },
    async batch(statements: Statement[]) {
      if (statements.length === 0) return;
      await db.batch(statements.map((s) => prepare(s.sql, s.params)));
    },
    async exec(script: string, after: Statement[] = []) {
      const statements = [...splitSqlStatements(script).map((sql) => db.prepare(sql)), ...after.map((s) => prepare(s.sql, s.params))];
      if (statements.length > 0) await db.batch(statements);
    },
    async close() {},
  };
}

/** The ItemStore on a D1 binding, migrated (a no-op when `wrangler d1 migrations apply` already ran). */
export async function openD1Store(db: D1DatabaseLike, migrations: Migration[]): Promise<ItemStore> {
  const store = createSqlStore(d1Connector(db), migrations);
  await store.migrate();
  return store;
}

/**
 * A script → its statements, without the `;`. Quotes ('', "", ``, []) and comments (--, /* *\/)
 * are skipped over; inside CREATE TRIGGER, `;` only ends the statement once every BEGIN / CASE
 * has met its END. Comment-only pieces are dropped.
 */
export function splitSqlStatements(script: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let depth = 0;
  let words: string[] = [];
  const finish = (end: number) => {
    const text = script.slice(start, end).trim();
    if (stripComments(text).trim() !== '') statements.push(text);
    start = end + 1;
    depth = 0;
    words = [];
  };
  let i = 0;
  while (i < script.length) {
    const ch = script[i];
    const next = script[i + 1];
    if (ch === '-' && next === '-') {
      const end = script.indexOf('\n', i);
      i = end === -1 ? script.length : end + 1;
    } else if (ch === '/' && next === '*') {
      const end = script.indexOf('*/', i + 2);
      i = end === -1 ? script.length : end + 2;
    } else if (ch === "'" || ch === '"' || ch === '`' || ch === '[') {
      const close = ch === '[' ? ']' : ch;
      let j = i + 1;
      while (j < script.length) {
        if (script[j] === close) {
          // A doubled quote is an escaped quote, not the end.
          if (close !== ']' && script[j + 1] === close) j += 2;
          else break;
        } else j++;
      }
      i = j + 1;
    } else if (/[A-Za-z_]/.test(ch)) {
      let j = i + 1;
      while (j < script.length && /[A-Za-z0-9_$]/.test(script[j])) j++;
      const word = script.slice(i, j).toUpperCase();
      if (words.length < 4) words.push(word);
      const inTrigger = words[0] === 'CREATE' && words.slice(1, 4).includes('TRIGGER');
      if (inTrigger && (word === 'BEGIN' || word === 'CASE')) depth++;
      else if (inTrigger && word === 'END' && depth > 0) depth--;
      i = j;
    } else if (ch === ';' && depth === 0) {
      finish(i);
      i++;
    } else {
      i++;
    }
  }
  finish(script.length);
  return statements;
}

function stripComments(sql: string): string {
  return sql.replace(/--[^\n]*/g, '').replace(/\/\*[\s\S]*?\*\//g, '');
}

/**
 * Keep a statement within D1's 100 bound parameters: when it has more, every `IN (?, ?, …)` list
 * of placeholders becomes `IN (SELECT value FROM json_each(?))` bound to one JSON array of the
 * same values. The store's SQL (written once for SQLite and D1) can then pass id lists of any
 * length. `?` inside quotes is left alone; numbered placeholders (?1) are not used by the store.
 */
export function fitParams(sql: string, params: SqlValue[]): { sql: string; params: SqlValue[] } {
  if (params.length <= d1MaxParams) return { sql, params };
  const inList = /\bIN\s*\(\s*\?(?:\s*,\s*\?)+\s*\)/giy;
  let out = '';
  const outParams: SqlValue[] = [];
  let index = 0;
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i];
    if (ch === "'" || ch === '"' || ch === '`') {
      let j = i + 1;
      while (j < sql.length && !(sql[j] === ch && sql[j + 1] !== ch)) j += sql[j] === ch ? 2 : 1;
      out += sql.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    inList.lastIndex = i;
    const match = (ch === 'I' || ch === 'i') && /\W/.test(sql[i - 1] ?? ' ') ? inList.exec(sql) : null;
    if (match) {
      const count = match[0].split('?').length - 1;
      out += 'IN (SELECT value FROM json_each(?))';
      outParams.push(JSON.stringify(params.slice(index, index + count)));
      index += count;
      i += match[0].length;
      continue;
    }
    if (ch === '?') {
      outParams.push(params[index++] ?? null);
    }
    out += ch;
    i++;
  }
  if (index !== params.length) throw new Error(`d1: ${params.length} parameters given for ${index} placeholders`);
  if (outParams.length > d1MaxParams) {
    throw new Error(`d1: statement needs ${outParams.length} bound parameters, D1 allows ${d1MaxParams}: ${sql.slice(0, 80)}`);
  }
  return { sql: out, params: outParams };
}
