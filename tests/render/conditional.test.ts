import { describe, expect, it } from 'vitest';
import { isNotModified } from '../../src/render/conditional.js';

const etag = '"0123456789abcdef0123456789abcdef"';
const lastModified = new Date('2025-01-23T09:00:00.500Z');
const check = (headers: Record<string, string>) => isNotModified(new Headers(headers), etag, lastModified);

describe('isNotModified (RFC 9110 section 13.2.2)', () => {
  it('matches If-None-Match by weak comparison, in a list, or *', () => {
    expect(check({ 'If-None-Match': etag })).toBe(true);
    expect(check({ 'If-None-Match': `W/${etag}` })).toBe(true);
    expect(check({ 'If-None-Match': `"other", ${etag}` })).toBe(true);
    expect(check({ 'If-None-Match': '*' })).toBe(true);
    expect(check({ 'If-None-Match': '"other"' })).toBe(false);
  });

  it('lets If-None-Match win over If-Modified-Since', () => {
    expect(check({ 'If-None-Match': '"other"', 'If-Modified-Since': 'Fri, 01 Jan 2100 00:00:00 GMT' })).toBe(false);
    expect(check({ 'If-None-Match': etag, 'If-Modified-Since': 'Thu, 01 Jan 1970 00:00:00 GMT' })).toBe(true);
  });

  it('compares If-Modified-Since in whole seconds', () => {
    expect(check({ 'If-Modified-Since': 'Thu, 23 Jan 2025 09:00:00 GMT' })).toBe(true);
    expect(check({ 'If-Modified-Since': 'Thu, 23 Jan 2025 08:59:59 GMT' })).toBe(false);
    expect(check({ 'If-Modified-Since': 'not a date' })).toBe(false);
  });
});
