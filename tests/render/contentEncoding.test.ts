import { describe, expect, it } from 'vitest';
import { compressBytes, negotiateEncoding } from '../../src/render/contentEncoding.js';

describe('negotiateEncoding', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['identity', null],
    ['gzip, deflate, br', 'gzip'],
    ['br', null],
    ['deflate', 'deflate'],
    ['gzip;q=0.5, deflate', 'deflate'],
    ['gzip;q=0', null],
    ['*', 'gzip'],
    ['*;q=0.1, gzip;q=0', 'deflate'],
    ['GZIP', 'gzip'],
    ['x-gzip', null],
  ] as const)('%s → %s', (header, expected) => {
    expect(negotiateEncoding(header)).toBe(expected);
  });
});

describe('compressBytes', () => {
  it.each(['gzip', 'deflate'] as const)('%s round-trips and is deterministic', async (coding) => {
    const bytes = new TextEncoder().encode('<feed>'.repeat(1000) + ' 🐪 مرحبا');
    const packed = await compressBytes(bytes, coding);
    expect(packed.byteLength).toBeLessThan(bytes.byteLength / 10);
    expect(await compressBytes(bytes, coding)).toEqual(packed);
    const unpacked = new Uint8Array(await new Response(new Blob([packed]).stream().pipeThrough(new DecompressionStream(coding))).arrayBuffer());
    expect(unpacked).toEqual(bytes);
  });
});
