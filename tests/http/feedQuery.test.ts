import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseFeedParams } from '../../src/http/feedQuery.js';
import { isNotModified } from '../../src/render/conditional.js';
import { negotiateFormat } from '../../src/render/formats.js';

describe('feed query parameters', () => {
  it('accepts good values and defaults limit to 20', () => {
    expect(parseFeedParams({})).toEqual({ limit: 20 });
    expect(parseFeedParams({ limit: ['100'], since: ['2025-01-22'], q: [' aktau '] })).toEqual({ limit: 100, since: '2025-01-22', q: 'aktau' });
    expect(parseFeedParams({ since: ['2025-01-22T10:00:00+02:00'] }).since).toBe('2025-01-22T08:00:00.000Z');
  });

  it.each([
    [{ limit: ['0'] }, /limit/], [{ limit: ['101'] }, /limit/], [{ limit: ['1e309'] }, /limit/], [{ limit: ['abc'] }, /limit/],
    [{ limit: ['5', '6'] }, /more than once/], [{ since: ['0000-00-00'] }, /since/], [{ since: ['2025-02-30'] }, /since/],
    [{ since: ['yesterday'] }, /since/], [{ q: ['  '] }, /empty/], [{ q: ['"*:'] }, /no word/], [{ q: ['x'.repeat(201)] }, /longer/],
  ])('refuses %j with a clear 400', (query, message) => {
    try {
      parseFeedParams(query);
      expect.fail('should throw');
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).status).toBe(400);
      expect((error as Error).message).toMatch(message);
    }
  });
});

describe('format negotiation and conditional GET', () => {
  it('picks the preferred feed type from Accept, Atom by default', () => {
    expect(negotiateFormat(undefined)).toBe('atom');
    expect(negotiateFormat('application/rss+xml')).toBe('rss');
    expect(negotiateFormat('application/atom+xml;q=0.5, application/feed+json')).toBe('json');
    expect(negotiateFormat('text/html, */*;q=0.1')).toBe('atom');
    expect(negotiateFormat(';;;,,q=abc')).toBe('atom');
  });

  it('lets If-None-Match win over If-Modified-Since', () => {
    const modified = new Date('2025-01-01T00:00:00Z');
    const h = (init: Record<string, string>) => new Headers(init);
    expect(isNotModified(h({ 'if-none-match': '"abc"' }), '"abc"', modified)).toBe(true);
    expect(isNotModified(h({ 'if-none-match': 'W/"abc", "x"' }), '"abc"', modified)).toBe(true);
    expect(isNotModified(h({ 'if-none-match': '"old"', 'if-modified-since': modified.toUTCString() }), '"abc"', modified)).toBe(false);
    expect(isNotModified(h({ 'if-modified-since': modified.toUTCString() }), '"abc"', modified)).toBe(true);
    expect(isNotModified(h({ 'if-modified-since': 'garbage' }), '"abc"', modified)).toBe(false);
  });
});
