import { execFile, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import Parser from 'rss-parser';

const run = promisify(execFile);

/** Debian's python3 (where python3-feedparser installs), not whatever python3 is first on PATH. */
const debianPython = '/usr/bin/python3';

function works(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore', timeout: 20_000 });
    return true;
  } catch {
    return false;
  }
}

/** Which real readers this machine has; CI (.ci/run) installs both. */
export const readers = {
  newsboat: works('newsboat', ['--version']),
  feedparser: works(debianPython, ['-c', 'import feedparser']),
  /** util-linux `script`: a terminal for newsboat's interactive mode. */
  script: works('script', ['--version']),
};

export interface ParsedEntry {
  id: string;
  title: string;
  /** How the reader took the title: `text/plain` or `text/html` (feedparser's title_detail.type). */
  titleType?: string;
  link: string;
  /** feedparser only: the summary and how it took it. */
  summary?: string;
  summaryType?: string;
  authors: string[];
  categories: string[];
  /** feedparser only: the dates it parsed (Unix seconds), null when the entry states none. */
  published?: number | null;
  updated?: number | null;
  /** feedparser only: the entry's source title (Atom `<source>`, RSS `<source>`). */
  sourceTitle?: string | null;
}

export interface ParsedFeed {
  title: string;
  entries: ParsedEntry[];
}

export interface FeedparserFeed extends ParsedFeed {
  bozo: number;
  bozoException: string | null;
  version: string;
  status: number | null;
  etag: string | null;
  contentType: string | null;
  selfLinks: string[];
  hubLinks: string[];
}

const feedparserScript = String.raw`
import calendar, json, sys, feedparser
ts = lambda t: calendar.timegm(t) if t else None
out = {}
for url in json.load(sys.stdin):
    d = feedparser.parse(url)
    f = d.get('feed', {})
    links = f.get('links', [])
    out[url] = {
        'bozo': int(d.get('bozo', 0)),
        'bozoException': str(d.get('bozo_exception')) if d.get('bozo') else None,
        'version': d.get('version', ''),
        'status': d.get('status'),
        'etag': d.get('etag'),
        'contentType': d.get('headers', {}).get('content-type'),
        'title': f.get('title', ''),
        'selfLinks': [l.get('href') for l in links if l.get('rel') == 'self'],
        'hubLinks': [l.get('href') for l in links if l.get('rel') == 'hub'],
        'entries': [{
            'id': e.get('id', ''),
            'title': e.get('title', ''),
            'titleType': e.get('title_detail', {}).get('type'),
            'link': e.get('link', ''),
            'summary': e.get('summary', ''),
            'summaryType': e.get('summary_detail', {}).get('type'),
            'authors': [a.get('name', '') for a in e.get('authors', [])],
            'categories': [t.get('term', '') for t in e.get('tags', [])],
            'published': ts(e.get('published_parsed')),
            'updated': ts(e.get('updated_parsed')),
            'sourceTitle': e.get('source', {}).get('title'),
        } for e in d.get('entries', [])],
    }
json.dump(out, sys.stdout)
`;

/** Python feedparser fetches and parses each URL itself (its own HTTP client, gzip and all). */
export async function parseWithFeedparser(urls: string[]): Promise<Record<string, FeedparserFeed>> {
  const child = run(debianPython, ['-c', feedparserScript], { maxBuffer: 256 * 1024 * 1024, timeout: 300_000 });
  child.child.stdin!.end(JSON.stringify(urls));
  return JSON.parse((await child).stdout) as Record<string, FeedparserFeed>;
}

/** rss-parser (the Node reader) on a document fetched with Node's fetch. */
export async function parseWithRssParser(url: string): Promise<ParsedFeed> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const feed = await new Parser({ customFields: { item: [['dc:creator', 'creators', { keepArray: true }]] } }).parseString(await response.text());
  return {
    title: feed.title ?? '',
    entries: feed.items.map((item) => {
      const extra = item as unknown as { creators?: string[]; author?: string; categories?: Array<string | { _: string }> };
      return {
        id: item.guid ?? (item as { id?: string }).id ?? '',
        title: item.title ?? '',
        link: item.link ?? '',
        authors: extra.creators ?? (extra.author ? [extra.author] : []),
        categories: (extra.categories ?? []).map((c) => (typeof c === 'string' ? c : c._)),
      };
    }),
  };
}

export interface NewsboatFeed {
  rssurl: string;
  url: string;
  title: string;
  etag: string;
  lastmodified: number;
}

export interface NewsboatItem {
  guid: string;
  title: string;
  author: string;
  url: string;
  feedurl: string;
  pubDate: number;
}

/**
 * A newsboat with its own home, config, URL list and cache, driven from the command line:
 * `newsboat -i` imports an OPML file, `newsboat -x reload` fetches every feed into the SQLite cache.
 */
export class Newsboat {
  readonly dir = mkdtempSync(join(tmpdir(), 'caravan-newsboat-'));
  private readonly config = join(this.dir, 'config');
  readonly urlsFile = join(this.dir, 'urls');
  private readonly cache = join(this.dir, 'cache.db');

  private readonly interactiveConfig = join(this.dir, 'config-interactive');
  private readonly env = { ...process.env, HOME: this.dir, XDG_CONFIG_HOME: join(this.dir, '.config'), XDG_DATA_HOME: join(this.dir, '.local'), TERM: 'xterm' };

  constructor(settings: string[] = []) {
    const base = [...settings, 'reload-threads 4', 'download-timeout 60'];
    writeFileSync(this.config, [...base, ''].join('\n'));
    writeFileSync(this.interactiveConfig, [...base, 'refresh-on-startup yes', ''].join('\n'));
    writeFileSync(this.urlsFile, '');
  }

  private async newsboat(args: string[]): Promise<string> {
    const { stdout, stderr } = await run('newsboat', ['-C', this.config, '-u', this.urlsFile, '-c', this.cache, ...args], {
      env: this.env, timeout: 300_000, maxBuffer: 64 * 1024 * 1024,
    });
    return stdout + stderr;
  }

  /**
   * Reload the way a person does: newsboat's interface in a terminal (util-linux `script`), with
   * `refresh-on-startup`. Unlike `-x reload`, which fetches unconditionally, this reload sends
   * the stored validators (If-None-Match, If-Modified-Since). Quits once `done()` says every
   * feed was answered.
   */
  async reloadInteractively(done: () => boolean, timeoutMs = 120_000): Promise<void> {
    const command = ['newsboat', '-C', this.interactiveConfig, '-u', this.urlsFile, '-c', this.cache].map((a) => `'${a}'`).join(' ');
    const child = spawn('script', ['-qfec', command, '/dev/null'], { env: this.env, stdio: ['pipe', 'ignore', 'ignore'] });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const deadline = Date.now() + timeoutMs;
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    try {
      while (!done()) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error('newsboat did not finish its reload');
        await sleep(100);
      }
      await sleep(500);
      // 'q' quits the feed list; repeat until newsboat has gone (it ignores keys while busy).
      while (child.exitCode === null && Date.now() < deadline) {
        child.stdin!.write('q');
        await Promise.race([exited, sleep(1000)]);
      }
    } finally {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    }
  }

  async importOpml(opml: string): Promise<string> {
    const file = join(this.dir, 'import.opml');
    writeFileSync(file, opml);
    return this.newsboat(['-i', file]);
  }

  urls(): string[] {
    return readFileSync(this.urlsFile, 'utf8').split('\n').map((l) => l.trim().split(/\s+/)[0] ?? '').filter(Boolean);
  }

  reload(): Promise<string> {
    return this.newsboat(['-x', 'reload']);
  }

  private query<T>(sql: string): T[] {
    const db = new Database(this.cache, { readonly: true });
    try {
      return db.prepare(sql).all() as T[];
    } finally {
      db.close();
    }
  }

  feeds(): NewsboatFeed[] {
    return this.query<NewsboatFeed>('SELECT rssurl, url, title, etag, lastmodified FROM rss_feed ORDER BY rssurl');
  }

  items(): NewsboatItem[] {
    return this.query<NewsboatItem>('SELECT guid, title, author, url, feedurl, pubDate FROM rss_item ORDER BY feedurl, id');
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
