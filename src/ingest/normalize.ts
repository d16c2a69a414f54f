import type { Article, Item } from '../item.js';
import { cleanLine, stripInvalidXml } from './cleanText.js';
import { sha256Hex } from './hash.js';
import { summarize } from './summarize.js';
import { isGenericTitleKey, titleKey } from './titleKey.js';

export interface Normalized {
  item: Item;
  titleKey: string;
  /**
   * When the id comes from the headline alone (a page's article): the id it takes instead when
   * another article already holds that headline with different text (headline and text together).
   */
  textId?: string;
  /** The article is a page's secondary block (see `Article.secondary`). */
  secondary?: boolean;
}

/**
 * What identifies an article across runs and machines: its upstream guid, else its link, else
 * (pages, which have neither) its headline. The same headline on two pages is the
 * same article, which is what lets a teaser and its full text meet.
 */
export function identity(article: Pick<Article, 'guid' | 'url' | 'title' | 'paragraphs' | 'contentHtml' | 'untitled' | 'origin'>): string {
  if (article.guid) return `guid:${article.guid}`;
  if (article.url) return `url:${article.url}`;
  const key = article.untitled ? '' : titleKey(article.title);
  // A word-less entry (an image alone) is what it shows.
  const content = article.paragraphs.length > 0 ? `text:${article.paragraphs.join('\n')}` : `html:${article.contentHtml ?? ''}`;
  // An upstream entry with neither guid nor link is its headline and its content: two entries
  // that only share a title are two items (the same story still meets by dedupe's text match).
  if (key && article.origin.kind === 'upstream') return `entry:${key}\n${content}`;
  return key ? `title:${key}` : content;
}

/**
 * The first `count` words of a text with no white space at either end, joined by single spaces:
 * what `text.split(/\s+/).slice(0, count).join(' ')` gives, without splitting the rest of a long text.
 */
export function firstWords(text: string, count: number): string {
  const word = /\S+/g;
  const words: string[] = [];
  for (let match = word.exec(text); match !== null && words.length < count; match = word.exec(text)) words.push(match[0]);
  return words.join(' ');
}

/** Hex SHA-256 of a string's UTF-8: `sha256Hex`, or the platform's (the Node door's feed reader thread gives node:crypto's). */
export type HashHex = (text: string) => string | Promise<string>;

/** Article (from a page or a feed) → the stored Item, untagged until classification. */
export async function normalize(article: Article, now: string, hashHex: HashHex = sha256Hex): Promise<Normalized> {
  const title = cleanLine(article.title);
  const paragraphs = article.paragraphs.map(cleanLine).filter(Boolean);
  const contentText = paragraphs.join('\n\n');
  const identityText = identity(article);
  const id = (await hashHex(identityText)).slice(0, 32);
  const key = titleKey(title);
  const textId = identityText.startsWith('title:')
    ? (await hashHex(
        // A generic headline's block (a menu repeated on every page of a site), or a page's
        // secondary block, is that page's own. (contentText has no white space at its ends.)
        `${identityText}\ntext:${firstWords(contentText, 400)}${isGenericTitleKey(key) || article.secondary ? `\npage:${article.origin.ref}` : ''}`,
      )).slice(0, 32)
    : undefined;
  return {
    ...(textId ? { textId } : {}),
    ...(article.secondary ? { secondary: true } : {}),
    // A made-up title ("Untitled image post") matches nothing: no key.
    titleKey: article.untitled ? '' : key,
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
