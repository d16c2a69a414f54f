import { trailingCutMarker } from './classifyLine.js';
import { stripCopyrightTrailer } from './copyrightTrailer.js';

/**
 * One paragraph's text made clean: CMS shortcodes that leaked into the scrape
 * ("[caption id=... ] Footage from the crash site; Azamat Sarsenbayev[/caption]") are removed with
 * the caption inside them, a glued "keep reading" marker is cut off, and a trailing copyright
 * notice is cut off with its holder kept.
 */
export interface CleanParagraph {
  text: string;
  /** Holder of a copyright notice that ended the paragraph ("Kyodo"). */
  holder: string | null;
  /** The paragraph ended with a "keep reading"-style marker. */
  cut: boolean;
  /** How many shortcodes were removed, for the page notes. */
  shortcodes: number;
}

/** Shortcodes whose content is media or a caption, never article text. */
const mediaShortcodes = ['caption', 'wp_caption', 'embed', 'gallery', 'video', 'audio', 'playlist', 'tweet', 'youtube', 'instagram'];
const openTag = new RegExp(`\\[(${mediaShortcodes.join('|')})(?=[\\s\\]])[^\\]]{0,500}\\]`, 'gi');
/** Stray closing tags of the same families (built once: a pattern built per call is compiled per call). */
const strayCloseTag = new RegExp(`\\[\\/(?:${mediaShortcodes.join('|')})\\]`, 'gi');

/** Remove `[caption ...]text[/caption]` and kin, content included; an unclosed one runs to the end. */
export function removeShortcodes(text: string): { text: string; count: number } {
  if (!text.includes('[')) return { text, count: 0 };
  let out = '';
  let at = 0;
  let count = 0;
  let lower: string | null = null;
  openTag.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = openTag.exec(text)) !== null) {
    if (m.index < at) continue;
    out += text.slice(at, m.index);
    const close = `[/${(m[1] ?? '').toLowerCase()}]`;
    lower ??= text.toLowerCase();
    const end = lower.indexOf(close, m.index + m[0].length);
    at = end < 0 ? text.length : end + close.length;
    count++;
    openTag.lastIndex = at;
  }
  out += text.slice(at);
  // Stray closing tags of the same families.
  if (out.includes('[/')) out = out.replace(strayCloseTag, ' ');
  return { text: out, count };
}

/** Marks the cut marker may end with, after its last word ("Read more »"). */
const markerTail = new Set(['.', '…', '»', '›', '→']);

/**
 * Cheap first test for trailingCutMarker (a lookbehind pattern, costly on every paragraph): the
 * paragraph's last word, marks and spaces after it aside, ends in "more", "less" or "reading", as
 * the pattern's does (in any case, and "ſ" as an "s", as the pattern folds case).
 */
function mayEndWithCutMarker(tail: string): boolean {
  let t = tail.trimEnd();
  while (t && markerTail.has(t.charAt(t.length - 1))) t = t.slice(0, -1).trimEnd();
  const last = t.slice(-7).toLowerCase().replace(/ſ/gu, 's');
  return last.endsWith('more') || last.endsWith('less') || last.endsWith('reading');
}

export function cleanParagraph(raw: string): CleanParagraph {
  const { text: withoutShortcodes, count } = removeShortcodes(raw);
  // Lines arrive with spaces folded; only a removed shortcode can leave a double space.
  let text = count ? withoutShortcodes.replace(/\s+/g, ' ').trim() : withoutShortcodes.trim();
  let cut = false;
  // Only the tail can hold the marker; slicing keeps a huge paragraph cheap.
  const tailStart = Math.max(0, text.length - 60);
  const tail = text.slice(tailStart);
  const marker = mayEndWithCutMarker(tail) ? trailingCutMarker.exec(tail) : null;
  if (marker) {
    text = text.slice(0, tailStart + marker.index).trimEnd();
    cut = true;
  }
  const { text: body, holder } = stripCopyrightTrailer(text);
  return { text: body, holder, cut, shortcodes: count };
}
