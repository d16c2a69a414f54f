import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogEntry } from '../helpers/catalogEntry.js';
import { liferea, moreReaders, parseWithSfeed, rss2email, rsstail, sfeedUpdate } from '../helpers/moreReaders.js';
import { Newsboat, parseWithFeedparser, readers } from '../helpers/readers.js';
import { startServerWithHostilePages } from '../helpers/readersServer.js';
import type { RunningServer } from '../helpers/startServer.js';

/**
 * The other readers people use (sfeed, rsstail, rss2email, Liferea; feedparser and newsboat on
 * dates and on the root URL): every feed full, ids and titles exact, dates only as stated, the
 * outlet where the reader shows one, and the site's root URL subscribes. What Caravan controls
 * is asserted; where a reader fills in a date of its own for an entry with none, the test says so.
 */
interface JsonItem {
  id: string;
  url: string;
  title: string;
  date_published?: string;
  authors?: Array<{ name: string }>;
  _caravan: { source: string | null; first_seen: string };
}

const seconds = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);
/** The date a reader should show for an entry of an Atom feed: its stated date, else when Caravan first saw it (Atom's required updated). */
const atomDate = (item: JsonItem) => seconds(item.date_published ?? item._caravan.first_seen);

describe('more real readers against the real server', () => {
  let server: RunningServer;
  let catalog: CatalogEntry[];
  const reference = new Map<string, JsonItem[]>();
  const itemsOf = (feed: CatalogEntry) => reference.get(feed.urls.json)!;
  let kazakhstan: CatalogEntry;
  let everything: CatalogEntry;

  beforeAll(async () => {
    server = await startServerWithHostilePages();
    catalog = ((await (await fetch(`${server.url}/feeds`)).json()) as { feeds: CatalogEntry[] }).feeds;
    await Promise.all(catalog.map(async (feed) => reference.set(feed.urls.json, ((await (await fetch(feed.urls.json)).json()) as { items: JsonItem[] }).items)));
    kazakhstan = catalog.find((f) => f.urls.atom.endsWith('/regions/kazakhstan.atom'))!;
    everything = catalog.find((f) => f.kind === 'all')!;
    // The region must hold dated and undated items for the date checks to mean anything.
    expect(itemsOf(kazakhstan).some((i) => i.date_published)).toBe(true);
    expect(itemsOf(kazakhstan).some((i) => !i.date_published)).toBe(true);
  });
  afterAll(async () => {
    expect(await server?.stop()).toBe(0);
  });

  it.skipIf(!moreReaders.sfeed)(`sfeed parses every feed, RSS and Atom, full, with exact ids and titles and only stated dates${moreReaders.sfeed ? '' : ' (skipped: sfeed not installed)'}`, async () => {
    for (const feed of catalog) {
      const items = itemsOf(feed);
      for (const format of ['rss', 'atom'] as const) {
        const entries = await parseWithSfeed(await (await fetch(feed.urls[format])).text());
        const url = feed.urls[format];
        expect(entries.map((e) => [e.id, e.title, e.link]), url).toEqual(items.map((i) => [i.id, i.title, i.url]));
        // RSS: no pubDate, no date. Atom: its required updated, which is first-seen for an undated item.
        expect(entries.map((e) => e.date), url).toEqual(items.map((i) => (format === 'rss' ? (i.date_published ? seconds(i.date_published) : null) : atomDate(i))));
      }
    }
  });

  it.skipIf(!moreReaders.sfeed)('sfeed_update given the root URL gets the everything feed', async () => {
    const { root } = await sfeedUpdate({ root: `${server.url}/` });
    // sfeed_update sorts by date.
    expect(root!.map((e) => e.id).sort()).toEqual(itemsOf(everything).map((i) => i.id).sort());
  });

  it.skipIf(!moreReaders.rsstail)(`rsstail lists a feed in order, dated entries with their date, undated ones with none; the root URL works${moreReaders.rsstail ? '' : ' (skipped: rsstail not installed)'}`, async () => {
    const entries = await rsstail(kazakhstan.urls.rss);
    const items = itemsOf(kazakhstan);
    expect(entries.map((e) => [e.title, e.link])).toEqual(items.map((i) => [i.title, i.url]));
    entries.forEach((entry, n) => {
      const item = items[n]!;
      if (item.date_published) expect(seconds(entry.date!), item.title).toBe(seconds(item.date_published));
      else expect(entry.date, item.title).toBeNull();
    });
    // Undated entries come after every dated one.
    const firstUndated = entries.findIndex((e) => e.date === null);
    expect(entries.slice(firstUndated).every((e) => e.date === null)).toBe(true);
    const root = await rsstail(`${server.url}/`);
    expect(root.map((e) => e.title)).toEqual(itemsOf(everything).map((i) => i.title));
  });

  it.skipIf(!moreReaders.rss2email)(`rss2email mails every entry once per feed with its title and stated date; the root URL works${moreReaders.rss2email ? '' : ' (skipped: rss2email not installed)'}`, async () => {
    const started = Math.floor(Date.now() / 1000) - 1;
    const mails = await rss2email({ rss: kazakhstan.urls.rss, atom: kazakhstan.urls.atom, root: `${server.url}/` });
    const items = itemsOf(kazakhstan);
    for (const [url, expected] of [[kazakhstan.urls.rss, items], [kazakhstan.urls.atom, items], [`${server.url}/`, itemsOf(everything)]] as const) {
      const mine = mails.filter((m) => m.feed === url);
      expect(mine.map((m) => m.subject).sort(), url).toEqual(expected.map((i) => i.title).sort());
      for (const item of expected) {
        const mail = mine.find((m) => m.subject === item.title)!;
        if (item.date_published) expect(mail.date, item.title).toBe(seconds(item.date_published));
        // An Atom entry with no stated date carries when Caravan first saw it.
        else if (url !== kazakhstan.urls.rss) expect(mail.date, item.title).toBe(seconds(item._caravan.first_seen));
        // An RSS entry with none carries nothing: rss2email dates the message when it sends it.
        else expect(mail.date, item.title).toBeGreaterThanOrEqual(started);
      }
    }
    // The outlet is the author of an Atom entry without a byline (the From name).
    const outlet = items.find((i) => i._caravan.source && !i.authors);
    expect(outlet, 'an item with an outlet and no byline').toBeDefined();
    if (outlet) {
      const mail = mails.find((m) => m.feed === kazakhstan.urls.atom && m.subject === outlet.title)!;
      expect(mail.from).toContain(outlet._caravan.source);
    }
  });

  it.skipIf(!moreReaders.liferea)(`Liferea (in xvfb) shows every subscribed feed full, the outlet of RSS entries, stated dates, and subscribes to the root URL${moreReaders.liferea ? '' : ' (skipped: liferea, xvfb or dbus not installed)'}`, { timeout: 150_000 }, async () => {
    const aviation = catalog.find((f) => f.urls.atom.endsWith('/topics/aviation.atom'))!;
    const root = `${server.url}/`;
    /** RSS titles have no type; Liferea takes them as HTML and drops what looks like a tag (Atom says type="text"). */
    const asLifereaShowsRss = (title: string) => title.replace(/<[^>]*>/g, '');
    const subscriptions: Record<string, JsonItem[]> = {
      [kazakhstan.urls.rss]: itemsOf(kazakhstan),
      [kazakhstan.urls.atom.replace('/regions/kazakhstan', '/regions/kz')]: itemsOf(kazakhstan),
      [aviation.urls.atom]: itemsOf(aviation),
      [root]: itemsOf(everything),
    };
    const started = Math.floor(Date.now() / 1000) - 1;
    const shown = await liferea(Object.keys(subscriptions), (url) => subscriptions[url]!.length);
    for (const [url, items] of Object.entries(subscriptions)) {
      const mine = shown[url]!;
      const title = (item: JsonItem) => (url === kazakhstan.urls.rss ? asLifereaShowsRss(item.title) : item.title);
      expect(mine.map((i) => i.title).sort(), url).toEqual(items.map(title).sort());
      for (const item of items) {
        const entry = mine.find((i) => i.title === title(item))!;
        expect(entry.link, url).toBe(item.url);
        if (item.date_published) expect(entry.date, item.title).toBe(seconds(item.date_published));
        else if (url === kazakhstan.urls.rss) expect(entry.date, item.title).toBeGreaterThanOrEqual(started);
        else expect(entry.date, item.title).toBe(seconds(item._caravan.first_seen));
        if (url === kazakhstan.urls.rss) expect(entry.realSourceTitle, item.title).toBe(item._caravan.source);
      }
    }
  });

  it.skipIf(!readers.feedparser)('feedparser reads only stated dates (RSS and Atom) and the outlet as the entry source', async () => {
    const parsed = await parseWithFeedparser([kazakhstan.urls.rss, kazakhstan.urls.atom]);
    const items = itemsOf(kazakhstan);
    for (const format of ['rss', 'atom'] as const) {
      const entries = parsed[kazakhstan.urls[format]]!.entries;
      entries.forEach((entry, n) => {
        const item = items[n]!;
        expect(entry.published ?? null, item.title).toBe(item.date_published ? seconds(item.date_published) : null);
        if (format === 'atom') expect(entry.updated, item.title).toBe(atomDate(item));
        expect(entry.sourceTitle ?? null, item.title).toBe(item._caravan.source);
      });
    }
  });

  it.skipIf(!readers.newsboat)('newsboat given the root URL subscribes to the everything feed', async () => {
    const newsboat = new Newsboat();
    try {
      await newsboat.importOpml(`<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body><outline type="rss" text="Caravan" xmlUrl="${server.url}/"/></body></opml>`);
      await newsboat.reload();
      expect(newsboat.items().map((i) => i.guid).sort()).toEqual(itemsOf(everything).map((i) => i.id).sort());
      expect(newsboat.feeds()[0]?.title).toBe(everything.title);
    } finally {
      newsboat.remove();
    }
  });
});
