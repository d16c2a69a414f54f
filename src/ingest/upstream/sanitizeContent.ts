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
  'video', 'audio', 'source',
];

/** Elements dropped together with everything inside them. */
const dropWithContent = [
  'script', 'style', 'textarea', 'option', 'select', 'noscript', 'iframe', 'frame', 'frameset',
  'object', 'applet', 'template', 'svg', 'math', 'title', 'head', 'canvas',
];

/** The text of the link an embedded frame becomes. */
export const embedText = 'Embedded content from';

/** http(s) media URL resolved against the base, or undefined. */
function mediaUrl(raw: string | undefined, base: string | null): string | undefined {
  const url = resolveUrl(raw, base);
  return url !== null && /^https?:/i.test(url) ? url : undefined;
}

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
      video: ['src', 'poster', 'controls', 'width', 'height'],
      audio: ['src', 'controls'],
      source: ['src', 'type'],
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https'], video: ['http', 'https'], audio: ['http', 'https'], source: ['http', 'https'] },
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', 'poster'],
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
      // An embedded frame (a video player, a post) becomes a plain link to what it embeds;
      // one that embeds no http(s) URL stays a frame and is dropped with its content.
      iframe: (tagName, attribs) => embedLink(tagName, attribs, base),
      embed: (tagName, attribs) => embedLink(tagName, attribs, base),
      video: (tagName, attribs) => media(tagName, attribs, base, ['src', 'poster']),
      audio: (tagName, attribs) => media(tagName, attribs, base, ['src']),
      source: (tagName, attribs) => media(tagName, attribs, base, ['src']),
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

function embedLink(tagName: string, attribs: sanitizeHtml.Attributes, base: string | null): sanitizeHtml.Tag {
  const href = mediaUrl(attribs.src, base);
  if (href === undefined) return { tagName: 'iframe', attribs: {} };
  return { tagName: 'a', attribs: { href, rel: 'noopener noreferrer' }, text: `${embedText} ${new URL(href).host}` };
}

function media(tagName: string, attribs: sanitizeHtml.Attributes, base: string | null, urls: string[]): sanitizeHtml.Tag {
  const out: Record<string, string> = { ...attribs };
  for (const name of urls) {
    const url = mediaUrl(attribs[name], base);
    if (url === undefined) delete out[name];
    else out[name] = url;
  }
  if (tagName !== 'source') out.controls = '';
  return { tagName, attribs: out };
}

/** The options for the last base asked for: a feed's entries mostly share one. */
let lastOptions: { base: string | null; options: sanitizeHtml.IOptions } | null = null;

function optionsFor(base: string | null): sanitizeHtml.IOptions {
  if (lastOptions?.base !== base) lastOptions = { base, options: options(base) };
  return lastOptions.options;
}

/** Sanitized HTML, or null when nothing is left: no text, no image, no video, audio or link. */
export function sanitizeContent(html: string, base: string | null): string | null {
  const clean = stripInvalidXml(sanitizeHtml(html, optionsFor(base))).trim();
  return hasContent(clean) ? clean : null;
}

const textAtOnce = /(?:^|>)\s*[^\s<&]/;

/** Text, or an element that shows something without text (an image, a playable video or audio, a link). */
export function hasContent(clean: string): boolean {
  // Most content shows a character at once: the first one that is not white space of a stretch of
  // text (at the start or after a tag), when it is neither a tag nor an entity, is text that stays.
  if (textAtOnce.test(clean) || decodeBasicEntities(clean.replace(/<[^>]*>/g, '')).trim() !== '') return true;
  return /<(?:img|video|audio|source)\b[^>]*\ssrc="https?:/i.test(clean) || /<video\b[^>]*\sposter="https?:/i.test(clean);
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
