import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSources } from '../../../src/ingest/upstream/parseSources.js';

const file = 'config/sources.json';

describe('parseSources', () => {
  it('reads the shipped config: pages on, no upstream feeds', () => {
    const json: unknown = JSON.parse(readFileSync(new URL('../../../config/sources.json', import.meta.url), 'utf8'));
    expect(parseSources(json, file)).toEqual({ pages: { enabled: true }, upstream: [], defaults: { intervalMinutes: 15 } });
  });

  it('applies defaults and normalizes URLs', () => {
    const config = parseSources(
      {
        $comment: 'doc',
        defaults: { intervalMinutes: 20 },
        pages: { enabled: false },
        upstream: [
          { url: 'https://News.Example/feed.xml', name: '  Steppe Wire ', topics: ['aviation', 'oil-gas'], regions: ['kz'], $note: 'x' },
          { url: 'http://127.0.0.1:8080/feed', intervalMinutes: 5, allowPrivate: true },
        ],
      },
      file,
    );
    expect(config).toEqual({
      pages: { enabled: false },
      defaults: { intervalMinutes: 20 },
      upstream: [
        { url: 'https://news.example/feed.xml', name: 'Steppe Wire', topics: ['aviation', 'oil-gas'], regions: ['kz'], intervalMinutes: 20, allowPrivate: false },
        { url: 'http://127.0.0.1:8080/feed', name: null, topics: [], regions: [], intervalMinutes: 5, allowPrivate: true },
      ],
    });
    expect(parseSources({}, file)).toEqual({ pages: { enabled: true }, upstream: [], defaults: { intervalMinutes: 15 } });
  });

  it.each([
    [[], 'config/sources.json: must be a JSON object with "pages" and "upstream"'],
    [{ upstream: {} }, 'config/sources.json: "upstream" must be an array'],
    [{ feeds: [] }, 'config/sources.json: unknown field "feeds"'],
    [{ pages: { enabled: 'yes' } }, 'config/sources.json: pages: "enabled" must be true or false'],
    [{ defaults: { intervalMinutes: 0 } }, 'config/sources.json: defaults: intervalMinutes must be a positive number of minutes, got 0'],
    [{ upstream: ['https://a.example/'] }, 'config/sources.json: upstream[0]: must be an object with a "url"'],
    [{ upstream: [{ name: 'x' }] }, 'config/sources.json: upstream[0]: "url" is required and must be a string'],
    [{ upstream: [{ url: 'ftp://a.example/feed' }] }, 'config/sources.json: upstream[0] (ftp://a.example/feed): url is not an http(s) URL'],
    [{ upstream: [{ url: 'javascript:alert(1)' }] }, 'config/sources.json: upstream[0] (javascript:alert(1)): url is not an http(s) URL'],
    [{ upstream: [{ url: 'not a url' }] }, 'config/sources.json: upstream[0] (not a url): url is not an http(s) URL'],
    [
      { upstream: [{ url: 'https://a.example/f' }, { url: 'https://b.example/f' }, { url: 'https://A.example/f' }] },
      'config/sources.json: upstream[2] (https://a.example/f): duplicate url (same as upstream[0])',
    ],
    [{ upstream: [{ url: 'https://a.example/f', topics: ['Aviation'] }] }, 'config/sources.json: upstream[0] (https://a.example/f): topics[0] "Aviation" is not a slug (lowercase letters, digits, single hyphens)'],
    [{ upstream: [{ url: 'https://a.example/f', regions: ['central--asia'] }] }, 'config/sources.json: upstream[0] (https://a.example/f): regions[0] "central--asia" is not a slug (lowercase letters, digits, single hyphens)'],
    [{ upstream: [{ url: 'https://a.example/f', topics: 'aviation' }] }, 'config/sources.json: upstream[0] (https://a.example/f): topics must be an array of slugs'],
    [{ upstream: [{ url: 'https://a.example/f', intervalMinutes: -5 }] }, 'config/sources.json: upstream[0] (https://a.example/f): intervalMinutes must be a positive number of minutes, got -5'],
    [{ upstream: [{ url: 'https://a.example/f', intervalMinutes: '15' }] }, 'config/sources.json: upstream[0] (https://a.example/f): intervalMinutes must be a positive number of minutes, got "15"'],
    [{ upstream: [{ url: 'https://a.example/f', name: '' }] }, 'config/sources.json: upstream[0] (https://a.example/f): name must be a non-empty string'],
    [{ upstream: [{ url: 'https://a.example/f', interval: 5 }] }, 'config/sources.json: upstream[0] (https://a.example/f): unknown field "interval"'],
    [{ upstream: [{ url: 'http://localhost:8080/f' }] }, 'config/sources.json: upstream[0] (http://localhost:8080/f): host localhost is a local or private address; set "allowPrivate": true to fetch it'],
    [{ upstream: [{ url: 'https://a.example/f', allowPrivate: 'yes' }] }, 'config/sources.json: upstream[0] (https://a.example/f): allowPrivate must be true or false'],
    [{ upstream: [{ url: 'https://a.example/f', fullText: 'yes' }] }, 'config/sources.json: upstream[0] (https://a.example/f): fullText must be true or false'],
    [{ upstream: [{ url: 'https://u:p@a.example/f' }] }, 'config/sources.json: upstream[0] (https://u:p@a.example/f): url must not carry credentials'],
  ])('%j throws', (json, message) => {
    expect(() => parseSources(json, file)).toThrow(new Error(message));
  });

  it('reads "fullText": true (off when absent or false)', () => {
    const { upstream } = parseSources({ upstream: [{ url: 'https://a.example/f', fullText: true }, { url: 'https://b.example/f', fullText: false }, { url: 'https://c.example/f' }] }, file);
    expect(upstream.map((s) => s.fullText === true)).toEqual([true, false, false]);
  });
});
