import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderFeed } from '../../src/render/renderFeed.js';
import { Newsboat, parseWithFeedparser, parseWithRssParser, readers } from '../helpers/readers.js';
import { makeItem } from '../helpers/makeItem.js';
import { hostileTitles, sampleDef } from '../render/sampleFeed.js';

/**
 * Rendered feeds, straight from the renderers, through the three real readers: hostile titles a
 * local page could never carry as a headline too. The full server is tested in readers.test.ts.
 */
const titles = [
  ...hostileTitles,
  'Control\u0000 characters\u0007 never\u001B reach\uFFFE readers',
  '& < > " \' alone',
  '&lt;script&gt; typed as entities',
];
const expected = titles.map((t) => t.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, ''));
/**
 * RSS titles have no type: feedparser guesses HTML when the text itself looks like HTML (a closing
 * tag of an HTML element, or an HTML entity reference) and then hands it back as sanitized HTML.
 * No RSS encoding avoids that: the guess is made on the decoded text, the same for every encoding.
 * Atom says `type="text"`, and feedparser takes these exactly there.
 */
const feedparserTakesAsHtml = [
  'Already escaped &amp;amp; &lt;b&gt; stays as typed',
  'AT&T © &copy; &#169; &nbsp; entities',
  '<b>bold</b> and <p onclick="x">para</p>',
  '&lt;script&gt; typed as entities',
];

const missing = [!readers.newsboat && 'newsboat', !readers.feedparser && 'python3-feedparser'].filter(Boolean);

describe.skipIf(missing.length > 0)(`real readers on rendered feeds${missing.length ? ` (skipped: ${missing.join(', ')} not installed; .ci/run installs them)` : ''}`, () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      const format = req.url?.endsWith('.rss') ? 'rss' : 'atom';
      const items = titles.map((title, i) =>
        // The RSS and Atom of one feed share entry ids, and newsboat keeps one entry per id across
        // all its feeds: each format gets its own items here.
        makeItem({ id: `${format === 'rss' ? 'b' : 'c'}${i}`.padStart(32, 'a'), title, authors: [`Author ${title}`], topics: ['aviation'], regions: ['kazakhstan'] }),
      );
      const body = renderFeed(format, { feed: sampleDef, items, selfUrl: base + req.url, baseUrl: base, updated: new Date('2025-01-23T09:00:00Z'), hub: null });
      res.writeHead(200, { 'Content-Type': format === 'rss' ? 'application/rss+xml; charset=utf-8' : 'application/atom+xml; charset=utf-8' });
      res.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('newsboat stores every title exactly, in RSS and Atom', async () => {
    const newsboat = new Newsboat();
    try {
      const urls = [`${base}/hostile.rss`, `${base}/hostile.atom`];
      await newsboat.importOpml(`<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body>${urls.map((u) => `<outline type="rss" text="t" xmlUrl="${u}"/>`).join('')}</body></opml>`);
      await newsboat.reload();
      const items = newsboat.items();
      for (const url of urls) {
        const mine = items.filter((i) => i.feedurl === url);
        expect(mine.map((i) => i.title).sort(), url).toEqual([...expected].sort());
        expect(mine.map((i) => i.author).sort(), url).toEqual(expected.map((t) => `Author ${t}`).sort());
      }
    } finally {
      newsboat.remove();
    }
  });

  it('feedparser parses both without error, takes Atom titles as text, exactly, and RSS titles exactly unless they look like HTML', async () => {
    const parsed = await parseWithFeedparser([`${base}/hostile.rss`, `${base}/hostile.atom`]);
    const rss = parsed[`${base}/hostile.rss`]!;
    const atom = parsed[`${base}/hostile.atom`]!;
    for (const feed of [rss, atom]) expect(feed.bozo, feed.bozoException ?? '').toBe(0);
    expect(atom.entries.map((e) => e.title)).toEqual(expected);
    expect(atom.entries.every((e) => e.titleType === 'text/plain')).toBe(true);
    expect(rss.entries.filter((e) => e.titleType === 'text/html').map((e) => expected[rss.entries.indexOf(e)])).toEqual(feedparserTakesAsHtml);
    rss.entries.forEach((entry, i) => {
      if (entry.titleType === 'text/plain') expect(entry.title).toBe(expected[i]);
    });
    expect(atom.entries.map((e) => e.authors)).toEqual(expected.map((t) => [`Author ${t}`]));
  });

  it('rss-parser reads every title exactly, in RSS and Atom', async () => {
    for (const format of ['rss', 'atom']) {
      const feed = await parseWithRssParser(`${base}/hostile.${format}`);
      expect(feed.entries.map((e) => e.title), format).toEqual(expected);
    }
  });
});
