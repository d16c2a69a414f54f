/**
 * The store contract suite: every ItemStore implementation must pass it (SQLite on Node here,
 * D1 inside workerd in tests/workers). Call it from a test file with a factory for a fresh store.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ItemStore, KeyedItem } from '../../src/store/store.js';
import { makeItem } from '../helpers/makeItem.js';
import type { Item } from '../../src/item.js';

const keyed = (item: Item): KeyedItem => ({ item, titleKey: item.title.toLowerCase() });

export function storeContract(name: string, open: () => Promise<ItemStore>) {
  describe(`ItemStore contract: ${name}`, () => {
    let store: ItemStore;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    it('migrates idempotently and answers ping', async () => {
      await store.migrate();
      await store.ping();
      expect(await store.version()).toBe(0);
    });

    it('writes groups in one write, each counted as if the groups before it were written first', async () => {
      const a = makeItem({ id: 'a', title: 'First', firstSeen: '2025-01-01T00:00:00.000Z' });
      await store.upsertItems([keyed(a)]);
      const v1 = await store.version();
      const b = makeItem({ id: 'b', title: 'Second' });
      const results = await store.upsertItemGroups([
        [keyed({ ...a, title: 'First, edited', firstSeen: '2030-01-01T00:00:00.000Z' }), keyed(b)],
        [keyed({ ...b, changed: '2026-01-01T00:00:00.000Z' })], // as group 1 left it: unchanged
        [keyed({ ...b, title: 'Second, edited' })],
        [],
      ]);
      expect(results).toEqual([
        { inserted: 1, updated: 1, unchanged: 0, changedIds: ['a', 'b'] },
        { inserted: 0, updated: 0, unchanged: 1, changedIds: [] },
        { inserted: 0, updated: 1, unchanged: 0, changedIds: ['b'] },
        { inserted: 0, updated: 0, unchanged: 0, changedIds: [] },
      ]);
      expect(await store.version()).toBe(v1 + 1); // one write
      expect((await store.getItem('a'))?.firstSeen).toBe('2025-01-01T00:00:00.000Z');
      expect((await store.getItem('b'))?.title).toBe('Second, edited');
      expect((await store.queryItems({ limit: 10, q: 'edited' })).items.map((i) => i.id).sort()).toEqual(['a', 'b']);
      expect(await store.countTags()).toMatchObject({ all: 2 });
    });

    it("writes every item's tag rows in one write, an item re-tagged later in the same write keeping only its last tags", async () => {
      // 12 items of 4 tags (48 rows, more than one INSERT's worth), one of them twice with other tags.
      const items = Array.from({ length: 12 }, (_, i) => makeItem({
        id: `t${i}`, title: `Tagged ${i}`, topics: ['energy', 'security'], regions: [i % 2 === 0 ? 'kazakhstan' : 'uzbekistan'],
      }));
      const retagged = { ...items[3], title: 'Tagged 3, edited', topics: ['aviation'], regions: [] };
      await store.upsertItemGroups([items.slice(0, 6).map(keyed), [keyed(retagged), ...items.slice(6).map(keyed)]]);
      expect(await store.countTags()).toEqual({
        all: 12, 'topic:energy': 11, 'topic:security': 11, 'topic:aviation': 1, 'region:kazakhstan': 6, 'region:uzbekistan': 5,
      });
      expect((await store.queryItems({ limit: 20, topics: ['aviation'] })).items.map((i) => i.id)).toEqual(['t3']);
      expect((await store.queryItems({ limit: 20, regions: ['uzbekistan'] })).items.map((i) => i.id).sort()).toEqual(['t1', 't11', 't5', 't7', 't9']);
    });

    it('probes writability without changing anything', async () => {
      expect(await store.checkWritable()).toBeNull();
      expect(await store.version()).toBe(0);
      expect(await store.lastRun()).toBeNull();
    });

    it('inserts, keeps firstSeen on update, and reports unchanged items without bumping the version', async () => {
      const item = makeItem({ id: 'a', topics: ['energy'], regions: ['kazakhstan', 'central-asia'] });
      expect(await store.upsertItems([keyed(item)])).toEqual({ inserted: 1, updated: 0, unchanged: 0, changedIds: ['a'] });
      const v1 = await store.version();
      expect(await store.upsertItems([keyed({ ...item, changed: '2026-01-01T00:00:00.000Z' })])).toEqual({
        inserted: 0, updated: 0, unchanged: 1, changedIds: [],
      });
      expect(await store.version()).toBe(v1);
      const edited = { ...item, title: 'New title', firstSeen: '2030-01-01T00:00:00.000Z' };
      expect(await store.upsertItems([keyed(edited)])).toEqual({ inserted: 0, updated: 1, unchanged: 0, changedIds: ['a'] });
      expect(await store.version()).toBeGreaterThan(v1);
      const stored = await store.getItem('a');
      expect(stored?.title).toBe('New title');
      expect(stored?.firstSeen).toBe('2025-01-01T00:00:00.000Z');
      expect(stored?.regions).toEqual(['kazakhstan', 'central-asia']);
    });

    it('files an item under every one of many tags, and a rewrite replaces its tags', async () => {
      // More tag rows than one INSERT of them holds (D1 binds at most 100 parameters a statement).
      const regions = Array.from({ length: 40 }, (_, n) => `region-${String(n).padStart(2, '0')}`);
      const item = makeItem({ id: 'many', topics: ['energy', 'aviation'], regions });
      const other = makeItem({ id: 'other', topics: ['energy'] });
      const results = await store.upsertItemGroups([[keyed(item)], [keyed({ ...item, topics: ['aviation'], regions: regions.slice(0, 35) }), keyed(other)]]);
      expect(results.map((r) => r.changedIds)).toEqual([['many'], ['many', 'other']]);
      const counts = await store.countTags();
      expect(counts).toMatchObject({ all: 2, 'topic:energy': 1, 'topic:aviation': 1, 'region:region-34': 1 });
      expect(counts['region:region-35']).toBeUndefined();
      expect(Object.keys(counts)).toHaveLength(1 + 2 + 35);
      const ids = async (q: Parameters<ItemStore['queryItems']>[0]) => (await store.queryItems(q)).items.map((i) => i.id);
      expect(await ids({ limit: 10, regions: ['region-00'] })).toEqual(['many']);
      expect(await ids({ limit: 10, topics: ['energy'] })).toEqual(['other']);
      await store.upsertItems([keyed({ ...item, topics: [], regions: [] })]);
      expect(await store.countTags()).toEqual({ all: 2, 'topic:energy': 1 });
    });

    it('answers a feed query with each item as last written, read again only when it changed', async () => {
      const a = makeItem({ id: 'a', published: '2025-06-01T00:00:00Z', topics: ['energy'] });
      const b = makeItem({ id: 'b', published: '2025-05-01T00:00:00Z', topics: ['energy'] });
      await store.upsertItems([keyed(a), keyed(b)]);
      const first = await store.queryItems({ limit: 10, topics: ['energy'] });
      expect(first.items.map((i) => i.title)).toEqual([a.title, b.title]);
      // Rewritten with the same change time: this store's own write is seen at once.
      await store.upsertItems([keyed({ ...a, title: 'Rewritten', authors: ['Someone Else'] })]);
      const second = await store.queryItems({ limit: 10, topics: ['energy'] });
      expect(second.items.map((i) => i.title)).toEqual(['Rewritten', b.title]);
      expect(second.items[0]!.authors).toEqual(['Someone Else']);
      expect(second.items[1]).toEqual(first.items[1]);
      await store.deleteItems(['a']);
      expect((await store.queryItems({ limit: 10, topics: ['energy'] })).items.map((i) => i.id)).toEqual(['b']);
      expect(await store.getItem('b')).toEqual(first.items[1]);
    });

    it('orders newest first with undated items last, and filters by topic, region and both', async () => {
      await store.upsertItems([
        makeItem({ id: 'old', published: '2024-01-01T00:00:00Z', topics: ['energy'], regions: ['kazakhstan'] }),
        makeItem({ id: 'new', published: '2025-06-01T00:00:00Z', topics: ['aviation'], regions: ['kazakhstan'] }),
        makeItem({ id: 'undated', topics: ['energy'], regions: ['russia'] }),
      ].map(keyed));
      const ids = async (q: Parameters<ItemStore['queryItems']>[0]) => (await store.queryItems(q)).items.map((i) => i.id);
      expect(await ids({ limit: 10 })).toEqual(['new', 'old', 'undated']);
      expect(await ids({ limit: 10, topics: ['energy'] })).toEqual(['old', 'undated']);
      expect(await ids({ limit: 10, regions: ['kazakhstan'] })).toEqual(['new', 'old']);
      expect(await ids({ limit: 10, topics: ['energy'], regions: ['kazakhstan'] })).toEqual(['old']);
      expect(await ids({ limit: 10, topics: ['energy', 'aviation'] })).toEqual(['new', 'old', 'undated']);
      expect(await ids({ limit: 10, since: '2025-01-01' })).toEqual(['new', 'undated']);
      expect(await store.countTags()).toMatchObject({ all: 3, 'topic:energy': 2, 'region:kazakhstan': 2 });
    });

    it('pages with a cursor without gaps or repeats', async () => {
      const items = Array.from({ length: 25 }, (_, n) =>
        makeItem({ id: `i${String(n).padStart(2, '0')}`, published: n % 5 === 0 ? null : `2025-01-${String(1 + (n % 20)).padStart(2, '0')}T00:00:00Z` }),
      );
      await store.upsertItems(items.map(keyed));
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.queryItems({ limit: 7, cursor });
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toHaveLength(25);
      expect(new Set(seen).size).toBe(25);
      await expect(store.queryItems({ limit: 5, cursor: 'garbage!' })).rejects.toThrow(/cursor/);
    });

    it('searches title and text with FTS, treating operators as words', async () => {
      await store.upsertItems([
        makeItem({ id: 'x', title: 'Aktau crash investigation', contentText: 'Embraer black boxes' }),
        makeItem({ id: 'y', title: 'Sanctions on energy', contentText: 'Treasury package' }),
      ].map(keyed));
      const ids = async (q: string) => (await store.queryItems({ limit: 10, q })).items.map((i) => i.id);
      expect(await ids('aktau')).toEqual(['x']);
      expect(await ids('black box')).toEqual(['x']);
      expect(await ids('treasury')).toEqual(['y']);
      expect(await ids('NEAR(" OR title:*')).toEqual([]);
      expect(await ids('"')).toEqual([]);
      // Search index follows updates.
      await store.upsertItems([keyed(makeItem({ id: 'y', title: 'Renamed', contentText: 'nothing' }))]);
      expect(await ids('treasury')).toEqual([]);
    });

    it('searches in feed order across pages, items of the same second and undated ones included', async () => {
      // 30 items in one second (their order is settled by sort key and id), 10 in other seconds, 5 undated.
      const items = [
        ...Array.from({ length: 30 }, (_, n) => makeItem({ id: `s${String(n).padStart(2, '0')}`, published: `2025-03-01T10:00:00.${String(n * 7 % 30).padStart(3, '0')}Z`, contentText: 'storm warning' })),
        ...Array.from({ length: 10 }, (_, n) => makeItem({ id: `d${n}`, published: `2025-03-0${n % 3 === 0 ? 2 : 1}T0${n}:00:00Z`, contentText: 'storm front', topics: ['energy'] })),
        ...Array.from({ length: 5 }, (_, n) => makeItem({ id: `u${n}`, contentText: 'storm', firstSeen: `2025-01-0${n + 1}T00:00:00.000Z` })),
        makeItem({ id: 'other', published: '2025-03-05T00:00:00Z', contentText: 'calm' }),
      ];
      await store.upsertItems(items.map(keyed));
      const everything = (await store.queryItems({ limit: 100 })).items.map((i) => i.id).filter((id) => id !== 'other');
      for (const limit of [1, 3, 7, 20]) {
        const seen: string[] = [];
        let cursor: string | undefined;
        for (let page = 0; page < 60; page++) {
          const result = await store.queryItems({ q: 'storm', limit, cursor });
          seen.push(...result.items.map((i) => i.id));
          if (!result.nextCursor) break;
          cursor = result.nextCursor;
        }
        expect(seen, `limit ${limit}`).toEqual(everything);
      }
      const energy = (await store.queryItems({ limit: 100, topics: ['energy'] })).items.map((i) => i.id);
      expect((await store.queryItems({ q: 'stor', limit: 100, topics: ['energy'] })).items.map((i) => i.id)).toEqual(energy);
      // A date that moves an item to another second moves it in the search too.
      await store.upsertItems([keyed({ ...items[45 - 1], published: '2025-03-09T00:00:00Z' })]);
      expect((await store.queryItems({ q: 'storm', limit: 1 })).items.map((i) => i.id)).toEqual(['u4']);
      await store.deleteItems(['u4']);
      expect((await store.queryItems({ q: 'storm', limit: 1 })).items.map((i) => i.id)).toEqual([everything[0]]);
    });

    it('matches every word by prefix, however many terms a prefix has', async () => {
      // 80 distinct terms beginning "ka" (more than a prefix is expanded into), one with a capital and an accent.
      await store.upsertItems([
        ...Array.from({ length: 80 }, (_, n) => makeItem({ id: `k${n}`, published: `2025-02-01T00:00:${String(n % 60).padStart(2, '0')}Z`, contentText: `ka${n}x and river` })),
        makeItem({ id: 'accent', published: '2025-04-01T00:00:00Z', title: 'Kazakhstan Café', contentText: 'river' }),
      ].map(keyed));
      const ids = async (q: string) => (await store.queryItems({ limit: 200, q })).items.map((i) => i.id);
      expect(await ids('ka')).toHaveLength(81);
      expect(await ids('ka river')).toHaveLength(81);
      expect(await ids('ka7')).toEqual(['k79', 'k78', 'k77', 'k76', 'k75', 'k74', 'k73', 'k72', 'k71', 'k70', 'k7']);
      expect(await ids('KAZ')).toEqual(['accent']);
      expect(await ids('café')).toEqual(['accent']);
      expect(await ids('kazakhstanx')).toEqual([]);
    });

    it('finds matches by id, url and title key, and deletes', async () => {
      await store.upsertItems([
        { item: makeItem({ id: 'p', url: 'https://example.com/a' }), titleKey: 'same story' },
        { item: makeItem({ id: 'q' }), titleKey: 'other' },
      ]);
      const found = await store.findMatches({ ids: [], urls: ['https://example.com/a'], titleKeys: ['other'] });
      expect(found.map((k) => k.item.id).sort()).toEqual(['p', 'q']);
      expect(found.find((k) => k.item.id === 'p')?.titleKey).toBe('same story');
      await store.deleteItems(['p']);
      expect(await store.getItem('p')).toBeNull();
      expect((await store.queryItems({ limit: 10 })).items.map((i) => i.id)).toEqual(['q']);
    });

    it('keeps source states and runs', async () => {
      const state = {
        id: 'https://example.com/feed', kind: 'upstream' as const, etag: '"x"', lastModified: null, contentHash: null,
        lastAttempt: '2025-01-01T00:00:00Z', lastSuccess: null, lastError: 'fetch: HTTP 500', consecutiveFailures: 2,
        nextAttempt: '2025-01-01T01:00:00Z', itemCount: 0,
      };
      await store.saveSourceStates([state]);
      await store.saveSourceStates([{ ...state, consecutiveFailures: 3 }]);
      expect(await store.sourceStates()).toEqual([{ ...state, consecutiveFailures: 3 }]);
      // A fullText source's memory of its entries' pages is part of its state.
      const fullText = { 'urn:a': { hash: 'h1', url: 'https://example.com/a', etag: '"p"', lastModified: null, error: null },
        'urn:b': { hash: 'h2', url: 'https://example.com/b', etag: null, lastModified: null, error: 'fetch: HTTP 404' } };
      await store.saveSourceStates([{ ...state, consecutiveFailures: 3, fullText }]);
      expect(await store.sourceStates()).toEqual([{ ...state, consecutiveFailures: 3, fullText }]);
      expect(await store.lastRun()).toBeNull();
      const run = { started: '2025-01-01T00:00:00Z', finished: '2025-01-01T00:00:01Z', status: 'ok' as const, pagesRead: 1, entries: 0, skipped: 0,
        inserted: 1, updated: 0, unchanged: 0, sources: [], error: null };
      await store.recordRun(run);
      await store.recordRun({ ...run, started: '2025-01-02T00:00:00Z' });
      expect((await store.lastRun())?.started).toBe('2025-01-02T00:00:00Z');
    });

    it('grants a lease to one owner at a time until it expires', async () => {
      expect(await store.acquireLease('ingest', 'a', '2025-01-01T00:00:00Z', '2025-01-01T00:10:00Z')).toBe(true);
      expect(await store.acquireLease('ingest', 'b', '2025-01-01T00:05:00Z', '2025-01-01T00:15:00Z')).toBe(false);
      expect(await store.acquireLease('ingest', 'b', '2025-01-01T00:11:00Z', '2025-01-01T00:20:00Z')).toBe(true);
      await store.releaseLease('ingest', 'b');
      expect(await store.acquireLease('ingest', 'a', '2025-01-01T00:12:00Z', '2025-01-01T00:20:00Z')).toBe(true);
    });

    it('removes items older than a cutoff, with their tags and search rows, except those a kept page yields', async () => {
      const upstream = [{ kind: 'upstream' as const, ref: 'https://example.com/feed' }];
      await store.upsertItems([
        keyed(makeItem({ id: 'old-up', title: 'Zeppelin old', published: '2024-01-01T00:00:00.000Z', origins: upstream, topics: ['energy'] })),
        keyed(makeItem({ id: 'old-gone-page', published: '2024-02-01T00:00:00.000Z', origins: [{ kind: 'page', ref: 'gone.txt' }] })),
        keyed(makeItem({ id: 'old-kept-page', published: '2024-03-01T00:00:00.000Z', origins: [{ kind: 'page', ref: 'kept.txt' }, ...upstream] })),
        keyed(makeItem({ id: 'old-undated', firstSeen: '2024-04-01T00:00:00.000Z', origins: upstream })),
        keyed(makeItem({ id: 'new-up', title: 'Zeppelin new', published: '2025-06-01T00:00:00.000Z', origins: upstream, topics: ['energy'] })),
        keyed(makeItem({ id: 'new-undated', firstSeen: '2025-06-01T00:00:00.000Z', origins: upstream })),
      ]);
      const v = await store.version();
      expect(await store.deleteItemsOlderThan('2025-01-01T00:00:00.000Z', ['kept.txt'])).toBe(3);
      expect(await store.deleteItemsOlderThan('2025-01-01T00:00:00.000Z', ['kept.txt'])).toBe(0);
      expect(await store.version()).toBeGreaterThan(v);
      expect((await store.queryItems({ limit: 10 })).items.map((i) => i.id).sort()).toEqual(['new-undated', 'new-up', 'old-kept-page']);
      // The tag index and the search index forgot them too.
      expect((await store.queryItems({ topics: ['energy'], limit: 10 })).items.map((i) => i.id)).toEqual(['new-up']);
      expect((await store.queryItems({ q: 'zeppelin', limit: 10 })).items.map((i) => i.id)).toEqual(['new-up']);
      expect((await store.countTags()).all).toBe(3);
      expect((await store.stats()).items).toBe(3);
    });

    it('removes old items in batches: more than one batch of them', async () => {
      const old = Array.from({ length: 1205 }, (_, i) =>
        keyed(makeItem({ id: `o${String(i).padStart(4, '0')}`, published: '2024-01-01T00:00:00.000Z', origins: [{ kind: 'page', ref: i % 100 === 0 ? 'kept.txt' : 'gone.txt' }] })));
      for (let i = 0; i < old.length; i += 200) await store.upsertItems(old.slice(i, i + 200));
      expect(await store.deleteItemsOlderThan('2025-01-01T00:00:00.000Z', ['kept.txt'])).toBe(1205 - 13);
      expect((await store.stats()).items).toBe(13);
    });

    it('reports its item count, and compacts without losing anything', async () => {
      await store.upsertItems([keyed(makeItem({ id: 's1' })), keyed(makeItem({ id: 's2' }))]);
      const stats = await store.stats();
      expect(stats.items).toBe(2);
      const compacted = await store.compact();
      if (compacted !== null) expect(compacted.after).toBeLessThanOrEqual(compacted.before);
      expect((await store.stats()).items).toBe(2);
    });
  });
}
