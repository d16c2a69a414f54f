/**
 * sha256Hex: the same digest on both of its paths (short text in JavaScript, long text by Web
 * Crypto), on both sides of the length where it changes path, for ASCII and for other scripts.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/ingest/hash.js';

const reference = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('sha256Hex', () => {
  it('gives the standard digest of a short string', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('gives the same digest as a reference on either side of its path switch, in any script', async () => {
    for (const unit of ['a', 'é', 'жд', '中文', '😀', 'word and ']) {
      for (const length of [1, 100, 4095, 4096, 4097, 5000, 70_000]) {
        const text = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
        expect(await sha256Hex(text), `${JSON.stringify(unit)} x ${length}`).toBe(reference(text));
      }
    }
  });
});
