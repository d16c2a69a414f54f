import type { Article, Item } from '../item.js';
import { cleanLine, stripInvalidXml } from './cleanText.js';
import { sha256Hex } from './hash.js';
import { summarize } from './summarize.js';
import { titleKey } from './titleKey.js';

export interface Normalized {
  item: Item;
  titleKey: string;
}

/**
 * What identifies an article across runs and machines: its upstream guid, else its link, else
 * (plain-text pages, which have neither) its headline. The same headline on two pages is the
 * same article, which is what lets a teaser and its full text meet.
 */
export function identity(article: Pick<Article, 'guid' | 'url' | 'title' | 'paragraphs'>): string {
  if (article.guid) return `guid:${article.guid}`;
  if (article.url) return `url:${article.url}`;
  const key = titleKey(article.title);
  return key ? `title:${key}` : `text:${article.paragraphs.join('\n')}`;
}

/** Article (from a page or a feed) → the stored Item, untagged until classification. */
export async function normalize(article: Article, now: string): Promise<Normalized> {
  const title = cleanLine(article.title);
  const paragraphs = article.paragraphs.map(cleanLine).filter(Boolean);
  const contentText = paragraphs.join('\n\n');
  const id = (await sha256Hex(identity(article))).slice(0, 32);
  return {
    titleKey: titleKey(title),
    item: {
      id,
      url: article.url,
      title,
      contentText,
      contentHtml: article.contentHtml === null ? null : stripInvalidXml(article.contentHtml),
      summary: article.summary ? summarize(article.summary) : summarize(contentText),
      authors: article.authors.map(cleanLine).filter(Boolean),
      source: article.source === null ? null : cleanLine(article.source) || null,
      published: article.published,
      updated: article.updated,
      firstSeen: now,
      changed: now,
      topics: [],
      regions: [],
      origins: [article.origin],
      partial: article.partial,
      language: article.language,
    },
  };
}
