/** Migration 0002 (search in feed order) on a D1 database that already holds items from before it. */
import { reset } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../build/worker-data/migrations.js';
import { openD1Store } from '../../src/store/d1.js';
import { itemColumns, itemTags, rowValues, toRow } from '../../src/store/itemRow.js';
import { makeItem } from '../helpers/makeItem.js';

describe('D1: migration 0002 on an existing store', () => {
  it('re-ranks the items in place and searches them in feed order', async () => {
    await reset();
    const before = await openD1Store(env.DB, migrations.slice(0, 1));
    const items = Array.from({ length: 30 }, (_, n) =>
      makeItem({ id: `i${n}`, published: n % 5 ? `2025-0${(n % 9) + 1}-01T00:00:00Z` : null, title: `Harbour ${n}`, contentText: n % 2 ? 'harbours' : 'harbour' }));
    // Written as the store wrote items before 0002 (rowid in insertion order).
    const marks = itemColumns.split(', ').map(() => '?').join(', ');
    await env.DB.batch(items.flatMap((item) => {
      const row = toRow(item, item.title);
      return [
        env.DB.prepare(`INSERT INTO items (${itemColumns}) VALUES (${marks})`).bind(...rowValues(row)),
        ...itemTags(item).map((t) => env.DB.prepare('INSERT INTO item_tags (tag, sort_key, item_id) VALUES (?, ?, ?)').bind(t, row.sort_key, item.id)),
      ];
    }));
    const order = (await before.queryItems({ limit: 100 })).items.map((i) => i.id);

    const store = await openD1Store(env.DB, migrations);
    expect((await store.queryItems({ q: 'harb', limit: 100 })).items.map((i) => i.id)).toEqual(order);
    expect((await store.queryItems({ q: 'harbours', limit: 100 })).items.map((i) => i.id)).toEqual(order.filter((id) => Number(id.slice(1)) % 2));
    const { results } = await env.DB.prepare("SELECT term FROM search_terms WHERE term >= 'harb' AND term < 'harc' ORDER BY term").all<{ term: string }>();
    expect(results.map((r) => r.term)).toEqual(['harbour', 'harbours']);
  });
});
