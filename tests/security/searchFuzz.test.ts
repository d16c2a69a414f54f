/**
 * Search input (`q`) fuzzed: it cannot break out of the FTS5 query (no operator, column filter or
 * syntax error gets through), and no input takes long (no catastrophic backtracking in the
 * parameter checks or the query builder).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { InputError } from '../../src/errors.js';
import { parseFeedParams } from '../../src/http/feedQuery.js';
import { ftsQuery } from '../../src/store/itemQuerySql.js';
import type { ItemStore } from '../../src/store/store.js';
import { realConfigData } from '../helpers/configData.js';
import { seededApp } from '../helpers/seededApp.js';

const data = realConfigData();
let store: ItemStore;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  ({ store, app } = await seededApp());
});

const ftsSyntax = ['"', '*', '^', ':', '(', ')', '{', '}', '-', '+', 'AND', 'OR', 'NOT', 'NEAR', 'NEAR(', 'title:', 'content_text:', '{title content_text}:', "'", ';', '--', '\\', '\u0000', '%', '_', '[', ']'];
const words = ['kazakhstan', 'kazakh', 'aktau', 'crash', 'Astana', 'ÜBER', 'Қазақ', '日本', 'x'.repeat(200), '1e309', '0'];
const qArbitrary = fc.oneof(
  fc.array(fc.constantFrom(...ftsSyntax, ...words, ' ', '  '), { maxLength: 30 }).map((parts) => parts.join('')),
  fc.array(fc.constantFrom(...ftsSyntax, ...words), { maxLength: 30 }).map((parts) => parts.join(' ')),
  fc.string({ maxLength: 250 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  fc.string({ unit: 'binary', maxLength: 100 }),
  // Shapes that make naive patterns backtrack: long runs of one class broken at the end.
  fc.tuple(fc.constantFrom('a', ' ', '"', 'a ', 'a"', '*', 'é'), fc.integer({ min: 1, max: 200 }), fc.constantFrom('', '!', '\u0000', '"'))
    .map(([unit, n, end]) => unit.repeat(n) + end),
);

describe('search input', () => {
  it('becomes quoted prefix terms only: no FTS5 operator, column or syntax survives', () => {
    fc.assert(
      fc.property(qArbitrary, (q) => {
        const match = ftsQuery(q);
        if (match === null) return;
        // Every term is one quoted run of letters and digits with a prefix star, nothing else.
        expect(match).toMatch(/^"[\p{L}\p{N}]{1,64}"\*(?: "[\p{L}\p{N}]{1,64}"\*){0,15}$/u);
      }),
      { numRuns: 2000 },
    );
  });

  it('never gives a store error or a 5xx, and every query is fast', async () => {
    await fc.assert(
      fc.asyncProperty(qArbitrary, async (q) => {
        const started = performance.now();
        let params;
        try {
          params = parseFeedParams({ q: [q] });
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
          return;
        }
        await store.queryItems({ ...params, limit: 20 }); // a FTS5 syntax error would throw here
        const response = await app.request(`http://caravan.test/items?q=${encodeURIComponent(q)}`);
        expect(response.status, q).toBeLessThan(500);
        expect(performance.now() - started, `q=${JSON.stringify(q).slice(0, 80)}`).toBeLessThan(250);
      }),
      { numRuns: 400 },
    );
  });

  it('treats operator words and column filters as plain words to find', async () => {
    const ids = async (q: string) => (await store.queryItems({ q, limit: 100 })).items.map((i) => i.id);
    const kazakhstan = await ids('kazakhstan');
    expect(kazakhstan.length).toBeGreaterThan(3);
    // If OR / NOT / NEAR / column filters were live, these would find the Kazakhstan items.
    for (const q of ['kazakhstan OR zzzzqqq', 'zzzzqqq OR kazakhstan', 'NOT zzzzqqq', 'title:kazakhstan zzzzqqq', 'NEAR(kazakhstan zzzzqqq)', '"kazakhstan" OR "zzzzqqq"', 'kazakhstan) OR (zzzzqqq']) {
      expect(await ids(q), q).toEqual([]);
    }
    // Punctuation is only a separator: the same words find the same items.
    expect(await ids('"kazakhstan"')).toEqual(kazakhstan);
    expect(await ids('kazakhstan*^:()')).toEqual(kazakhstan);
  });

  it('refuses a q with no word, or too long, with a clear 400 JSON', async () => {
    for (const [q, message] of [['***', /q has no word to search for/], ['"" () :', /q has no word/], ['a'.repeat(201), /q is longer than 200 characters/], ['   ', /q must not be empty/]] as const) {
      const response = await app.request(`http://caravan.test/items?q=${encodeURIComponent(q)}`);
      expect(response.status).toBe(400);
      expect((await response.json()).error).toMatch(message);
    }
  });
});
