import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Article, Origin } from '../../../src/item.js';
import { parsePage } from '../../../src/ingest/local/parsePage.js';

/** What a person reading the feed should see for one article of a page. */
export interface ExpectedArticle {
  title: string;
  authors: string[];
  source: string | null;
  published: string | null;
  partial: boolean;
  /** Number of paragraphs. */
  paragraphs: number;
  /** The first words of the first paragraph, exactly. */
  first: string;
  /** The last words of the last paragraph, exactly. */
  last: string;
  /** Paragraphs that must be present exactly (split-out subheadings, for instance). */
  has?: string[];
  /** Text that must appear in no title or paragraph of this article. */
  absent?: string[];
}

/**
 * Chrome seen on the seed and fixture pages: none of it may reach a title or a paragraph.
 * (The parser never sees this list; it is what a reader would flag.)
 */
export const chromeStrings = [
  'KGS/USD', 'KZT/USD', 'RUB/USD', 'indicates required', 'keep reading', 'Show less', 'Continue reading',
  'Read more', 'Read also', '[caption', '[/caption]', '©', 'Copyright', 'All rights reserved', 'Top photo credit',
  'Top image credit', 'AI assistance', 'Skip to', 'Edit post', 'Hashtags', 'hours ago', 'Viewing results',
  'Page 2 of', 'Subscribe', 'Follow us', 'Try Our AI', 'Daily8', 'No comments', 'Related Articles', 'News Feed',
  'MORE NEWS', 'Editors\' Picks', 'LATEST', 'QIOSK', 'Newsletter', '1600px', '.jpg', '(kremlin.ru)', 'Getty Images',
  'shutterstock', 'Shutterstock', 'REUTERS/', 'republished', 'originally appeared', 'first published by',
  'Analysis | Reporting', '- Japan Today', '- Kyiv Post', 'By Qubad', 'By Steve Holland', 'By Illia', 'By Sabine',
  'min read', 'Listen to this', 'Advertisement', 'Load more', 'Next ›', 'Share this', 'Tags:',
  'Chechen Pantsir Missile Launcher', 'Footage from the crash site', 'Solar panels in the Akhal region',
  'remittance tax central america', 'US capitol building', 'Crown Prince of Ira', 'tajik migrants moscow',
  'Caspian Sea oil platform', 'Press service', 'press service', 'Explaining Ukraine with', 'Ukraine Daily',
];

const firstWords = (text: string, n: number) => text.split(' ').slice(0, n).join(' ');
const lastWords = (text: string, n: number) => text.split(' ').slice(-n).join(' ');
const wordsIn = (text: string) => text.split(' ').length;

/** The article as a reader checks it, shaped like the expectation so a failure shows a clean diff. */
function summarize(article: Article, expected: ExpectedArticle | undefined): ExpectedArticle {
  const paragraphs = article.paragraphs;
  return {
    title: article.title,
    authors: article.authors,
    source: article.source,
    published: article.published,
    partial: article.partial,
    paragraphs: paragraphs.length,
    first: firstWords(paragraphs[0] ?? '', expected ? wordsIn(expected.first) : 8),
    last: lastWords(paragraphs[paragraphs.length - 1] ?? '', expected ? wordsIn(expected.last) : 8),
    ...(expected?.has ? { has: expected.has.filter((p) => paragraphs.includes(p)) } : {}),
    ...(expected?.absent
      ? { absent: expected.absent.filter((s) => ![article.title, ...paragraphs].some((t) => t.includes(s))) }
      : {}),
  };
}

export function expectPage(text: string, origin: Origin, expected: ExpectedArticle[]): void {
  const { articles, notes } = parsePage(text, origin);
  expect(articles.map((a, i) => summarize(a, expected[i]))).toEqual(expected);
  for (const article of articles) {
    expect(article.origin).toEqual(origin);
    expect(article.language).toBe('en');
    expect([article.contentHtml, article.url, article.guid, article.updated]).toEqual([null, null, null, null]);
    for (const text of [article.title, ...article.paragraphs]) {
      expect(text.trim()).toBe(text);
      expect(text).not.toBe('');
      for (const chrome of chromeStrings) expect(text, `chrome "${chrome}" in "${article.title}"`).not.toContain(chrome);
    }
  }
  if (articles.length === 0) expect(notes.some((n) => n.startsWith('no article found'))).toBe(true);
}

/** Every `.txt` page of a directory, by listing it: a new page without expectations fails the test. */
export function pagesIn(dir: string): Array<{ file: string; text: string }> {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') }));
}
