import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { storeContract } from './storeContract.js';
import { makeItem } from '../helpers/makeItem.js';

storeContract('SQLite in memory', () => openSqliteStore(':memory:'));

const dir = mkdtempSync(join(tmpdir(), 'caravan-store-'));
let n = 0;
storeContract('SQLite file (WAL)', () => openSqliteStore(join(dir, `s${n++}`, 'caravan.db')));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("sees another handle's rewrite of an item (a CLI ingest beside the server) in its next feed query", async () => {
  const path = join(dir, 'two-handles', 'caravan.db');
  const server = await openSqliteStore(path);
  const ingest = await openSqliteStore(path);
  try {
    const item = makeItem({ id: 'x', published: '2025-06-01T00:00:00Z', regions: ['kazakhstan'] });
    await ingest.upsertItems([{ item, titleKey: 'x' }]);
    expect((await server.queryItems({ limit: 5, regions: ['kazakhstan'] })).items[0]!.title).toBe(item.title);
    await ingest.upsertItems([{ item: { ...item, title: 'Later title', changed: '2026-02-02T00:00:00.000Z' }, titleKey: 'x' }]);
    const [seen] = (await server.queryItems({ limit: 5, regions: ['kazakhstan'] })).items;
    expect(seen!.title).toBe('Later title');
    expect(seen!.changed).toBe('2026-02-02T00:00:00.000Z');
  } finally {
    await server.close();
    await ingest.close();
  }
});
