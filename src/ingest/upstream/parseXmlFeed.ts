/**
 * RSS 0.9x / 1.0 / 2.0 and Atom 0.3 / 1.0 through rss-parser's `parseString`. rss-parser gives the
 * common fields; its per-item hooks are wrapped to keep the raw xml2js element too, for what it
 * drops (xml:base, xml:lang, content types, every author, guid isPermaLink), and to survive an
 * Atom entry whose date is unreadable (rss-parser's `toISOString()` would throw for the whole feed).
 */
import Parser from 'rss-parser';
import type { FeedEntry, ParsedFeed } from './feedTypes.js';
import { UpstreamError } from './upstreamError.js';
import { atomAlternate, atomPeople, attr, children, childText, textOf, type XmlElement } from './xmlNodes.js';

type RawItem = Record<string, unknown> & { raw: XmlElement };
type RawFeed = Record<string, unknown> & { raw: XmlElement; items: RawItem[] };

interface ParserInternals {
  buildAtomFeed(xmlObj: { feed: XmlElement }): RawFeed;
  buildRSS(channel: XmlElement, items: XmlElement[] | undefined): RawFeed;
  parseItemAtom(entry: XmlElement): RawItem;
  parseItemRss(item: XmlElement, fields: unknown): RawItem;
}

const customFields = {
  item: [
    ['content:encoded', 'contentEncoded'],
    ['dc:creator', 'dcCreators', { keepArray: true }],
    ['dc:date', 'dcDate'],
    ['dc:language', 'dcLanguage'],
    ['atom:updated', 'atomUpdated'],
    ['dcterms:modified', 'dctermsModified'],
  ],
};

function createParser(): Parser {
  const parser = new Parser({ defaultRSS: 2, customFields: customFields as never, xml2js: { strict: true } });
  const internals = parser as unknown as ParserInternals;
  const atomFeed = internals.buildAtomFeed.bind(parser);
  const rssFeed = internals.buildRSS.bind(parser);
  const atomItem = internals.parseItemAtom.bind(parser);
  const rssItem = internals.parseItemRss.bind(parser);
  internals.buildAtomFeed = (xmlObj) => ({ ...atomFeed(xmlObj), raw: xmlObj.feed });
  internals.buildRSS = (channel, items) => ({ ...rssFeed(channel, items), raw: channel });
  internals.parseItemAtom = (entry) => {
    try {
      return { ...atomItem(entry), raw: entry };
    } catch {
      const { published: _p, updated: _u, ...withoutDates } = entry;
      return { ...atomItem(withoutDates), raw: entry };
    }
  };
  internals.parseItemRss = (item, fields) => ({ ...rssItem(item, fields), raw: item });
  return parser;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/** All text inside a structured element (xhtml titles), in xml2js order, whitespace collapsed. */
function flatten(node: unknown): string {
  const walk = (n: unknown): string => {
    if (typeof n === 'string') return n;
    if (Array.isArray(n)) return n.map(walk).join(' ');
    if (typeof n !== 'object' || n === null) return '';
    return Object.entries(n)
      .filter(([k]) => k !== '$')
      .map(([, v]) => walk(v))
      .join(' ');
  };
  return walk(node).replace(/\s+/g, ' ').trim();
}

/** RSS `author`: `jdoe@example.com (Jane Doe)` gives Jane Doe; a bare address is not a name. */
function rssAuthor(value: string | null): string | null {
  if (!value) return null;
  const named = /\(([^)]+)\)\s*$/.exec(value);
  if (named) return named[1].trim();
  return /^\S+@\S+$/.test(value) ? null : value;
}

function rssEntry(item: RawItem, channel: XmlElement): FeedEntry {
  const raw = item.raw;
  const guidNode = children(raw, 'guid')[0];
  const creators = ((item.dcCreators as unknown[]) ?? []).map((c) => str(textOf(c))).filter((c): c is string => c !== null);
  const author = rssAuthor(childText(raw, 'author'));
  return {
    guid: str(item.guid) ?? str(attr(raw, 'rdf:about')),
    guidIsLink: attr(guidNode, 'isPermaLink')?.trim().toLowerCase() !== 'false',
    link: str(item.link) ?? atomAlternate(raw),
    title: typeof item.title === 'string' ? item.title : raw.title === undefined ? null : flatten(raw.title),
    titleKind: 'guess',
    html: str(item.contentEncoded) ?? str(item.content),
    text: null,
    authors: creators.length > 0 ? creators : author ? [author] : [],
    published: str(item.pubDate) ?? str(item.dcDate),
    updated: str(item.atomUpdated) ?? str(item.dctermsModified),
    language: str(item.dcLanguage) ?? childText(channel, 'language') ?? childText(channel, 'dc:language'),
    base: attr(raw, 'xml:base'),
  };
}

function atomKind(node: unknown): 'text' | 'html' | 'xhtml' {
  const type = (attr(node, 'type') ?? 'text').toLowerCase();
  if (type === 'xhtml' || type === 'application/xhtml+xml' || textOf(node) === null) return 'xhtml';
  return type.includes('html') ? 'html' : 'text';
}

function atomEntry(item: RawItem, feed: XmlElement): FeedEntry {
  const raw = item.raw;
  const titleNode = children(raw, 'title')[0];
  const titleKind = titleNode === undefined ? 'text' : atomKind(titleNode);
  const body = children(raw, 'content')[0] ?? children(raw, 'summary')[0];
  const bodyKind = body === undefined ? null : atomKind(body);
  const built = str(children(raw, 'content')[0] ? item.content : item.summary);
  const authors = atomPeople(raw);
  return {
    guid: childText(raw, 'id'),
    guidIsLink: true,
    link: atomAlternate(raw),
    title: titleNode === undefined ? null : titleKind === 'xhtml' ? flatten(titleNode) : textOf(titleNode),
    titleKind: titleKind === 'text' ? 'text' : 'html',
    html: bodyKind === 'html' ? textOf(body) : bodyKind === 'xhtml' ? built : null,
    text: bodyKind === 'text' ? textOf(body) : null,
    authors: authors.length > 0 ? authors : atomPeople(children(raw, 'source')[0]),
    published: childText(raw, 'published') ?? childText(raw, 'issued') ?? childText(raw, 'created'),
    updated: childText(raw, 'updated') ?? childText(raw, 'modified'),
    language: attr(raw, 'xml:lang') ?? attr(feed, 'xml:lang'),
    base: attr(raw, 'xml:base'),
  };
}

const periods: Record<string, number> = { hourly: 60, daily: 1440, weekly: 10080, monthly: 43200, yearly: 525600 };

/** RSS `<ttl>` minutes, else `sy:updatePeriod` / `sy:updateFrequency`. */
function feedTtl(channel: XmlElement): number | null {
  const ttl = Number(childText(channel, 'ttl'));
  if (Number.isFinite(ttl) && ttl > 0) return ttl;
  const period = periods[childText(channel, 'sy:updatePeriod')?.toLowerCase() ?? ''];
  if (!period) return null;
  const frequency = Number(childText(channel, 'sy:updateFrequency') ?? '1');
  return period / (Number.isFinite(frequency) && frequency >= 1 ? frequency : 1);
}

function xmlError(err: unknown): UpstreamError {
  const message = err instanceof Error ? err.message : String(err);
  const [first, ...rest] = message.split('\n');
  const line = /Line: (\d+)/.exec(rest.join('\n'));
  const column = /Column: (\d+)/.exec(rest.join('\n'));
  const where = line && column ? ` at line ${Number(line[1]) + 1}, column ${column[1]}` : '';
  if (/not recognized/i.test(first)) return new UpstreamError('parse', `not a feed (${first})`);
  return new UpstreamError('parse', `malformed XML (${first.slice(0, 120)}${where})`);
}

/** `version` comes from the root element (`rss-2.0`, `rss-1.0`, `atom-1.0` ...). */
export async function parseXmlFeed(text: string, version: string): Promise<ParsedFeed> {
  let feed: RawFeed;
  try {
    feed = (await createParser().parseString(text)) as unknown as RawFeed;
  } catch (err) {
    throw xmlError(err);
  }
  const raw = feed.raw ?? {};
  const atom = version.startsWith('atom');
  const titleNode = children(raw, 'title')[0];
  return {
    format: atom ? 'atom' : 'rss',
    version,
    title: titleNode === undefined ? null : str(textOf(titleNode)) ?? str(flatten(titleNode)),
    link: atom ? atomAlternate(raw) : childText(raw, 'link'),
    base: attr(raw, 'xml:base'),
    language: atom ? attr(raw, 'xml:lang') : childText(raw, 'language') ?? childText(raw, 'dc:language'),
    authors: atom ? atomPeople(raw) : [],
    ttlMinutes: atom ? null : feedTtl(raw),
    entries: (feed.items ?? []).map((item) => (atom ? atomEntry(item, raw) : rssEntry(item, raw))),
  };
}
