import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../helpers/browser.js';
import type { CatalogEntry } from '../helpers/catalogEntry.js';
import { parseWithRssParser } from '../helpers/readers.js';
import { startServerWithHostilePages } from '../helpers/readersServer.js';
import type { RunningServer } from '../helpers/startServer.js';

/** Where the screenshots go (look at them after a change to a page). */
const screenshots = join(import.meta.dirname, '..', '..', 'test-results', 'browser');

interface JsonItem {
  id: string;
  url: string;
  title: string;
  content_text: string;
  date_published?: string;
  authors?: Array<{ name: string }>;
  _caravan: { source: string | null; partial: boolean };
}

/** The page's heading levels in document order, its lang and charset, and whether it has any script. */
async function structure(page: Page) {
  return page.evaluate(() => ({
    headings: [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1])),
    lang: document.documentElement.lang,
    charset: document.characterSet,
    scripts: document.querySelectorAll('script').length,
    title: document.title,
  }));
}

/** One h1, first; no level skipped on the way down. */
function expectHeadingsInOrder(levels: number[]): void {
  expect(levels[0]).toBe(1);
  expect(levels.filter((l) => l === 1)).toHaveLength(1);
  for (let i = 1; i < levels.length; i++) expect(levels[i]!, `heading ${i}`).toBeLessThanOrEqual(levels[i - 1]! + 1);
}

describe.skipIf(!hasChromium)(`Chromium against the real server (screenshots in ${screenshots})${hasChromium ? '' : ' (skipped: /usr/bin/chromium not installed; .ci/run installs it)'}`, () => {
  let server: RunningServer;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let context: BrowserContext;
  let everything: JsonItem[];
  const dialogs: string[] = [];

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    [server, browser] = await Promise.all([startServerWithHostilePages(), launchChromium()]);
    context = browser.context;
    context.on('page', (page) => page.on('dialog', (dialog) => dialogs.push(dialog.message())));
    everything = ((await (await fetch(`${server.url}/feed.json?limit=100`)).json()) as { items: JsonItem[] }).items;
  });
  afterAll(async () => {
    await browser?.close();
    expect(await server?.stop()).toBe(0);
  });

  it('the front page shows every feed of the catalog with its RSS, Atom and JSON links, in order, without JavaScript', async () => {
    const page = await context.newPage();
    const response = await page.goto(`${server.url}/`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-type']).toMatch(/^text\/html; charset=utf-8/i);
    await page.screenshot({ path: join(screenshots, 'front-page.png') });
    await page.screenshot({ path: join(screenshots, 'front-page-full.png'), fullPage: true });

    const shape = await structure(page);
    expect(shape).toMatchObject({ lang: 'en', charset: 'UTF-8', scripts: 0 });
    expectHeadingsInOrder(shape.headings);
    await expect(page.locator('h1').innerText()).resolves.toBe('Caravan');

    const links = new Set(await page.locator('a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href)));
    const catalog = ((await (await fetch(`${server.url}/feeds`)).json()) as { feeds: Array<CatalogEntry & { items: number | null }> }).feeds;
    for (const feed of catalog) for (const url of Object.values(feed.urls)) expect(links, url).toContain(url);
    // Each feed's line shows the catalog's count.
    const kazakhstan = catalog.find((f) => f.urls.atom.endsWith('/regions/kazakhstan.atom'))!;
    const line = page.locator('li', { has: page.locator(`a[href="${kazakhstan.urls.atom}"]`) }).first();
    await expect(line.innerText()).resolves.toContain(`${kazakhstan.items} articles`);
    await page.close();
  });

  it('its autodiscovery links resolve to valid feeds with items', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    const alternates = await page.locator('link[rel="alternate"]').evaluateAll((ls) =>
      ls.map((l) => ({ href: (l as HTMLLinkElement).href, type: l.getAttribute('type') ?? '', title: l.getAttribute('title') ?? '' })),
    );
    await page.close();
    expect(alternates.map((a) => a.type)).toEqual(['application/atom+xml', 'application/rss+xml', 'application/feed+json']);
    for (const { href, type, title } of alternates) {
      const response = await fetch(href);
      expect(response.status, href).toBe(200);
      expect(response.headers.get('content-type'), href).toContain(type);
      expect(title).toMatch(/^Caravan: all articles/);
      if (type === 'application/feed+json') {
        const feed = (await response.json()) as { version: string; items: unknown[] };
        expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
        expect(feed.items.length).toBeGreaterThan(0);
      } else {
        const feed = await parseWithRssParser(href);
        expect(feed.entries.length, href).toBeGreaterThan(0);
      }
    }
  });

  it('an article page shows its title exactly (markup in it stays text), outlet, date or "date unknown", full text and its feeds', async () => {
    const hostile = everything.find((i) => i.title.startsWith('Tom & Jerry <script>'))!;
    expect(new URL(hostile.url).pathname).toMatch(/^\/items\/[0-9a-f]+$/);
    const page = await context.newPage();
    const response = await page.goto(hostile.url);
    expect(response?.headers()['content-type']).toMatch(/^text\/html/);
    await page.screenshot({ path: join(screenshots, 'article-hostile.png'), fullPage: true });
    await expect(page.locator('h1').innerText()).resolves.toBe(hostile.title);
    const text = await page.locator('article').innerText();
    expect(text).toContain('the <b>agreement</b> covers rail freight & transit fees');
    expect(text).toContain(hostile.date_published ? '' : 'date unknown');
    if (hostile._caravan.source) expect(text).toContain(hostile._caravan.source);
    const shape = await structure(page);
    expect(shape).toMatchObject({ lang: 'en', charset: 'UTF-8', scripts: 0, title: `${hostile.title} (Caravan)` });
    expectHeadingsInOrder(shape.headings);
    // Its topics and regions link to their feeds, which exist.
    const feedLinks = await page.locator('section a[href$=".atom"]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(feedLinks.length).toBeGreaterThan(0);
    for (const href of feedLinks) expect((await fetch(href)).status, href).toBe(200);
    await page.close();
    expect(dialogs).toEqual([]);
  });

  it('a dated article shows its date, one with an outlet and byline shows both, and a teaser the page cut off says so', async () => {
    const dated = everything.find((i) => i.date_published && new URL(i.url).pathname.startsWith('/items/'))!;
    const partial = everything.find((i) => i._caravan.partial && new URL(i.url).pathname.startsWith('/items/'))!;
    const page = await context.newPage();
    await page.goto(dated.url);
    await page.screenshot({ path: join(screenshots, 'article-dated.png'), fullPage: true });
    await expect(page.locator('time').getAttribute('datetime')).resolves.toBe(dated.date_published);
    await expect(page.locator('article').innerText()).resolves.not.toContain('date unknown');
    const bylined = everything.find((i) => i._caravan.source && i.authors?.length && new URL(i.url).pathname.startsWith('/items/'))!;
    await page.goto(bylined.url);
    await page.screenshot({ path: join(screenshots, 'article-outlet-byline.png') });
    await expect(page.locator('.outlet').innerText()).resolves.toBe(bylined._caravan.source);
    await expect(page.locator('.byline').innerText()).resolves.toContain(bylined.authors![0]!.name);
    await page.goto(partial.url);
    await page.screenshot({ path: join(screenshots, 'article-partial.png'), fullPage: true });
    await expect(page.locator('.partial').innerText()).resolves.toContain('partial: the page cut this article off');
    await page.close();
  });
});
