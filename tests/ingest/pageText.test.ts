import { describe, expect, it } from 'vitest';
import { collectPages } from '../../src/ingest/collectPages.js';
import { memoryPages, type PageReader } from '../../src/ingest/pageReader.js';
import { PageRefused, pageText } from '../../src/ingest/pageText.js';
import { memoryLog } from '../../src/log.js';

const page = 'Caravan test headline about the steppe\n\nBy A Writer\n\nThe first paragraph of the article tells what happened on the steppe today, in plenty of words.\n';
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('pageText', () => {
  it('reads UTF-8 (with or without BOM) and BOM-marked UTF-16', () => {
    expect(pageText(utf8(page))).toBe(page);
    expect(pageText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(page)]))).toBe(page);
    const le = new Uint8Array(2 + page.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < page.length; i++) le[2 + i * 2] = page.charCodeAt(i);
    expect(pageText(le)).toBe(page);
    expect(pageText('\uFEFF' + page)).toBe(page);
  });

  it('refuses a page over the cap, in MB, from bytes or text', () => {
    const max = 5 * 1024 * 1024;
    expect(() => pageText(new Uint8Array(21 * 1024 * 1024).fill(0x61), { maxBytes: max })).toThrow('page too large (21 MB > 5 MB)');
    expect(() => pageText('a'.repeat(max + 1), { maxBytes: max })).toThrow(/^page too large \(5\.0 MB > 5 MB\)$/);
    // Two-byte characters: 3 MB of text is over a 5 MB cap in UTF-8 bytes.
    expect(() => pageText('ж'.repeat(3 * 1024 * 1024), { maxBytes: max })).toThrow('page too large (6 MB > 5 MB)');
    expect(pageText('a'.repeat(max), { maxBytes: max })).toHaveLength(max);
  });

  it.each([
    ['PNG image', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
    ['PDF document', [...utf8('%PDF-1.7\n')]],
    ['gzip archive', [0x1f, 0x8b, 0x08, 0x00]],
    ['ZIP archive or office document', [0x50, 0x4b, 0x03, 0x04]],
    ['ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
    ['SQLite database', [...utf8('SQLite format 3\u0000')]],
  ])('refuses a %s by its signature', (kind, head) => {
    expect(() => pageText(new Uint8Array([...head, ...utf8(page)]))).toThrow(`not a text page (${kind})`);
  });

  it('refuses NUL bytes and invalid UTF-8 in bulk, but cleans a few stray bytes', () => {
    expect(() => pageText(new Uint8Array([...utf8(page), 0, 0, 0]))).toThrow(/^not a text page \(3 NUL bytes/);
    const latin1 = new Uint8Array(4000).map((_, i) => (i % 3 === 0 ? 0xe9 : 0x61));
    expect(() => pageText(latin1)).toThrow(/^not a text page \(\d+% of its characters are invalid UTF-8/);
    const controls = '\u0001\u0002\u0003\u0004'.repeat(200) + page;
    expect(() => pageText(controls)).toThrow(/not a text page/);
    const stray = new Uint8Array([...utf8(page.repeat(20)), 0xff, 0xfe, 0x61]);
    expect(pageText(stray)).toContain('Caravan test headline');
  });

  it('every refusal is a PageRefused', () => {
    expect(() => pageText(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toThrow(PageRefused);
  });
});

describe('collectPages accounts for every page', () => {
  const now = new Date('2025-03-01T00:00:00Z');
  it('refuses big, binary and unreadable pages on their own row, with no article, and reads the rest', async () => {
    const reader = memoryPages({
      'big.txt': 'x'.repeat(2048) + page,
      'image.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
      'good.txt': utf8(page),
    });
    const unreadable: PageReader = {
      ...reader,
      readBytes: async (ref) => (ref === 'gone.txt' ? Promise.reject(new Error('cannot read: permission denied (EACCES)')) : reader.readBytes(ref)),
      list: async () => [...(await reader.list()), 'gone.txt'],
    };
    const log = memoryLog();
    const results = await collectPages(unreadable, new Map(), now, log, { maxBytes: 2048 });
    const rows = Object.fromEntries(results.map((r) => [r.outcome.source, { status: r.outcome.status, error: r.outcome.error, articles: r.articles.length }]));
    expect(rows).toEqual({
      'page:big.txt': { status: 'failed', error: `page too large (${((2048 + page.length) / 1024).toFixed(1)} KB > 2 KB)`, articles: 0 },
      'page:image.txt': { status: 'failed', error: 'not a text page (PNG image)', articles: 0 },
      'page:good.txt': { status: 'ok', error: null, articles: 1 },
      'page:gone.txt': { status: 'failed', error: 'read: cannot read: permission denied (EACCES)', articles: 0 },
    });
    expect(log.lines.join('\n')).toMatch(/WARN page: refused page=image\.txt error="not a text page \(PNG image\)"/);
  });

  it('a page reader that knows sizes refuses a big page without reading it', async () => {
    let reads = 0;
    const reader: PageReader = {
      list: async () => ['huge.txt'], size: async () => 21 * 1024 * 1024, read: async () => (reads++, page), readBytes: async () => (reads++, utf8(page)),
    };
    const [result] = await collectPages(reader, new Map(), now, memoryLog());
    expect(result.outcome).toMatchObject({ status: 'failed', error: 'page too large (21 MB > 5 MB)' });
    expect(reads).toBe(0);
  });

  it('a folder that cannot be listed is one failed row, not "0 pages, ok"; it clears when the folder is back', async () => {
    const missing: PageReader = { ...memoryPages({}), list: async () => Promise.reject(new Error('FEEDS_DIR ./nowhere does not exist')) };
    const log = memoryLog();
    const [row] = await collectPages(missing, new Map(), now, log);
    expect(row.outcome).toMatchObject({ source: 'pages', status: 'failed', error: 'FEEDS_DIR ./nowhere does not exist' });
    expect(row.state).toMatchObject({ id: 'pages', lastError: 'FEEDS_DIR ./nowhere does not exist', consecutiveFailures: 1 });
    expect(log.lines.join('\n')).toMatch(/ERROR pages: cannot list/);
    const back = await collectPages(memoryPages({ 'good.txt': page }), new Map([['pages', row.state]]), now, log);
    expect(back.map((r) => [r.state.id, r.state.lastError])).toEqual([['pages', null], ['page:good.txt', null]]);
  });
});
