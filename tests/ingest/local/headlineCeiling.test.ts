import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentWords } from '../../../src/ingest/local/contentWords.js';
import { headlineCeiling } from '../../../src/ingest/local/headlineCeiling.js';
import { headlineScore } from '../../../src/ingest/local/headlineScore.js';
import { lowerCaseWords } from '../../../src/ingest/local/lowerCaseWords.js';
import { pageLines } from '../../../src/ingest/local/parsePage.js';

const dirs = ['tests/fixtures/pages', 'feeds/seed'];
const pages = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(`${d}/${f}`, 'utf8')));

describe('headlineCeiling', () => {
  it('is at least what headlineScore gives any line, and a bound below it spares the line without changing any other answer', () => {
    let candidates = 0;
    let spared = 0;
    for (const page of pages) {
      const lines = pageLines(page);
      const common = lowerCaseWords(lines);
      // Each prose line's following text stands in for an article's body.
      for (let lead = 1; lead < lines.length; lead += 7) {
        const body = contentWords(lines.slice(lead, lead + 40).map((l) => l.text).join('\n'), 1500);
        for (let i = Math.max(0, lead - 30); i < lead; i++) {
          const full = headlineScore(lines, i, body, lead, common);
          if (!full) continue;
          candidates++;
          for (const atLeast of [full.score - 1, full.score - 1e-6, full.score + 0.5, full.score + 3]) {
            const bounded = headlineScore(lines, i, body, lead, common, atLeast);
            if (bounded) expect(bounded).toEqual(full);
            else {
              expect(atLeast).toBeGreaterThan(full.score);
              spared++;
            }
          }
        }
      }
    }
    expect(candidates).toBeGreaterThan(50);
    // The bound is of use: a line far below what is asked is spared.
    expect(spared).toBeGreaterThan(candidates / 2);
  });

  it('adds every bonus a line could still get, and the penalties known', () => {
    // No echo: the header above (0.8) beats a third of the header below; a heading.
    expect(headlineCeiling(0, 0, 5, true, 0, 0, 0)).toBeCloseTo(0.8 + 0.5);
    expect(headlineCeiling(1, 2, 5, false, 10, 1, 0)).toBeCloseTo(3 + 1.5 + 1 - 0.2);
    expect(headlineCeiling(1, 2, 2, false, 0, 0, 2.5)).toBeCloseTo(3 + 1.5 - 1 - 2.5);
  });
});
