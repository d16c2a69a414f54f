/**
 * Why a page is not one readable article (a home page or listing, an error page, a login wall),
 * or null when it is one. Judged on the whole document before Readability and on what Readability
 * kept; the reason is what the run summary and /healthz show.
 */
import { isProbablyReaderable } from '@mozilla/readability';

/** Less text than this is no article, whatever the markup says. */
export const minArticleChars = 200;
/** Error pages and login walls are short: a long text that mentions "not found" is still an article. */
const shortPageChars = 1500;
/** Share of the kept text that is link text above which the "article" is a list of links. */
const maxLinkDensity = 0.5;

const errorTitle = /\b(?:404|410|not found|page not found|no longer available)\b|не найдена|nicht gefunden|introuvable/i;
const loginWords = /\b(?:sign in|log in|login|subscribe to (?:continue|read)|create (?:a free )?account)\b/i;

export interface KeptArticle {
  text: string;
  /** Characters of link text in the kept content. */
  linkChars: number;
}

/** Judged on the original document, before Readability runs. */
export function pageLevelReason(doc: Document, title: string): string | null {
  const bodyText = (doc.body?.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (bodyText.length < shortPageChars && errorTitle.test(`${title} ${doc.querySelector('h1')?.textContent ?? ''}`)) {
    return `looks like an error page (${JSON.stringify(title.slice(0, 60))})`;
  }
  const hasPassword = doc.querySelector('input[type="password" i]') !== null;
  if (hasPassword && bodyText.length < shortPageChars && loginWords.test(bodyText)) return 'looks like a login wall (a password form and little text)';
  if (!isProbablyReaderable(doc)) return 'too little connected prose (a home page, listing or form?)';
  return null;
}

/** Judged on what Readability kept. */
export function keptReason(kept: KeptArticle): string | null {
  const length = kept.text.length;
  if (length < minArticleChars) return `extracted text too short (${length} characters)`;
  if (kept.linkChars / length > maxLinkDensity) return `extracted text is mostly links (${Math.round((100 * kept.linkChars) / length)}%): a listing?`;
  return null;
}
