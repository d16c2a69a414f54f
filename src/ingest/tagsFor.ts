import { classify } from '../taxonomy/classify.js';
import type { Tags, Taxonomy } from '../taxonomy/taxonomy.js';

/** An article's tags: its title, its first paragraph as the lead, its whole text, plus source hints. */
export function tagsFor(
  title: string, paragraphs: string[], taxonomy: Taxonomy, hints: { topics?: string[]; regions?: string[] } = {},
): Tags {
  return classify({ title, lead: paragraphs[0] ?? '', text: paragraphs.join('\n\n') }, taxonomy, hints);
}

/** `tagsFor` of a stored text (paragraphs joined by blank lines, as `Item.contentText`), without splitting and joining it again. */
export function tagsForText(
  title: string, contentText: string, taxonomy: Taxonomy, hints: { topics?: string[]; regions?: string[] } = {},
): Tags {
  const end = contentText.indexOf('\n\n');
  return classify({ title, lead: end < 0 ? contentText : contentText.slice(0, end), text: contentText }, taxonomy, hints);
}
