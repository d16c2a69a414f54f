/**
 * Why a page is not one readable article (a home page or listing, an error page, a login wall),
 * or null when it is one. Judged on the whole document before Readability and on what Readability
 * kept; the reason is what the run summary and /healthz show. A page without long paragraphs is
 * judged by what Readability keeps of it, not turned away: short-paragraph and CJK articles have none.
 */
import { isProbablyReaderable } from '@mozilla/readability';

/** Less text than this is no article, whatever the markup says. */
export const minArticleChars = 200;
/** Error pages and login walls are short: a long text that mentions "not found" is still an article. */
const shortPageChars = 1500;
/** Share of the kept text that is link text above which the "article" is a list of links. */
const maxLinkDensity = 0.5;
/**
 * A page without the long paragraphs `isProbablyReaderable` looks for (short paragraphs, or CJK text,
 * which says as much in a third of the characters) is still an article when what Readability keeps is
 * this long, a CJK character counting three (a home page's links are turned away as "mostly links").
 */
const looseMinChars = 600;
const cjk = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/gu;
export const notConnectedProse = 'too little connected prose (a home page, listing or form?)';

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
  return null;
}

/** Whether the page has the long paragraphs of an article (else `keptReason` asks more of what is kept). */
export function readerable(doc: Document): boolean {
  return isProbablyReaderable(doc);
}

/** Judged on what Readability kept; `loose` when the page is not `readerable`. */
export function keptReason(kept: KeptArticle, loose = false): string | null {
  const length = kept.text.length;
  if (loose) {
    const weighted = length + 2 * (kept.text.match(cjk)?.length ?? 0);
    if (weighted < looseMinChars) return notConnectedProse;
  }
  if (length < minArticleChars) return `extracted text too short (${length} characters)`;
  if (kept.linkChars / length > maxLinkDensity) return `extracted text is mostly links (${Math.round((100 * kept.linkChars) / length)}%): a listing?`;
  return null;
}
