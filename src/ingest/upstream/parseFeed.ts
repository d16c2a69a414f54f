/**
 * Decoded text to a `ParsedFeed`. The format comes from the content (a JSON object or the XML root
 * element), not from Content-Type, which feeds often get wrong. HTML, an empty body, malformed
 * XML or JSON, or an unknown root throw `UpstreamError('parse', ...)`.
 */
import type { ParsedFeed } from './feedTypes.js';
import { parseJsonFeed } from './parseJsonFeed.js';
import { parseXmlFeed } from './parseXmlFeed.js';
import { UpstreamError } from './upstreamError.js';

export type { FeedEntry, ParsedFeed } from './feedTypes.js';

// Whitespace, the XML declaration and processing instructions, comments, a DOCTYPE (with subset).
// One internal subset at most, matched lazily: an alternation inside a repeat here backtracks
// exponentially on a DOCTYPE of many `[a]` (a hostile feed could stall the process).
const prolog = /^(?:\s+|<\?[^]*?\?>|<!--[^]*?-->|<!DOCTYPE[^[>]*(?:\[[^]*?\]\s*)?>)*/i;
const rootPattern = /^<([A-Za-z_][\w.:-]*)((?:\s+[^>]*?)?)\/?>/;

interface Root {
  name: string;
  attributes: string;
}

function rootElement(text: string): Root | null {
  const rest = text.slice(prolog.exec(text)?.[0].length ?? 0, 64 * 1024);
  const m = rootPattern.exec(rest);
  return m ? { name: m[1], attributes: m[2] } : null;
}

function attribute(attributes: string, name: string): string | null {
  const m = new RegExp(`\\s${name}\\s*=\\s*(["'])(.*?)\\1`).exec(attributes);
  return m ? m[2] : null;
}

const looksLikeHtml = (head: string) => /^\s*<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]/i.test(head);

/** `rss-2.0`, `rss-1.0`, `atom-0.3` ... for a feed root; null for anything else. */
function feedVersion(root: Root): string | null {
  const local = root.name.includes(':') ? root.name.slice(root.name.indexOf(':') + 1) : root.name;
  if (root.name === 'rss') {
    const version = attribute(root.attributes, 'version')?.trim();
    return `rss-${version && /^[\d.]+$/.test(version) ? version : '2.0'}`;
  }
  if (local === 'RDF') return 'rss-1.0';
  if (root.name === 'feed') {
    const old = attribute(root.attributes, 'version') === '0.3' || /purl\.org\/atom\/ns#/.test(root.attributes);
    return old ? 'atom-0.3' : 'atom-1.0';
  }
  return null;
}

export async function parseFeed(text: string): Promise<ParsedFeed> {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (body.trim() === '') throw new UpstreamError('parse', 'empty document');
  if (body.startsWith('{')) return parseJsonFeed(body);
  if (body.startsWith('[')) throw new UpstreamError('parse', 'not a feed (a JSON array)');
  const head = body.slice(0, 4096);
  if (!body.startsWith('<')) {
    throw new UpstreamError('parse', looksLikeHtml(head) ? 'not a feed (looks like HTML)' : 'not a feed (neither XML nor JSON)');
  }
  const root = rootElement(body);
  if (root === null) {
    throw new UpstreamError('parse', looksLikeHtml(head) ? 'not a feed (looks like HTML)' : 'malformed XML (no root element)');
  }
  if (root.name.toLowerCase() === 'html') {
    throw new UpstreamError('parse', 'not a feed (looks like HTML)');
  }
  const version = feedVersion(root);
  if (version === null) throw new UpstreamError('parse', `not a feed (root element <${root.name}>)`);
  return parseXmlFeed(body, version);
}
