import { Hono } from 'hono';
import { feedCatalog, type FeedDef } from '../catalog/feedCatalog.js';
import { xmlAttrEscape as escapeXml } from '../render/xmlEscape.js';
import type { AppDeps } from './appDeps.js';
import { publicBase } from './requestUrls.js';

const formats = ['rss', 'atom', 'json'] as const;

/** `/` (what is here), `/feeds` (JSON catalog with counts) and `/feeds.opml` (for feed readers). */
export function catalogRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  const catalog = feedCatalog(deps.taxonomy, deps.curated);

  // Counting reads the whole tag index (most of a second at a million items): once per store version.
  let counted: { version: number; counts: Promise<Record<string, number>> } | null = null;
  const tagCounts = async () => {
    const version = await deps.store.version();
    if (counted?.version !== version) counted = { version, counts: deps.store.countTags() };
    return counted.counts;
  };

  app.get('/', (c) => {
    const base = publicBase(c, deps.config.baseUrl);
    return c.json({
      name: 'Caravan',
      description: 'Topic and region feeds of news about Central Asia, Russia, Ukraine and beyond.',
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
    });
  });

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
