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
export function identity(article: Pick<Article, 'guid' | 'url' | 'title' | 'paragraphs' | 'contentHtml' | 'untitled'>): string {
  if (article.guid) return `guid:${article.guid}`;
  if (article.url) return `url:${article.url}`;
  const key = article.untitled ? '' : titleKey(article.title);
  if (key) return `title:${key}`;
  // A word-less entry (an image alone) is what it shows.
  return article.paragraphs.length > 0 ? `text:${article.paragraphs.join('\n')}` : `html:${article.contentHtml ?? ''}`;
}

/** Article (from a page or a feed) → the stored Item, untagged until classification. */
export async function normalize(article: Article, now: string): Promise<Normalized> {
  const title = cleanLine(article.title);
  const paragraphs = article.paragraphs.map(cleanLine).filter(Boolean);
  const contentText = paragraphs.join('\n\n');
  const id = (await sha256Hex(identity(article))).slice(0, 32);
  return {
    // A made-up title ("Untitled image post") matches nothing: no key.
    titleKey: article.untitled ? '' : titleKey(title),
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
