import { describe, expect, it } from 'vitest';
import { nodeCompress } from '../../src/node/compress.js';
import { compressBytes } from '../../src/render/contentEncoding.js';

describe('nodeCompress', () => {
  const texts = ['', 'x', '<feed>'.repeat(5000) + ' 🐪 مرحبا', Array.from({ length: 3000 }, (_, i) => `<entry>${i * 7919 % 1000}</entry>`).join('\n')];
  it.each(['gzip', 'deflate'] as const)('%s writes the bytes CompressionStream writes', async (coding) => {
    for (const text of texts) {
      const bytes = new TextEncoder().encode(text);
      const ours = await nodeCompress(bytes, coding);
      expect(ours).toEqual(await compressBytes(bytes, coding));
      expect(ours.byteOffset).toBe(0);
      expect(ours.byteLength).toBe(ours.buffer.byteLength);
    }
  });
});
