import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../../src/ingest/local/parsePage.js';

const origin = { kind: 'page' as const, ref: 'test/junk.txt' };
const srcDir = new URL('../../../src/ingest/local/', import.meta.url).pathname;
const seedDir = new URL('../../../feeds/seed/', import.meta.url).pathname;
const seeds = readdirSync(seedDir).sort().map((f) => readFileSync(join(seedDir, f), 'utf8'));

/** Pseudo-random but fixed, so the test is the same on every run. */
function junk(length: number, maxCode: number, seed = 12345): string {
  let s = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    out += String.fromCharCode(s % maxCode);
  }
  return out;
}

/** A 1 MB page of unique lines in the seeds' styles (words of long lines rotated per copy). */
function megabytePage(target = 1_000_000): string {
  const lines = seeds.join('\n').split('\n');
  const out: string[] = [];
  for (let i = 0, size = 0; size < target; i++) {
    const line = lines[i % lines.length] ?? '';
    const copy = Math.floor(i / lines.length);
    const words = line.split(' ');
    const k = copy % Math.max(1, words.length);
    const varied = line.length > 150 ? [...words.slice(k), ...words.slice(0, k)].join(' ') : copy && line ? `${line} ${copy}` : line;
    out.push(varied);
    size += varied.length + 1;
  }
  return out.join('\n');
}

describe('parsePage never fails', () => {
  it.each([
    ['empty', ''],
    ['blank lines', '\n\n   \n\t\n'],
    ['binary junk', junk(20_000, 65_536)],
    ['control characters', junk(20_000, 40)],
    ['one giant line', 'Kazakhstan '.repeat(100_000)],
    ['one giant line without spaces', 'x'.repeat(500_000)],
    ['lone surrogates', '\uD800 Headline \uDC00\nText that ends.'],
    ['unclosed shortcodes', '[caption id="x"] '.repeat(10_000)],
  ])('on %s', (_, text) => {
    const page = parsePage(text, origin);
    expect(Array.isArray(page.articles)).toBe(true);
    if (page.articles.length === 0) expect(page.notes.some((n) => n.startsWith('no article found'))).toBe(true);
    expect(page.notes.some((n) => n.includes('parser error'))).toBe(false);
  });

  it('on any string, giving well-formed articles, the same way twice', () => {
    const line = fc.oneof(
      fc.string({ maxLength: 120 }),
      fc.constantFrom('Related Articles', '5 hours ago', '- Japan Today', '9:25 PM', '22 January 2025', 'keep readingShow less',
        'By Jane Doe | March 3, 2025', 'Kazakhstan raises fuel prices', 'The ministry said prices would rise by ten percent.', '© KYODO', ''),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 200 }), (lines, noise) => {
        const text = [...lines, noise].join('\n');
        const first = parsePage(text, origin);
        expect(parsePage(text, origin)).toEqual(first);
        for (const a of first.articles) {
          expect(a.title.trim()).not.toBe('');
          expect(a.paragraphs.length).toBeGreaterThan(0);
          for (const p of a.paragraphs) expect(p.trim()).toBe(p);
          expect(a.published === null || /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}Z)?$/.test(a.published)).toBe(true);
        }
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});

describe('parsePage stays linear', () => {
  const time = (text: string) => {
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      parsePage(text, origin);
      best = Math.min(best, performance.now() - t0);
    }
    return best;
  };

  // Not a speed target (those live in bench/): a rule that turns quadratic makes ten times the
  // text cost a hundred times the time. Ten times the text may cost at most forty times the time
  // (linear is ten), a bound that holds on a busy machine because both sizes run in the same test.
  it.each([
    ['a page of articles', (size: number) => megabytePage(size)],
    ['a single line', (size: number) => 'The talks ended. '.repeat(Math.ceil(size / 17))],
    ['binary junk', (size: number) => junk(size, 65_536)],
    ['short repeated lines', (size: number) => 'Kazakhstan Votes Today\n'.repeat(Math.ceil(size / 23))],
  ])('on %s of 1 MB against 100 kB', (_, make) => {
    const large = make(1_000_000);
    const small = make(100_000);
    expect(large.length).toBeGreaterThanOrEqual(900_000);
    time(small);
    const [tSmall, tLarge] = [time(small), time(large)];
    expect(tLarge, `1 MB took ${tLarge.toFixed(0)} ms, 100 kB ${tSmall.toFixed(0)} ms`).toBeLessThan(40 * Math.max(tSmall, 5));
  });
});

describe('the parser stays portable and small', () => {
  const files = readdirSync(srcDir).filter((f) => f.endsWith('.ts'));

  it.each(files)('%s uses no Node built-ins and stays under 200 lines', (file) => {
    const source = readFileSync(join(srcDir, file), 'utf8');
    expect(source).not.toMatch(/from ['"](?:node:|fs|path|os|crypto|buffer)['"/]/);
    expect(source).not.toMatch(/\b(?:require\(|process\.|Buffer\.)/);
    expect(source.split('\n').length).toBeLessThanOrEqual(200);
  });

  it('never names a seed page', () => {
    for (const file of files) expect(readFileSync(join(srcDir, file), 'utf8')).not.toMatch(/seed\/|\d{3}_[0-9a-f]{16}/);
  });
});
