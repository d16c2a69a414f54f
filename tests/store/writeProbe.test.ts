import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { memoryLog } from '../../src/log.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { StoreWriteError, type ItemStore } from '../../src/store/store.js';
import { withWriteProbe } from '../../src/store/writeProbe.js';
import { realConfigData } from '../helpers/configData.js';
import { makeItem } from '../helpers/makeItem.js';

const data = realConfigData();
const readOnly = 'store is read-only (SQLITE_READONLY: attempt to write a readonly database)';

/** A real store whose file "turns read-only" and back on demand. */
async function switchable() {
  const real = await openSqliteStore(':memory:');
  const state = { writable: true, probes: 0 };
  const refuse = async <T>(write: () => Promise<T>) => {
    if (!state.writable) throw new StoreWriteError(readOnly, 'SQLITE_READONLY');
    return write();
  };
  const store: ItemStore = {
    ...real,
    upsertItems: (items) => refuse(() => real.upsertItems(items)),
    checkWritable: async () => {
      state.probes++;
      return state.writable ? real.checkWritable() : readOnly;
    },
  };
  return { store: withWriteProbe(store), state, real };
}

async function health(store: ItemStore) {
  const app = createApp({
    store, taxonomy: data.taxonomy, curated: data.curated, log: memoryLog(), now: () => new Date(),
    config: { baseUrl: null, cacheMaxAge: 300, websubHub: null, adminToken: null },
  });
  const response = await app.request('http://caravan.test/healthz');
  return { status: response.status, body: (await response.json()) as { status: string; store: Record<string, unknown>; lastRun: unknown } };
}

describe('the write probe', () => {
  it('makes /healthz degraded with the reason at start-up, before any run has failed', async () => {
    const { store, state } = await switchable();
    state.writable = false;
    expect(await store.probe()).toBe(readOnly);
    const { status, body } = await health(store);
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'degraded', lastRun: null, store: { status: 'read-only', writable: false, error: readOnly } });
  });

  it('probes again after a failed write, and clears once a write succeeds', async () => {
    const { store, state } = await switchable();
    expect(await store.probe()).toBeNull();
    expect((await health(store)).body).toMatchObject({ status: 'ok', store: { status: 'ok', writable: true } });

    state.writable = false;
    const item = makeItem({ id: 'a' });
    await expect(store.upsertItems([{ item, titleKey: 'a' }])).rejects.toThrow(StoreWriteError);
    expect(state.probes).toBe(2);
    expect(store.writeProblem()).toBe(readOnly);
    expect((await health(store)).body).toMatchObject({ status: 'degraded', store: { writable: false, error: readOnly } });

    state.writable = true;
    await store.upsertItems([{ item, titleKey: 'a' }]);
    expect(store.writeProblem()).toBeNull();
    expect((await health(store)).body).toMatchObject({ status: 'ok', store: { writable: true } });
  });

  it('a write that fails for another reason (a busy lock) leaves the store writable when the probe says so', async () => {
    const real = await openSqliteStore(':memory:');
    const store = withWriteProbe({ ...real, upsertItems: async (_items) => Promise.reject(new StoreWriteError('store is locked by another process', 'SQLITE_BUSY')) });
    await expect(store.upsertItems([])).rejects.toThrow(/locked/);
    expect(store.writeProblem()).toBeNull();
  });

  it('the SQLite probe writes nothing', async () => {
    const real = await openSqliteStore(':memory:');
    const before = await real.version();
    expect(await real.checkWritable()).toBeNull();
    expect(await real.version()).toBe(before);
  });
});
