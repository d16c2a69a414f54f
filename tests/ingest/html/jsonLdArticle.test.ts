import { describe, expect, it } from 'vitest';
import { jsonLdArticle } from '../../../src/ingest/html/jsonLdArticle.js';

describe('jsonLdArticle', () => {
  it('finds the article in @graph, with every author and the publisher', () => {
    const ld = jsonLdArticle([JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebPage', name: 'page' },
        { '@type': ['NewsArticle'], headline: 'A headline', author: [{ '@type': 'Person', name: 'A One' }, 'B Two'],
          datePublished: '2024-01-02T03:04:05Z', publisher: { '@type': 'Organization', name: 'The Paper' }, inLanguage: 'kk' },
      ],
    })]);
    expect(ld).toEqual({
      headline: 'A headline', authors: ['A One', 'B Two'], datePublished: '2024-01-02T03:04:05Z', dateModified: null,
      publisher: 'The Paper', url: null, inLanguage: 'kk',
    });
  });
  it('takes an array of objects and a BlogPosting; skips broken blocks and non-articles', () => {
    const ld = jsonLdArticle(['{ not json', JSON.stringify({ '@type': 'Organization', name: 'x' }),
      JSON.stringify([{ '@type': 'BlogPosting', name: 'Post title', author: { name: 'C Three' }, url: 'https://blog.example/p' }])]);
    expect(ld?.headline).toBe('Post title');
    expect(ld?.authors).toEqual(['C Three']);
    expect(ld?.url).toBe('https://blog.example/p');
  });
  it('is null without any article', () => {
    expect(jsonLdArticle([])).toBeNull();
    expect(jsonLdArticle(['{"@type":"WebSite","name":"x"}'])).toBeNull();
  });
});
