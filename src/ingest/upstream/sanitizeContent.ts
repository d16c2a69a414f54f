/**
 * Allowlist sanitizing of upstream HTML with sanitize-html, and plain-text titles. Nothing outside
 * the lists survives: no script / style / iframe / object / embed / form, no event handlers, no
 * `style` attribute, links only http(s) / mailto, images only http(s); relative URLs are resolved
 * against the entry's base and every link gets `rel="noopener noreferrer"`.
 */
import sanitizeHtml from 'sanitize-html';
import { cleanUrl, resolveUrl } from './cleanUrl.js';
import { cleanLine, stripInvalidXml } from '../cleanText.js';
import { decodeBasicEntities } from './xmlText.js';

const allowedTags = [
  'p', 'br', 'hr', 'div', 'span', 'a', 'img', 'figure', 'figcaption', 'picture',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'q', 'cite', 'pre', 'code', 'kbd', 'samp',
  'b', 'strong', 'i', 'em', 'u', 's', 'del', 'ins', 'mark', 'small', 'sub', 'sup', 'abbr', 'time',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
];

/** Elements dropped together with everything inside them. */
const dropWithContent = [
  'script', 'style', 'textarea', 'option', 'select', 'noscript', 'iframe', 'frame', 'frameset',
  'object', 'applet', 'template', 'svg', 'math', 'title', 'head', 'canvas', 'audio', 'video',
];

function linkHref(raw: string | undefined, base: string | null): string | undefined {
  if (raw === undefined) return undefined;
  if (/^\s*mailto:/i.test(raw)) return raw.trim();
  return cleanUrl(raw, base) ?? undefined;
}

function options(base: string | null): sanitizeHtml.IOptions {
  return {
    allowedTags,
    allowedAttributes: {
      a: ['href', 'title', 'rel'],
      img: ['src', 'alt', 'title', 'width', 'height'],
      abbr: ['title'],
      time: ['datetime'],
      td: ['colspan', 'rowspan'],
      th: ['colspan', 'rowspan', 'scope'],
      ol: ['start'],
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https'] },
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
    allowProtocolRelative: false,
    allowedStyles: {},
    disallowedTagsMode: 'discard',
    nonTextTags: dropWithContent,
    transformTags: {
      a: (tagName, attribs) => {
        const { href, title } = attribs;
        const clean = linkHref(href, base);
        const out: Record<string, string> = {};
        if (clean !== undefined) out.href = clean;
        if (title !== undefined) out.title = title;
        out.rel = 'noopener noreferrer';
        return { tagName, attribs: out };
      },
      img: (tagName, attribs) => {
        const out: Record<string, string> = { ...attribs };
        const src = resolveUrl(attribs.src, base);
        if (src === null) delete out.src;
        else out.src = src;
        return { tagName, attribs: out };
      },
    },
    // An image whose source was not an http(s) URL is dropped entirely.
    exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
  };
}

/** Sanitized HTML, or null when nothing but whitespace is left. */
export function sanitizeContent(html: string, base: string | null): string | null {
  const clean = stripInvalidXml(sanitizeHtml(html, options(base))).trim();
  const hasText = clean.replace(/<(?!img\b)[^>]*>/gi, '').trim() !== '';
  return hasText ? clean : null;
}

const textOnly: sanitizeHtml.IOptions = {
  allowedTags: [],
  allowedAttributes: {},
  nonTextTags: dropWithContent,
};

/** Plain text of an HTML fragment: tags removed (script & co. with their content), entities decoded. */
export function htmlToText(html: string): string {
  return cleanLine(decodeBasicEntities(sanitizeHtml(html, textOnly)));
}

const htmlHint = /<\/?[a-z][^>]*>|&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i;

/**
 * A title as plain text. `html` titles (Atom type="html", or RSS / JSON titles that contain tags
 * or entities) lose their tags and have entities decoded once; `text` titles are kept literally.
 */
export function titleText(raw: string, kind: 'text' | 'html' | 'guess'): string {
  if (kind === 'text' || (kind === 'guess' && !htmlHint.test(raw))) return cleanLine(raw);
  return htmlToText(raw);
}
