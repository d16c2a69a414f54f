import { describe, expect, it } from 'vitest';
import { preferredType } from '../../src/http/negotiate.js';

const front = ['application/atom+xml', 'text/html', 'application/json'];

describe('preferredType', () => {
  it('takes the highest q, a type named outright over a wildcard, then the client order, then the offer order', () => {
    // Chromium and Firefox.
    expect(preferredType('text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8', front)).toBe('text/html');
    // feedparser.
    expect(preferredType('application/atom+xml,application/rdf+xml,application/rss+xml,application/x-netcdf,application/xml;q=0.9,text/xml;q=0.2,*/*;q=0.1', front)).toBe('application/atom+xml');
    // newsboat, curl, rsstail: no type named, or no header at all: the first offer.
    expect(preferredType('*/*', front)).toBe('application/atom+xml');
    expect(preferredType(undefined, front)).toBe('application/atom+xml');
    expect(preferredType('', front)).toBe('application/atom+xml');
    expect(preferredType('application/json', front)).toBe('application/json');
    expect(preferredType('application/json;q=0.5, text/html;q=0.4', front)).toBe('application/json');
    expect(preferredType('text/*', front)).toBe('text/html');
    expect(preferredType('text/html;q=0.5, */*', front)).toBe('application/atom+xml');
  });

  it('is null when nothing offered is acceptable, and q=0 refuses', () => {
    expect(preferredType('image/png', front)).toBeNull();
    expect(preferredType('text/html;q=0, image/png', front)).toBeNull();
    expect(preferredType('*/*, application/atom+xml;q=0', front)).toBe('text/html');
  });
});
