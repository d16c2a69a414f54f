import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Newsboat, parseWithFeedparser, parseWithRssParser, readers, type FeedparserFeed } from '../helpers/readers.js';
import { startRecordingProxy, type RecordingProxy } from '../helpers/readersProxy.js';
import { startServerWithHostilePages } from '../helpers/readersServer.js';
import type { RunningServer } from '../helpers/startServer.js';
import { all, parseXml } from '../render/xmlTree.js';

interface CatalogEntry {
  title: string;
  urls: Record<'rss' | 'atom' | 'json', string>;
}
interface JsonItem {
  id: string;
  title: string;
  summary: string;
  content_text: string;
}

/** The hostile fixture titles (tests/fixtures/hostile) as every reader must show them: control characters gone. */
const hostileTitles = [
  'Tom & Jerry <script>alert("x")</script> sign a ]]> deal in Almaty',
  'Already escaped &amp;amp; and &lt;b&gt; stay as typed in Tashkent',
  'RTL headline: مرحبا بالعالم and עברית mixed with Kyrgyz news',
];
/** RSS only: feedparser takes a title that itself looks like HTML as HTML (see readersRender.test.ts). */
const feedparserTakesAsHtmlInRss = ['Already escaped &amp;amp; and &lt;b&gt; stay as typed in Tashkent'];

const pathOf = (url: string) => {
  const u = new URL(url);
  return u.pathname + u.search;
};

const missing = [!readers.newsboat && 'newsboat', !readers.feedparser && 'python3-feedparser'].filter(Boolean);

describe.skipIf(missing.length > 0)(
  `real feed readers against the real server${missing.length ? ` (skipped: ${missing.join(', ')} not installed; .ci/run installs them)` : ''}`,
  () => {
    let server: RunningServer;
    let proxy: RecordingProxy;
    /** Every feed of the catalog, and everything at limit=100 (so all hostile items are in a feed). */
    let catalog: CatalogEntry[];
    /** Each feed's items as its JSON Feed gives them (by JSON URL): the reference every XML reader must match. */
    const reference = new Map<string, JsonItem[]>();
    const itemsOf = (feed: CatalogEntry) => reference.get(feed.urls.json)!;
    let newsboat: Newsboat;

    beforeAll(async () => {
      server = await startServerWithHostilePages();
      proxy = await startRecordingProxy(server.url);
      const listed = ((await (await fetch(`${proxy.url}/feeds`)).json()) as { feeds: CatalogEntry[] }).feeds;
      const everything = listed.find((f) => f.urls.json.endsWith('/feed.json'))!;
      const urls = Object.fromEntries(Object.entries(everything.urls).map(([k, v]) => [k, `${v}?limit=100`])) as CatalogEntry['urls'];
      catalog = [...listed, { title: everything.title, urls }];
      for (const feed of catalog) {
        reference.set(feed.urls.json, ((await (await fetch(feed.urls.json)).json()) as { items: JsonItem[] }).items);
      }
      newsboat = new Newsboat();
    });
    afterAll(async () => {
      newsboat?.remove();
      await proxy?.close();
      expect(await server?.stop()).toBe(0);
    });

    it('ingested the hostile pages with their text intact, control characters gone', () => {
      const everything = itemsOf(catalog[catalog.length - 1]!);
      const titles = everything.map((i) => i.title);
      for (const title of hostileTitles) expect(titles).toContain(title);
      const markup = everything.find((i) => i.title === hostileTitles[0])!;
      expect(markup.content_text).toContain('the <b>agreement</b> covers rail freight & transit fees');
      expect(markup.content_text).toContain('the string ]]> and the entity &amp;amp; as typed');
      expect(markup.content_text).toContain('a SOH, a BEL and an ESC were in the scrape');
      expect(markup.content_text).toContain('Camel caravans 🐪🐫');
      expect(catalog.length).toBeGreaterThan(20);
    });

    it('serves a valid OPML 2.0 catalog of every feed, grouped, with xmlUrl, htmlUrl, title, text and type', async () => {
      const opml = parseXml(await (await fetch(`${proxy.url}/feeds.opml`)).text());
      expect(opml.name).toBe('opml');
      expect(opml.attrs.version).toBe('2.0');
      const head = all(opml, 'head')[0]!;
      expect(all(head, 'title')[0]!.text).toBe('Caravan feeds');
      const groups = all(all(opml, 'body')[0]!, 'outline');
      expect(groups.map((g) => g.attrs.text)).toEqual(['Everything', 'Topics', 'Regions', 'Curated'].slice(0, groups.length));
      const outlines = groups.flatMap((g) => all(g, 'outline'));
      for (const outline of outlines) {
        expect(outline.attrs.type).toBe('rss');
        expect(outline.attrs.text).toBe(outline.attrs.title);
        expect(outline.attrs.htmlUrl).toBe(`${proxy.url}/`);
      }
      const listed = catalog.slice(0, -1);
      expect(outlines.map((o) => o.attrs.xmlUrl).sort()).toEqual(listed.map((f) => f.urls.atom).sort());
      expect(outlines.map((o) => o.attrs.title).sort()).toEqual(listed.map((f) => f.title).sort());
    });

    /** The feeds of the OPML (the catalog without the extra everything-at-100). */
    const opmlFeeds = () => catalog.slice(0, -1);

    it('newsboat imports the OPML and, after a reload, shows every feed full: its catalog count up to the limit, every title exactly', async () => {
      await newsboat.importOpml(await (await fetch(`${proxy.url}/feeds.opml`)).text());
      expect(newsboat.urls().sort()).toEqual(opmlFeeds().map((f) => f.urls.atom).sort());

      proxy.exchanges.length = 0;
      await newsboat.reload();
      expect(proxy.exchanges.map((e) => `${e.status} ${e.path}`).sort()).toEqual(opmlFeeds().map((f) => `200 ${pathOf(f.urls.atom)}`).sort());
      // newsboat asks for gzip: the validators it keeps are those of the gzip representation.
      expect(proxy.exchanges.every((e) => /gzip/.test(e.acceptEncoding ?? ''))).toBe(true);
      checkNewsboat(newsboat, opmlFeeds(), 'atom');
      // What the catalog says each feed holds is what newsboat shows (up to the feed's 20).
      const listed = new Map(((await (await fetch(`${proxy.url}/feeds`)).json()) as { feeds: Array<CatalogEntry & { items: number | null }> }).feeds.map((f) => [f.urls.atom, f.items]));
      const shown = new Map<string, number>();
      for (const item of newsboat.items()) shown.set(item.feedurl, (shown.get(item.feedurl) ?? 0) + 1);
      let nonEmpty = 0;
      for (const feed of opmlFeeds()) {
        const count = listed.get(feed.urls.atom);
        if (count === null || count === undefined) continue;
        if (count > 0) nonEmpty += 1;
        expect(shown.get(feed.urls.atom) ?? 0, feed.urls.atom).toBe(Math.min(count, 20));
      }
      expect(nonEmpty).toBeGreaterThan(20);

      // newsboat 2.21 files a feed's validators from its second fetch on (on the first the feed's
      // row does not exist yet when they are written), and `-x reload` never sends them.
      proxy.exchanges.length = 0;
      await newsboat.reload();
      expect(proxy.exchanges.every((e) => e.status === 200 && e.ifNoneMatch === null)).toBe(true);
      const stored = new Map(newsboat.feeds().map((f) => [pathOf(f.rssurl), f]));
      for (const exchange of proxy.exchanges) {
        expect(stored.get(exchange.path)?.etag, exchange.path).toBe(exchange.etag);
        expect(stored.get(exchange.path)?.lastmodified, exchange.path).toBeGreaterThanOrEqual(0);
      }
      // Reloading again changed nothing: the same ids, nothing new, nothing lost.
      checkNewsboat(newsboat, opmlFeeds(), 'atom');
    });

    it.skipIf(!readers.script)(
      `newsboat's next reload sends the validators back and every feed answers 304 with no body${readers.script ? '' : ' (skipped: util-linux script not installed)'}`,
      async () => {
        const served = new Map(newsboat.feeds().map((f) => [pathOf(f.rssurl), f.etag]));
        proxy.exchanges.length = 0;
        await newsboat.reloadInteractively(() => proxy.exchanges.length >= opmlFeeds().length);
        expect(proxy.exchanges).toHaveLength(opmlFeeds().length);
        for (const exchange of proxy.exchanges) {
          expect(exchange.ifNoneMatch, exchange.path).toBe(served.get(exchange.path));
          // An empty feed's Last-Modified is the epoch, which newsboat files as "none".
          const feed = catalog.find((f) => pathOf(f.urls.atom) === exchange.path)!;
          if (itemsOf(feed).length > 0) expect(exchange.ifModifiedSince, exchange.path).not.toBeNull();
          expect(exchange.status, exchange.path).toBe(304);
          expect(exchange.bytes, exchange.path).toBe(0);
          expect(exchange.etag, exchange.path).toBe(served.get(exchange.path));
        }
        checkNewsboat(newsboat, opmlFeeds(), 'atom');
      },
    );

    it('newsboat reads every RSS feed full, with every title exactly, and the hostile titles at limit=100', async () => {
      const rss = new Newsboat();
      const everything = new Newsboat();
      try {
        writeFileSync(rss.urlsFile, opmlFeeds().map((f) => f.urls.rss).join('\n') + '\n');
        const all100 = catalog[catalog.length - 1]!;
        writeFileSync(everything.urlsFile, `${all100.urls.atom}\n`);
        await Promise.all([rss.reload(), everything.reload()]);
        checkNewsboat(rss, opmlFeeds(), 'rss');
        checkNewsboat(everything, [all100], 'atom');
        const titles = everything.items().map((i) => i.title);
        for (const title of hostileTitles) expect(titles).toContain(title);
      } finally {
        rss.remove();
        everything.remove();
      }
    });

    /**
     * Every feed fetched (it has its title) and full: newsboat holds, under that feed, exactly the
     * entries its JSON Feed lists (each feed's ids are its own, so no feed loses an article that
     * another feed also has), each with its exact title.
     */
    function checkNewsboat(newsboat: Newsboat, feeds: CatalogEntry[], format: 'atom' | 'rss'): void {
      const stored = new Map(newsboat.feeds().map((f) => [f.rssurl, f]));
      const byFeed = new Map<string, Array<[string, string]>>();
      for (const item of newsboat.items()) byFeed.set(item.feedurl, [...(byFeed.get(item.feedurl) ?? []), [item.guid, item.title]]);
      for (const feed of feeds) {
        const url = feed.urls[format];
        expect(stored.get(url)?.title, url).toBe(feed.title);
        const expected = itemsOf(feed).map((i): [string, string] => [i.id, i.title]);
        expect((byFeed.get(url) ?? []).sort(), url).toEqual(expected.sort());
      }
    }

    it('feedparser parses every feed in RSS and Atom without error, with the same items and exact titles', async () => {
      const urls = catalog.flatMap((f) => [f.urls.rss, f.urls.atom]);
      const parsed = await parseWithFeedparser(urls);
      const guessedHtml = new Set<string>();
      for (const feed of catalog) {
        for (const format of ['rss', 'atom'] as const) {
          const url = feed.urls[format];
          const result: FeedparserFeed = parsed[url]!;
          expect(result.bozo, `${url}: ${result.bozoException}`).toBe(0);
          expect(result.status, url).toBe(200);
          expect(result.version, url).toBe(format === 'rss' ? 'rss20' : 'atom10');
          expect(result.title, url).toBe(feed.title);
          expect(result.selfLinks, url).toEqual([url]);
          const items = itemsOf(feed);
          expect(result.entries.map((e) => e.id), url).toEqual(items.map((i) => i.id));
          result.entries.forEach((entry, i) => {
            if (format === 'rss' && entry.titleType === 'text/html') guessedHtml.add(items[i]!.title);
            else expect(entry.title, url).toBe(items[i]!.title);
            if (format === 'atom') {
              expect(entry.titleType).toBe('text/plain');
              expect(entry.summary, url).toBe(items[i]!.summary);
            }
          });
        }
      }
      expect([...guessedHtml].sort()).toEqual(feedparserTakesAsHtmlInRss);
    });

    it('rss-parser reads every feed in RSS and Atom with the same items and exact titles', async () => {
      for (const feed of catalog) {
        const items = itemsOf(feed);
        for (const format of ['rss', 'atom'] as const) {
          const parsed = await parseWithRssParser(feed.urls[format]);
          expect(parsed.title, feed.urls[format]).toBe(feed.title);
          expect(parsed.entries.map((e) => [e.id, e.title]), feed.urls[format]).toEqual(items.map((i) => [i.id, i.title]));
        }
      }
    });
  },
);
