/**
 * Parse and validate config/sources.json. Every problem throws an Error that names the file,
 * the entry (index and url) and what is wrong, so a bad config stops startup with one clear line.
 */
import { isPrivateHost } from './isPrivateHost.js';
import type { SourcesConfig, UpstreamSource } from './types.js';

export const defaultIntervalMinutes = 15;

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const topKeys = new Set(['pages', 'upstream', 'defaults']);
const entryKeys = new Set(['url', 'name', 'topics', 'regions', 'intervalMinutes', 'allowPrivate', 'fullText']);

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keys starting with `$` (`$comment`, `$schema`) are documentation and always allowed. */
function unknownKeys(obj: Json, allowed: Set<string>): string[] {
  return Object.keys(obj).filter((k) => !k.startsWith('$') && !allowed.has(k));
}

function checkInterval(value: unknown, fail: (problem: string) => never): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    fail(`intervalMinutes must be a positive number of minutes, got ${JSON.stringify(value)}`);
  }
  return value;
}

function checkSlugs(value: unknown, field: string, fail: (problem: string) => never): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(`${field} must be an array of slugs`);
  return value.map((slug, i) => {
    if (typeof slug !== 'string' || !slugPattern.test(slug)) {
      fail(`${field}[${i}] ${JSON.stringify(slug)} is not a slug (lowercase letters, digits, single hyphens)`);
    }
    return slug;
  });
}

function parseEntry(entry: unknown, index: number, fileName: string, defaultInterval: number): UpstreamSource {
  const label = isObject(entry) && typeof entry.url === 'string' ? `upstream[${index}] (${entry.url})` : `upstream[${index}]`;
  const fail = (problem: string): never => {
    throw new Error(`${fileName}: ${label}: ${problem}`);
  };
  if (!isObject(entry)) fail('must be an object with a "url"');
  const obj = entry as Json;
  const extra = unknownKeys(obj, entryKeys);
  if (extra.length > 0) fail(`unknown field ${JSON.stringify(extra[0])}`);
  if (typeof obj.url !== 'string') fail('"url" is required and must be a string');
  let url: URL;
  try {
    url = new URL(obj.url as string);
  } catch {
    return fail('url is not an http(s) URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') fail('url is not an http(s) URL');
  if (url.username || url.password) fail('url must not carry credentials');
  if (obj.name !== undefined && (typeof obj.name !== 'string' || obj.name.trim() === '')) {
    fail('name must be a non-empty string');
  }
  if (obj.allowPrivate !== undefined && typeof obj.allowPrivate !== 'boolean') fail('allowPrivate must be true or false');
  const allowPrivate = obj.allowPrivate === true;
  if (obj.fullText !== undefined && typeof obj.fullText !== 'boolean') fail('fullText must be true or false');
  if (!allowPrivate && isPrivateHost(url.hostname)) {
    fail(`host ${url.hostname} is a local or private address; set "allowPrivate": true to fetch it`);
  }
  return {
    url: url.href,
    name: typeof obj.name === 'string' ? obj.name.trim() : null,
    topics: checkSlugs(obj.topics, 'topics', fail),
    regions: checkSlugs(obj.regions, 'regions', fail),
    intervalMinutes: obj.intervalMinutes === undefined ? defaultInterval : checkInterval(obj.intervalMinutes, fail),
    allowPrivate,
    ...(obj.fullText === true ? { fullText: true } : {}),
  };
}

/** `json` is the parsed file; `fileName` is only used in error messages. */
export function parseSources(json: unknown, fileName: string): SourcesConfig {
  const fail = (problem: string): never => {
    throw new Error(`${fileName}: ${problem}`);
  };
  if (!isObject(json)) fail('must be a JSON object with "pages" and "upstream"');
  const root = json as Json;
  const extra = unknownKeys(root, topKeys);
  if (extra.length > 0) fail(`unknown field ${JSON.stringify(extra[0])}`);

  let defaultInterval = defaultIntervalMinutes;
  if (root.defaults !== undefined) {
    if (!isObject(root.defaults)) fail('"defaults" must be an object');
    const defaults = root.defaults as Json;
    const bad = unknownKeys(defaults, new Set(['intervalMinutes']));
    if (bad.length > 0) fail(`defaults: unknown field ${JSON.stringify(bad[0])}`);
    if (defaults.intervalMinutes !== undefined) {
      defaultInterval = checkInterval(defaults.intervalMinutes, (p) => fail(`defaults: ${p}`));
    }
  }

  let pagesEnabled = true;
  if (root.pages !== undefined) {
    if (!isObject(root.pages)) fail('"pages" must be an object like { "enabled": true }');
    const pages = root.pages as Json;
    const bad = unknownKeys(pages, new Set(['enabled']));
    if (bad.length > 0) fail(`pages: unknown field ${JSON.stringify(bad[0])}`);
    if (pages.enabled !== undefined && typeof pages.enabled !== 'boolean') fail('pages: "enabled" must be true or false');
    pagesEnabled = pages.enabled !== false;
  }

  const list = root.upstream === undefined ? [] : root.upstream;
  if (!Array.isArray(list)) fail('"upstream" must be an array');
  const upstream: UpstreamSource[] = [];
  const seen = new Map<string, number>();
  (list as unknown[]).forEach((entry, index) => {
    const source = parseEntry(entry, index, fileName, defaultInterval);
    const first = seen.get(source.url);
    if (first !== undefined) {
      throw new Error(`${fileName}: upstream[${index}] (${source.url}): duplicate url (same as upstream[${first}])`);
    }
    seen.set(source.url, index);
    upstream.push(source);
  });
  return { pages: { enabled: pagesEnabled }, upstream, defaults: { intervalMinutes: defaultInterval } };
}
