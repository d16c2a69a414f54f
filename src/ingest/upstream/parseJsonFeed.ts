/** JSON Feed 1.0 / 1.1 (https://jsonfeed.org/version/1.1) to a `ParsedFeed`, validating as it goes. */
import type { FeedEntry, ParsedFeed } from './feedTypes.js';
import { UpstreamError } from './upstreamError.js';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

/** 1.1 `authors: [{ name }]`, 1.0 `author: { name }`. */
function people(obj: Json): string[] {
  const list = Array.isArray(obj.authors) ? obj.authors : isObject(obj.author) ? [obj.author] : [];
  return list
    .map((p) => (isObject(p) ? str(p.name)?.trim() ?? null : null))
    .filter((n): n is string => n !== null);
}

function entry(item: unknown, index: number): FeedEntry {
  if (!isObject(item)) throw new UpstreamError('parse', `JSON Feed items[${index}] is not an object`);
  const id = typeof item.id === 'number' ? String(item.id) : str(item.id);
  const html = str(item.content_html);
  return {
    guid: id,
    guidIsLink: true,
    link: str(item.url) ?? str(item.external_url),
    title: str(item.title),
    titleKind: 'guess',
    html: html ?? null,
    text: html ? null : str(item.content_text) ?? str(item.summary),
    authors: people(item),
    published: str(item.date_published),
    updated: str(item.date_modified),
    language: str(item.language),
    base: null,
  };
}

export function parseJsonFeed(text: string): ParsedFeed {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new UpstreamError('parse', `malformed JSON (${(err as Error).message.slice(0, 120)})`);
  }
  if (!isObject(doc)) throw new UpstreamError('parse', 'not a feed (JSON that is not an object)');
  const version = typeof doc.version === 'string' ? /^https?:\/\/jsonfeed\.org\/version\/(1(?:\.\d+)?)\/?$/.exec(doc.version) : null;
  if (!version) throw new UpstreamError('parse', 'not a feed (JSON without a jsonfeed.org version)');
  if (!Array.isArray(doc.items)) throw new UpstreamError('parse', 'JSON Feed without an "items" array');
  return {
    format: 'json',
    version: `json-${version[1]}`,
    title: str(doc.title),
    link: str(doc.home_page_url),
    base: null,
    language: str(doc.language),
    authors: people(doc),
    ttlMinutes: null,
    entries: doc.items.map(entry),
  };
}
