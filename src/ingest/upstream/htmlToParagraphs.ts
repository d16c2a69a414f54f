/**
 * Paragraphs of plain text from sanitized HTML (the output of `sanitizeContent`, whose tags are
 * well formed and whose attribute values are escaped, so a tag never contains a raw `>`), and
 * from plain text. Block elements and line breaks end a paragraph; whitespace is collapsed.
 */
import { cleanLine } from '../cleanText.js';
import { decodeBasicEntities } from './xmlText.js';

const blockTags = new Set([
  'p', 'div', 'br', 'hr', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'blockquote', 'pre', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'figure', 'figcaption', 'picture',
]);

export function htmlToParagraphs(sanitizedHtml: string): string[] {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const text = cleanLine(decodeBasicEntities(current));
    if (text !== '') paragraphs.push(text);
    current = '';
  };
  const tag = /<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g;
  let last = 0;
  for (let m = tag.exec(sanitizedHtml); m !== null; m = tag.exec(sanitizedHtml)) {
    current += sanitizedHtml.slice(last, m.index);
    last = tag.lastIndex;
    const name = m[1].toLowerCase();
    if (blockTags.has(name)) flush();
    else if (name === 'td' || name === 'th') current += ' ';
  }
  current += sanitizedHtml.slice(last);
  flush();
  return paragraphs;
}

/** Paragraphs of plain text: blank lines separate them. */
export function textToParagraphs(text: string): string[] {
  return text
    .split(/\r?\n[ \t\u00a0]*\r?\n/)
    .map(cleanLine)
    .filter((p) => p !== '');
}
