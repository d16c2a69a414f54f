/**
 * A few hundred one-entry hostile feeds (image-only, video-only, embed-only, markup-only, empty,
 * script-only, event-handler-only, entities, CDATA tricks, titles that are HTML), in RSS, Atom and
 * JSON Feed, served from a loopback upstream of our own and ingested in one run: every entry ends
 * in an item that lists its source, or is counted as skipped with a reason; per source, entries =
 * new + updated + unchanged + skipped; nothing executable reaches the store or a rendered feed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { runIngestion } from '../../src/ingest/run.js';
import { skipReasons } from '../../src/ingest/upstream/entryArticles.js';
import { memoryLog } from '../../src/log.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Item } from '../../src/item.js';
import { realConfigData } from '../helpers/configData.js';
import { executable } from './helpers/executable.js';
import { startHostileServer, type HostileServer } from './helpers/hostileUpstream.js';

const data = realConfigData();
let server: HostileServer;
beforeAll(async () => {
  server = await startHostileServer();
});
afterAll(() => server.close());

/** Entry bodies, as HTML (escaped into the feed unless the recipe says raw / CDATA). */
const bodies: Record<string, string | null> = {
  none: null,
  empty: '',
  whitespace: '   \n\t ',
  image: '<img src="https://img.example/photo-1.jpg" alt="Camels at the Charyn canyon">',
  imageNoAlt: '<p><img src="https://img.example/photo-2.jpg"></p>',
  imageRelative: '<img src="pics/3.png" onerror="alert(1)">',
  video: '<video src="https://media.example/v.mp4" poster="javascript:alert(1)" onplay="alert(1)"></video>',
  embed: '<iframe src="https://player.example/embed/xyz" onload="alert(1)"></iframe>',
  embedJs: '<iframe src="javascript:alert(1)"></iframe>',
  markupOnly: '<p><b></b><i> </i><span></span></p><br><hr>',
  scriptOnly: '<script>alert(1)</script><style>body{}</style>',
  handlerOnly: '<p onclick="alert(1)" onmouseover="alert(2)"></p><div onload="x()"></div>',
  entities: '&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp; &#60;b&#62;',
  cdataTrick: ']]><script>alert(1)</script><![CDATA[',
  nested: '<![CDATA[<img src=x onerror=alert(1)>]]>',
  text: 'A plain sentence about the caravan road.',
};
const titles: Record<string, string | null> = {
  none: null,
  empty: '',
  html: '<b>Bold</b> &amp; <i>brave</i> headline',
  escapedScript: '&lt;script&gt;alert(1)&lt;/script&gt; headline',
  script: '<script>alert(1)</script>',
  plain: 'A plain headline',
};

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface Recipe {
  name: string;
  /** The entry's title and body it was made of. */
  entry: { title: string | null; body: string | null };
  body: string;
  contentType: string;
}

function feed(format: 'rss' | 'atom' | 'json', n: number, title: string | null, body: string | null, link: boolean): Recipe {
  const href = `https://site.example/posts/${n}`;
  const name = `${format} #${n} title=${JSON.stringify(title)} body=${JSON.stringify(body)} link=${link}`;
  if (format === 'json') {
    const item: Record<string, unknown> = { id: link ? href : `urn:entry:${n}` };
    if (title !== null) item.title = title;
    if (link) item.url = href;
    if (body !== null) item.content_html = body;
    return { name, entry: { title, body }, contentType: 'application/feed+json', body: JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Hostile', items: [item] }) };
  }
  // Half the bodies raw in CDATA (markup live), half escaped once.
  const content = body === null ? null : n % 2 === 0 ? `<![CDATA[${body}]]>` : xml(body);
  if (format === 'rss') {
    const parts = [
      title === null ? '' : `<title>${n % 3 === 0 ? `<![CDATA[${title}]]>` : xml(title)}</title>`,
      link ? `<link>${href}</link>` : '',
      content === null ? '' : `<description>${content}</description>`,
    ];
    return { name, entry: { title, body }, contentType: 'application/rss+xml', body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile</title><link>https://site.example/</link><item>${parts.join('')}</item></channel></rss>` };
  }
  const parts = [
    title === null ? '' : `<title type="html">${xml(title)}</title>`,
    link ? `<link href="${href}"/>` : '',
    `<id>urn:entry:atom:${n}</id>`,
    content === null ? '' : `<content type="html">${content}</content>`,
  ];
  return { name, entry: { title, body }, contentType: 'application/atom+xml', body: `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Hostile</title><id>urn:hostile</id><updated>2025-03-01T00:00:00Z</updated><entry>${parts.join('')}</entry></feed>` };
}

describe('a few hundred one-entry hostile feeds', () => {
  it('account for every entry (an item or a counted skip with a reason) and carry nothing executable', async () => {
    const recipes: Recipe[] = [];
    let n = 0;
    for (const format of ['rss', 'atom', 'json'] as const) {
      for (const body of Object.values(bodies)) {
        for (const title of Object.values(titles)) {
          // Links on two of three, so entries with neither title nor link nor words exist too.
          recipes.push(feed(format, n, title, body, n % 3 !== 0));
          n++;
        }
      }
    }
    const urls = recipes.map((r) => server.serve({ body: new TextEncoder().encode(r.body), contentType: r.contentType, recipe: r.name }));
    const byUrl = new Map(urls.map((u, i) => [u, recipes[i]]));
    const store = await openSqliteStore(':memory:');
    const log = memoryLog();
    const run = await runIngestion({
      store, taxonomy: data.taxonomy, pages: null, fetch: globalThis.fetch, now: () => new Date('2025-03-01T00:00:00Z'), log, userAgent: 'test',
      sources: {
        pages: { enabled: false }, defaults: { intervalMinutes: 15 },
        upstream: urls.map((url) => ({ url, name: null, topics: [], regions: [], intervalMinutes: 15, allowPrivate: true })),
      },
      limits: { perHost: 8, concurrency: 8 },
    });
    expect(run).not.toBeNull();
    expect(run!.status, run!.error ?? '').toBe('ok');

    const items: Item[] = [];
    for (let cursor: string | undefined; ;) {
      const page = await store.queryItems({ limit: 100, ...(cursor ? { cursor } : {}) });
      items.push(...page.items);
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    const itemSources = new Set(items.flatMap((i) => i.origins.map((o) => o.ref)));
    const skippedBy: Record<string, number> = {};
    const known = new Set<string>(Object.values(skipReasons));
    for (const o of run!.sources) {
      const recipe = byUrl.get(o.source)!.name;
      expect(o.status, recipe).toBe('ok');
      expect(o.entries, recipe).toBe(1);
      const skipped = Object.values(o.skipped).reduce((a, b) => a + b, 0);
      expect(o.inserted + o.updated + o.unchanged + skipped, recipe).toBe(o.entries);
      for (const [reason, count] of Object.entries(o.skipped)) {
        expect(known, `${recipe}: ${reason}`).toContain(reason);
        skippedBy[reason] = (skippedBy[reason] ?? 0) + count;
      }
      // Not skipped: its entry is in an item that names this source.
      if (skipped === 0) expect(itemSources.has(o.source), recipe).toBe(true);
    }
    for (const item of items) {
      expect(item.title, JSON.stringify(item.origins)).not.toBe('');
      // Entries from different sources merge only when they are identical (the same title, and the
      // same body, or no content left after sanitizing), never by a shared title alone.
      const made = item.origins.map((o) => byUrl.get(o.ref)!);
      if (item.contentHtml !== null || item.contentText !== '') {
        expect(new Set(made.map((r) => r.entry.body)).size, `${item.title}: ${made.map((r) => r.entry.body).join(' | ')}`).toBe(1);
      }
      if (item.contentHtml) expect(executable(item.contentHtml), item.contentHtml).toEqual([]);
    }
    // Word-less entries became items with honest titles.
    const titlesSeen = new Set(items.map((i) => i.title));
    expect(titlesSeen).toContain('Camels at the Charyn canyon');
    expect(titlesSeen).toContain('Untitled image post');
    expect(titlesSeen).toContain('Untitled video post');
    expect(titlesSeen).toContain('Untitled embed post');
    // An HTML title loses its tags and has its entities decoded once.
    expect(titlesSeen).toContain('Bold & brave headline');
    expect(titlesSeen).not.toContain('<b>Bold</b> &amp; <i>brave</i> headline');

    const app = createApp({
      store, taxonomy: data.taxonomy, curated: data.curated, log, now: () => new Date(),
      config: { baseUrl: null, cacheMaxAge: 300, websubHub: null, adminToken: null },
    });
    const json = (await (await app.request('http://caravan.test/feed.json?limit=100')).json()) as { items: { content_html?: string }[] };
    for (const item of json.items) if (item.content_html) expect(executable(item.content_html)).toEqual([]);
    const health = (await (await app.request('http://caravan.test/healthz')).json()) as { lastRun: { entries: number; skipped: number } };
    expect(health.lastRun).toMatchObject({ entries: recipes.length, skipped: run!.skipped });
    expect(log.lines.filter((l) => l.includes('ingest: source') && l.includes('skipped=1')).length).toBe(run!.skipped);

    const figures = { feeds: recipes.length, entries: run!.entries, items: items.length, inserted: run!.inserted, updated: run!.updated, unchanged: run!.unchanged, skipped: skippedBy };
    console.info(`entry accounting: ${JSON.stringify(figures)}`);
    expect(run!.entries).toBe(recipes.length);
    await store.close();
  }, 120_000);
});
