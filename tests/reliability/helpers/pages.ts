/**
 * Generated local pages for the reliability tests: each page is one plain-text article (headline,
 * then paragraphs) with a unique headline, so N pages give N items and a run over them takes a
 * while (every page is parsed, normalized, classified and stored in its own transaction).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const places = ['Almaty', 'Astana', 'Tashkent', 'Bishkek', 'Dushanbe', 'Ashgabat', 'Baku', 'Tbilisi', 'Yerevan', 'Kyiv'];
const topics = ['airport', 'pipeline', 'election', 'sanctions', 'border crossing', 'grain harvest', 'railway', 'power plant'];

/** The text of page `n` (version `v`: a later version rewrites and extends the body, not the headline). */
export function pageText(n: number, v = 0): string {
  const place = places[n % places.length];
  const topic = topics[n % topics.length];
  const title = `Report ${n}: officials in ${place} review the ${topic} plan number ${n}`;
  const paragraphs = Array.from({ length: 6 }, (_, p) =>
    `Officials in ${place} said on Tuesday that the ${topic} plan number ${n} would be reviewed again in paragraph ${p}. ` +
    `The ministry published figures for revision ${v} and said the work on the ${topic} would continue through the winter. ` +
    `Local residents told reporters that the plan, first announced last year, had already changed several times.`,
  );
  // A later version is longer (an update adds a paragraph): the fuller text wins a merge.
  const updates = Array.from({ length: v }, (_, u) => `Update ${u + 1}: the ministry revised the ${topic} figures for ${place} again in revision ${v}.`);
  return [title, ...paragraphs, ...updates].join('\n') + '\n';
}

/** Write pages 0..count-1 into `dir/gen/`; returns the folder to use as FEEDS_DIR. */
export function writePages(dir: string, count: number, version = 0, from = 0): string {
  mkdirSync(join(dir, 'gen'), { recursive: true });
  for (let n = from; n < from + count; n++) writeFileSync(join(dir, 'gen', `${String(n).padStart(4, '0')}.txt`), pageText(n, version));
  return dir;
}
