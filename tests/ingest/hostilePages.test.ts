/**
 * Hostile local pages through the whole page path (size cap, text check, parse): fast-check
 * generated pages of huge lines, blank-line floods, deep bullet nesting, RTL and combining
 * characters, lone surrogates and every control character never throw anything but a clear
 * refusal, never hang, and yield only clean articles. The bound stated and tested is a hang guard,
 * not a speed target: a 5 MB page (the default cap) is read and parsed within 20 s even on a
 * loaded machine (linear work; bench/ measures speed).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectPages } from '../../src/ingest/collectPages.js';
import { memoryPages } from '../../src/ingest/pageReader.js';
import { memoryLog } from '../../src/log.js';

const hangGuardMs = 20_000;
const now = new Date('2025-03-01T00:00:00Z');
const controls = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('') + '\u007f\u0085\u2028\u2029\ufeff\ufffe\uffff';

const piece = fc.oneof(
  fc.lorem({ maxCount: 12 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom(
    'Headline about Astana and the steppe', 'By Aigerim Sadykova', 'March 3, 2025 10:00 AM', '', '', '',
    '\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 \u202eevil\u202c', 'e\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308',
    '\ud800 lone \udfff surrogates \ud83d', controls, '* * * * *', '- '.repeat(200) + 'deep', '\t'.repeat(500), '…', 'Read more',
  ),
  fc.integer({ min: 1, max: 60 }).map((depth) => Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}* bullet ${i}`).join('\n')),
);
const hostilePage = fc.array(piece, { maxLength: 80 }).map((lines) => lines.join('\n'));

async function collect(page: string | Uint8Array, maxBytes?: number) {
  const started = performance.now();
  const [result] = await collectPages(memoryPages({ 'hostile.txt': page }), new Map(), now, memoryLog(), maxBytes ? { maxBytes } : {});
  return { result, ms: performance.now() - started };
}

function checkClean(result: Awaited<ReturnType<typeof collect>>['result']) {
  expect(['ok', 'empty', 'failed']).toContain(result.outcome.status);
  if (result.outcome.status === 'failed') expect(result.outcome.error).toMatch(/^(not a text page|page too large)/);
  for (const a of result.articles) {
    for (const text of [a.title, ...a.paragraphs]) {
      expect(text).not.toBe('');
      expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    }
  }
}

describe('hostile pages', () => {
  it('generated: never throw, never hang, and yield clean articles or a clear refusal', async () => {
    await fc.assert(
      fc.asyncProperty(hostilePage, async (page) => {
        const { result } = await collect(page);
        checkClean(result);
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it.each([
    ['one 5 MB line', () => 'word '.repeat(1_048_000)],
    ['two million blank lines', () => `Headline about Astana\n${'\n'.repeat(2_000_000)}The text of the article, finally.\n`],
    ['deep bullet nesting', () => Array.from({ length: 20_000 }, (_, i) => `${' '.repeat(i % 2000)}* item ${i}`).join('\n')],
    ['RTL and combining characters', () => ('\u05e9\u05dc\u05d5\u05dd e\u0301\u0302\u0303 \u202eabc\u202c ').repeat(200_000)],
    ['lone surrogates', () => 'a\ud800b\udfffc '.repeat(400_000)],
    ['every control character, in bulk', () => controls.repeat(50_000)],
  ])('%s: a clear outcome within the hang guard', async (_name, make) => {
    const page = make();
    const { result, ms } = await collect(page);
    checkClean(result);
    expect(ms, `${ms.toFixed(0)} ms`).toBeLessThan(hangGuardMs);
  }, 60_000);

  it('a page of exactly the cap is read; one byte more is refused unread, with no article', async () => {
    const max = 1024 * 1024;
    const base = 'Headline about Astana and the steppe\n\nThe first paragraph tells the story in plenty of words.\n';
    const page = base + 'x'.repeat(max - base.length);
    expect((await collect(page, max)).result.outcome.status).not.toBe('failed');
    const over = await collect(page + 'x', max);
    expect(over.result.outcome).toMatchObject({ status: 'failed', error: 'page too large (1.0 MB > 1 MB)' });
    expect(over.result.articles).toEqual([]);
  });
});
