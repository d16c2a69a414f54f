/**
 * OPML subscription lists in and out of config/sources.json: `sources import` reads another
 * reader's export (newsboat `-e`, Liferea, Miniflux, FreshRSS: `<outline xmlUrl=…>` entries, flat
 * or inside folder outlines), `sources export` writes the upstream sources as OPML 2.0.
 */
import { DOMParser } from 'linkedom';
import { xmlAttrEscape, xmlEscape } from '../render/xmlEscape.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';

/** One feed of an OPML file, with the folders it sat in (outermost first). */
export interface OpmlFeed {
  url: string;
  title: string | null;
  folders: string[];
}

/** Every feed outline of an OPML document, in document order. Throws when the text is not OPML. */
export function parseOpml(text: string): OpmlFeed[] {
  const doc = new DOMParser().parseFromString(text, 'text/xml');
  const root = doc.documentElement;
  if (!root || root.tagName.toLowerCase() !== 'opml') throw new Error('not an OPML file (no <opml> root element)');
  const body = [...root.children].find((el) => el.tagName.toLowerCase() === 'body');
  if (!body) throw new Error('not an OPML file (no <body>)');
  const feeds: OpmlFeed[] = [];
  const attr = (el: Element, name: string) => {
    const value = el.getAttribute(name) ?? el.getAttribute(name.toLowerCase());
    return value && value.trim() !== '' ? decodeEntities(value.trim()) : null;
  };
  const walk = (parent: Element, folders: string[]) => {
    for (const el of parent.children) {
      if (el.tagName.toLowerCase() !== 'outline') continue;
      const url = attr(el, 'xmlUrl');
      const title = attr(el, 'title') ?? attr(el, 'text');
      if (url) feeds.push({ url, title, folders });
      else walk(el, title ? [...folders, title] : folders);
    }
  };
  walk(body, []);
  return feeds;
}

const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML character references in an attribute value (linkedom's XML mode leaves them as written). */
function decodeEntities(value: string): string {
  return value.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (whole, hex: string, dec: string, name: string) => {
    if (name) return named[name.toLowerCase()] ?? whole;
    const code = hex ? parseInt(hex, 16) : Number(dec);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** An upstream entry as config/sources.json holds it. */
export interface SourceEntry {
  url: string;
  name?: string;
  topics?: string[];
  regions?: string[];
  [key: string]: unknown;
}

const slug = (name: string) => name.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/**
 * An OPML feed as a sources.json entry: a folder that names a topic or a region (by slug, name or
 * code) becomes a hint; the other folders prefix the name ("News / Tech / Example").
 */
export function toSourceEntry(feed: OpmlFeed, taxonomy: Taxonomy): SourceEntry {
  const topics: string[] = [];
  const regions: string[] = [];
  const prefix: string[] = [];
  for (const folder of feed.folders) {
    const key = slug(folder);
    const topic = taxonomy.topics.find((t) => t.slug === key || slug(t.name) === key);
    const region = taxonomy.region(key);
    if (topic) topics.includes(topic.slug) || topics.push(topic.slug);
    else if (region) regions.includes(region.slug) || regions.push(region.slug);
    else prefix.push(folder);
  }
  const name = [...prefix, ...(feed.title ? [feed.title] : [])].join(' / ');
  return {
    url: feed.url,
    ...(name ? { name } : {}),
    ...(topics.length ? { topics } : {}),
    ...(regions.length ? { regions } : {}),
  };
}

/** OPML 2.0 of the upstream sources, one outline each; hints as `category` (`/topic/x,/region/y`). */
export function sourcesOpml(entries: SourceEntry[], now: Date): string {
  const lines = entries.map((e) => {
    const categories = [...(e.topics ?? []).map((t) => `/topic/${t}`), ...(e.regions ?? []).map((r) => `/region/${r}`)].join(',');
    const name = xmlAttrEscape(e.name ?? e.url);
    return `    <outline type="rss" text="${name}" title="${name}" xmlUrl="${xmlAttrEscape(e.url)}"${categories ? ` category="${xmlAttrEscape(categories)}"` : ''}/>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${xmlEscape('Caravan upstream sources')}</title>`,
    `    <dateCreated>${now.toUTCString()}</dateCreated>`,
    '  </head>',
    '  <body>',
    ...lines,
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}
