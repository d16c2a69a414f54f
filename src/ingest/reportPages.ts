import type { Taxonomy } from '../taxonomy/taxonomy.js';
import type { PageReader } from './pageReader.js';
import { readPage } from './readPage.js';
import { defaultPageLimits, type PageLimits } from './pageText.js';
import { tagsFor } from './tagsFor.js';

/**
 * What each local page yields, for a person to review normalization at a glance
 * (`npm run report`): per page, every item with its metadata and tags, and which lines were taken
 * as its title, byline and date. Writes nothing.
 */
export async function reportPages(reader: PageReader, taxonomy: Taxonomy, limits: PageLimits = defaultPageLimits): Promise<string> {
  const out: string[] = [];
  for (const ref of await reader.list()) {
    let articles, notes, why;
    try {
      ({ articles, notes, why } = (await readPage(reader, ref, new Date(), limits)).parsed);
    } catch (error) {
      out.push(`== ${ref}: refused: ${error instanceof Error ? error.message : String(error)}`, '');
      continue;
    }
    out.push(`== ${ref}: ${articles.length} item${articles.length === 1 ? '' : 's'}${notes.length ? ` (${notes.join('; ')})` : ''}`);
    articles.forEach((a, index) => {
      const text = a.paragraphs.join(' ');
      const tags = tagsFor(a.title, a.paragraphs, taxonomy);
      out.push(
        `${String(index + 1).padStart(3)}. ${a.title}${a.partial ? '  [partial]' : ''}`,
        `     author: ${a.authors.join(', ') || '-'} | source: ${a.source ?? '-'} | published: ${a.published ?? '-'}`,
        `     topics: ${tags.topics.join(', ') || '-'} | regions: ${tags.regions.join(', ') || '-'}`,
        `     text: ${text.length} chars, "${text.slice(0, 90)}${text.length > 90 ? '…' : ''}"`,
        ...(why?.[index] ?? []).map((w) => `     why ${w}`),
      );
    });
    out.push('');
  }
  return out.join('\n');
}
