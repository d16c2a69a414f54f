import { describe, expect, it } from 'vitest';
import { LruMap } from '../src/lruMap.js';

describe('LruMap', () => {
  it('keeps at most its capacity and evicts an entry not used since it came in', () => {
    const m = new LruMap<string, number>(2);
    m.set('a', 1);
    m.set('b', 2);
    expect(m.get('a')).toBe(1);
    m.set('c', 3);
    expect(m.size).toBe(2);
    expect(m.get('b')).toBeUndefined();
    expect(m.get('a')).toBe(1);
    expect(m.get('c')).toBe(3);
  });

  it('gives a used entry a second chance only: unused since, it goes next', () => {
    const m = new LruMap<string, number>(3);
    for (const [k, v] of [['a', 1], ['b', 2], ['c', 3]] as const) m.set(k, v);
    m.get('a');
    m.set('d', 4); // a is put back unmarked, b goes
    expect([m.get('b'), m.size]).toEqual([undefined, 3]);
    m.set('e', 5); // c was never used: it goes before a
    expect(m.get('c')).toBeUndefined();
    expect(m.get('a')).toBe(1);
  });

  it('evicts even when every entry was used, and replaces a held key in place', () => {
    const m = new LruMap<string, number>(2);
    m.set('a', 1);
    m.set('b', 2);
    m.get('a');
    m.get('b');
    m.set('a', 10);
    expect(m.size).toBe(2);
    m.set('c', 3);
    expect(m.size).toBe(2);
    expect(m.get('c')).toBe(3);
    expect([m.get('a'), m.get('b')].filter((v) => v !== undefined)).toHaveLength(1);
    m.delete('c');
    expect(m.get('c')).toBeUndefined();
  });

  it('refuses a capacity below one', () => {
    expect(() => new LruMap(0)).toThrow(RangeError);
  });
});
