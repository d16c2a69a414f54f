import { Hono, type Context } from 'hono';
import { InputError } from '../errors.js';
import { feedCatalog, type FeedDef } from '../catalog/feedCatalog.js';
import { limits } from './feedQuery.js';
import { xmlAttrEscape as escapeXml } from '../render/xmlEscape.js';
import type { AppDeps } from './appDeps.js';
import { preferredType } from './negotiate.js';
import { frontPage, siteDescription, type FeedCount } from './pages/frontPage.js';
import { publicBase } from './requestUrls.js';

const formats = ['rss', 'atom', 'json'] as const;

/**
 * What `/` gives for each type a client may prefer. A client that names no type (`*\/*`, or no
 * Accept: newsboat, sfeed, rsstail, curl) gets the everything feed as Atom, so a feed reader given
 * the site's address subscribes; browsers name text/html and get the page; scripts ask for
 * application/json (or fetch /index.json).
 */
const frontTypes = ['application/atom+xml', 'text/html', 'application/xhtml+xml', 'application/json', 'application/rss+xml', 'application/feed+json'] as const;
const feedOfType: Record<string, string> = { 'application/atom+xml': 'atom', 'application/rss+xml': 'rss', 'application/feed+json': 'json' };

/**
 * `/` (the front page, the everything feed or JSON, by Accept), `/index.json`, `/feeds` (JSON
 * catalog with counts) and `/feeds.opml` (for feed readers). `serveFeed` answers a feed request
 * (the feed routes), for `/` given to a feed reader.
 */
export function catalogRoutes(deps: AppDeps, serveFeed: (request: Request) => Response | Promise<Response>): Hono {
  const app = new Hono();
  const catalog = feedCatalog(deps.taxonomy, deps.curated);

  // Counting reads the whole tag index (most of a second at a million items): once per store version.
  let counted: { version: number; counts: Promise<Record<string, number>> } | null = null;
  const tagCounts = async () => {
    const version = await deps.store.version();
    if (counted?.version !== version) counted = { version, counts: deps.store.countTags() };
    return counted.counts;
  };

  // Search-based feeds (curated) have no tag to count: their items are counted up to a feed's
  // largest page, once per store version.
  let searched: { version: number; counts: Promise<Map<string, FeedCount>> } | null = null;
  const feedCounts = async (): Promise<Map<string, FeedCount>> => {
    const version = await deps.store.version();
    if (searched?.version !== version) {
      const tagged = tagCounts();
      const counts = Promise.all(
        catalog.map(async (def): Promise<[string, FeedCount]> => {
          if (def.countTag) return [def.path, { count: (await tagged)[def.countTag] ?? 0, atLeast: false }];
          const { items } = await deps.store.queryItems({ ...def.filter, limit: limits.max });
          return [def.path, { count: items.length, atLeast: items.length === limits.max }];
        }),
      ).then((entries) => new Map(entries));
      searched = { version, counts };
    }
    return searched.counts;
  };

  // The page is rendered once per store version and public origin.
  let page: { key: string; html: Promise<string> } | null = null;
  app.get('/', async (c) => {
    const type = preferredType(c.req.header('accept'), frontTypes);
    const vary = { Vary: 'Accept, Accept-Encoding' };
    if (type && feedOfType[type]) {
      const path = `/feed.${feedOfType[type]}`;
      const url = new URL(c.req.url);
      const answer = await serveFeed(new Request(new URL(path + url.search, url), c.req.raw));
      const response = new Response(answer.body, answer);
      response.headers.set('Vary', vary.Vary);
      if (answer.ok) response.headers.set('Content-Location', path);
      return response;
    }
    if (type === 'text/html' || type === 'application/xhtml+xml') {
      const base = publicBase(c, deps.config.baseUrl);
      const key = `${await deps.store.version()} ${base}`;
      if (page?.key !== key) {
        page = { key, html: feedCounts().then(async (counts) => String(await frontPage({ base, catalog, counts, taxonomy: deps.taxonomy }))) };
      }
      return c.html(await page.html, 200, { ...vary, 'Cache-Control': `public, max-age=${deps.config.cacheMaxAge}` });
    }
    if (type === null) {
      throw new InputError('/ is an HTML page (text/html), the everything feed (application/atom+xml, application/rss+xml, application/feed+json) or JSON (application/json)', 406);
    }
    return c.json(index(c), 200, vary);
  });
  app.get('/index.json', (c) => c.json(index(c)));

  const index = (c: Context) => {
    const base = publicBase(c, deps.config.baseUrl);
    return {
      name: 'Caravan',
      description: siteDescription,
      catalog: `${base}/feeds`,
      opml: `${base}/feeds.opml`,
      everything: Object.fromEntries(formats.map((f) => [f, `${base}/feed.${f}`])),
      items: `${base}/items`,
      health: `${base}/healthz`,
      feedUrls: [
        '/feed.{rss,atom,json}', '/topics/{topic}.{ext}', '/regions/{region}.{ext}',
        '/regions/{region}/topics/{topic}.{ext}', '/feeds/{curated}.{ext}',
      ],
      parameters: { limit: '1..100 (default 20)', since: 'ISO 8601 date or date-time', q: 'words to search for' },
    };
  };

  app.get('/feeds', async (c) => {
    const base = publicBase(c, deps.config.baseUrl);
    const counts = await tagCounts();
    const entry = (def: FeedDef) => ({
      kind: def.kind,
      slug: def.path.split('/').pop(),
      title: def.title,
      description: def.description,
      items: def.countTag ? (counts[def.countTag] ?? 0) : null,
      urls: Object.fromEntries(formats.map((f) => [f, `${base}${def.path}.${f}`])),
    });
    return c.json({
      feeds: catalog.map(entry),
      regions: deps.taxonomy.regions.map((r) => ({ slug: r.slug, name: r.name, kind: r.kind, code: r.code, parents: r.parents, members: r.members })),
      topics: deps.taxonomy.topics.map((t) => ({ slug: t.slug, name: t.name, description: t.description })),
    });
  });

  // The category schemes of every feed (`<category scheme=".../topics">`) resolve to the vocabularies.
  app.get('/topics', (c) =>
    c.json({ topics: deps.taxonomy.topics.map((t) => ({ slug: t.slug, name: t.name, description: t.description })) }),
  );
  app.get('/regions', (c) =>
    c.json({ regions: deps.taxonomy.regions.map((r) => ({ slug: r.slug, name: r.name, kind: r.kind, code: r.code, parents: r.parents, members: r.members })) }),
  );

  app.get('/feeds.opml', (c) => {
    const base = publicBase(c, deps.config.baseUrl);
    // Readers that cannot read JSON Feed (newsboat, feedparser) get Atom: the catalog points at XML.
    // htmlUrl is the site root, the link every feed gives as its home (RSS <link>, Atom
    // rel="alternate", JSON Feed home_page_url): Caravan has no HTML page per feed. Group outlines
    // carry text only (a title makes validators expect a type); no <docs>, unknown to the W3C
    // validator's OPML rules.
    const outline = (def: FeedDef) =>
      `      <outline type="rss" text="${escapeXml(def.title)}" title="${escapeXml(def.title)}" ` +
      `description="${escapeXml(def.description)}" xmlUrl="${escapeXml(`${base}${def.path}.atom`)}" htmlUrl="${escapeXml(`${base}/`)}"/>`;
    const group = (title: string, defs: FeedDef[]) =>
      defs.length === 0 ? '' : `    <outline text="${escapeXml(title)}">\n${defs.map(outline).join('\n')}\n    </outline>\n`;
    const body =
      '<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">\n  <head>\n    <title>Caravan feeds</title>\n' +
      '    <ownerName>Caravan</ownerName>\n  </head>\n  <body>\n' +
      group('Everything', catalog.filter((d) => d.kind === 'all')) +
      group('Topics', catalog.filter((d) => d.kind === 'topic')) +
      group('Regions', catalog.filter((d) => d.kind === 'region')) +
      group('Curated', catalog.filter((d) => d.kind === 'curated')) +
      '  </body>\n</opml>\n';
    return c.body(body, 200, {
      'Content-Type': 'text/x-opml; charset=utf-8',
      'Cache-Control': `public, max-age=${deps.config.cacheMaxAge}`,
    });
  });

  return app;
}
