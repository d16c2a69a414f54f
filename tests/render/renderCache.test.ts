import { describe, expect, it } from 'vitest';
import { makeRendered, RenderCache, representationFor } from '../../src/http/renderCache.js';

describe('rendered representations', () => {
  it('give each coding its own strong ETag, a hash of exactly the bytes sent', async () => {
    const rendered = await makeRendered('<feed>'.repeat(500), new Date(0));
    const identity = await representationFor(rendered, null);
    const gzip = await representationFor(rendered, 'gzip');
    const deflate = await representationFor(rendered, 'deflate');
    const etags = [identity.etag, gzip.etag, deflate.etag];
    for (const etag of etags) expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(new Set(etags).size).toBe(3);
    // Made once per rendered document.
    expect(await representationFor(rendered, 'gzip')).toBe(gzip);
  });

  it('change the ETag exactly when the bytes change', async () => {
    const a = await makeRendered('<feed>a</feed>', new Date(0));
    const same = await makeRendered('<feed>a</feed>', new Date(1000));
    const b = await makeRendered('<feed>b</feed>', new Date(0));
    expect(same.identity.etag).toBe(a.identity.etag);
    expect(b.identity.etag).not.toBe(a.identity.etag);
    expect((await representationFor(same, 'gzip')).etag).toBe((await representationFor(a, 'gzip')).etag);
  });
});

describe('RenderCache', () => {
  it('serves an entry only for the store version it was made at, and evicts the least recently used', async () => {
    const cache = new RenderCache(2);
    const r = await makeRendered('x', new Date(0));
    cache.set('a', 1, r);
    expect(cache.get('a', 1)).toBe(r);
    expect(cache.get('a', 2)).toBeUndefined();
    cache.set('b', 1, r);
    cache.get('a', 1);
    cache.set('c', 1, r);
    expect(cache.get('b', 1)).toBeUndefined();
    expect(cache.get('a', 1)).toBe(r);
  });
});
