import type { Taxonomy } from '../taxonomy/taxonomy.js';
import { parsePage } from './local/parsePage.js';
import type { PageReader } from './pageReader.js';
import { defaultPageLimits, pageText, type PageLimits } from './pageText.js';
import { tagsFor } from './tagsFor.js';

/**
 * What each local page yields, for a person to review normalization at a glance
 * (`npm run report`): per page, every item with its metadata and tags. Writes nothing.
 */
export async function reportPages(reader: PageReader, taxonomy: Taxonomy, limits: PageLimits = defaultPageLimits): Promise<string> {
  const out: string[] = [];
  for (const ref of await reader.list()) {
    let text: string;
    try {
      text = pageText(await reader.read(ref), limits);
    } catch (error) {
      out.push(`== ${ref}: refused: ${error instanceof Error ? error.message : String(error)}`, '');
      continue;
    }
    const { articles, notes } = parsePage(text, { kind: 'page', ref });
    out.push(`== ${ref}: ${articles.length} item${articles.length === 1 ? '' : 's'}${notes.length ? ` (${notes.join('; ')})` : ''}`);
    articles.forEach((a, index) => {
      const text = a.paragraphs.join(' ');
      const tags = tagsFor(a.title, a.paragraphs, taxonomy);
      out.push(
        `${String(index + 1).padStart(3)}. ${a.title}${a.partial ? '  [partial]' : ''}`,
        `     author: ${a.authors.join(', ') || '-'} | source: ${a.source ?? '-'} | published: ${a.published ?? '-'}`,
        `     topics: ${tags.topics.join(', ') || '-'} | regions: ${tags.regions.join(', ') || '-'}`,
        `     text: ${text.length} chars, "${text.slice(0, 90)}${text.length > 90 ? '…' : ''}"`,
      );
    });
    out.push('');
  }
  return out.join('\n');
}
