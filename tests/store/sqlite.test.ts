import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { storeContract } from './storeContract.js';

storeContract('SQLite in memory', () => openSqliteStore(':memory:'));

const dir = mkdtempSync(join(tmpdir(), 'caravan-store-'));
let n = 0;
storeContract('SQLite file (WAL)', () => openSqliteStore(join(dir, `s${n++}`, 'caravan.db')));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
