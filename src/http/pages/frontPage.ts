import { html } from 'hono/html';
import type { FeedDef } from '../../catalog/feedCatalog.js';
import type { Taxonomy } from '../../taxonomy/taxonomy.js';
import { layout, type Html } from './layout.js';

export const siteDescription = 'Topic and region feeds of news about Central Asia, Russia, Ukraine and beyond.';

/** How many items a feed holds: exact, or (for search-based feeds, counted up to a cap) "at least". */
export interface FeedCount {
  count: number;
  atLeast: boolean;
}

export interface FrontPageData {
  base: string;
  catalog: FeedDef[];
  counts: Map<string, FeedCount>;
  taxonomy: Taxonomy;
}

const formats = [['rss', 'RSS'], ['atom', 'Atom'], ['json', 'JSON']] as const;
const mediaTypes = { rss: 'application/rss+xml', atom: 'application/atom+xml', json: 'application/feed+json' } as const;

/**
 * `/` for people: what Caravan is, then every feed (everything, each topic, each region under its
 * group, each curated feed) with its item count and its RSS, Atom and JSON links, and autodiscovery
 * links so a feed reader given the site's address finds the everything feed.
 */
export function frontPage({ base, catalog, counts, taxonomy }: FrontPageData): Html {
  const byPath = new Map(catalog.map((def) => [def.path, def]));
  const everything = catalog.filter((d) => d.kind === 'all');
  const line = (def: FeedDef, name: string, member = false) => {
    const count = counts.get(def.path);
    const label = count === undefined ? '' : `${count.count}${count.atLeast ? '+' : ''} ${count.count === 1 && !count.atLeast ? 'article' : 'articles'}`;
    return html`<li${member ? html` class="member"` : ''}><a href="${base}${def.path}.atom">${name}</a> <span class="count">${label}</span><span class="formats">${formats.map(
      ([ext, title]) => html`<a href="${base}${def.path}.${ext}" type="${mediaTypes[ext]}" aria-label="${name}, ${title}">${title}</a>`,
    )}</span></li>\n`;
  };

  const groups = taxonomy.regions.filter((r) => r.kind === 'group');
  const ungrouped = taxonomy.regions.filter((r) => r.kind === 'country' && !r.parents.some((p) => groups.some((g) => g.slug === p)));
  const regionFeed = (slug: string) => byPath.get(`/regions/${slug}`);
  const regionSections = [
    ...groups.map((group) => {
      const own = regionFeed(group.slug);
      const members = group.members.map((slug) => taxonomy.region(slug)).filter((r) => r !== undefined);
      return html`<h3 id="region-${group.slug}">${group.name}</h3>
<ul class="feeds">
${own ? line(own, `${group.name}: all its countries`) : ''}${members.map((m) => (regionFeed(m.slug) ? line(regionFeed(m.slug)!, m.name, true) : ''))}</ul>
`;
    }),
    ungrouped.length
      ? html`<h3 id="region-other">Other countries</h3>
<ul class="feeds">
${ungrouped.map((r) => (regionFeed(r.slug) ? line(regionFeed(r.slug)!, r.name) : ''))}</ul>
`
      : '',
  ];
  const topics = catalog.filter((d) => d.kind === 'topic');
  const curated = catalog.filter((d) => d.kind === 'curated');
  const plainName = (def: FeedDef) => def.title.replace(/^Caravan: /, '');

  const head = html`${everything.map((def) =>
    // Atom first: readers that take the first alternate get the format the OPML also lists.
    [formats[1], formats[0], formats[2]].map(([ext, title]) => html`<link rel="alternate" type="${mediaTypes[ext]}" title="${def.title} (${title})" href="${base}${def.path}.${ext}">\n`),
  )}`;
  const body = html`<header>
<h1>Caravan</h1>
<p>${siteDescription} Caravan reads news pages and upstream feeds, tags every article with the topics and regions it is about, and serves a feed for each. Subscribe in any feed reader: pick a feed below, give the reader this page's address (it finds the feed of everything), or import <a href="${base}/feeds.opml">every feed as OPML</a>.</p>
</header>
<main>
<section aria-labelledby="everything">
<h2 id="everything">Everything</h2>
<ul class="feeds">
${everything.map((def) => line(def, 'Every article'))}</ul>
</section>
<section aria-labelledby="topics">
<h2 id="topics">Topics</h2>
<ul class="feeds">
${topics.map((def) => line(def, plainName(def)))}</ul>
</section>
<section aria-labelledby="regions">
<h2 id="regions">Regions</h2>
${regionSections}</section>
${curated.length ? html`<section aria-labelledby="curated">
<h2 id="curated">Curated feeds</h2>
<ul class="feeds">
${curated.map((def) => line(def, plainName(def)))}</ul>
</section>
` : ''}<section aria-labelledby="scripts">
<h2 id="scripts">For scripts</h2>
<p>Any feed also takes <code>?limit=</code> (1 to 100), <code>?since=</code> (an ISO 8601 date) and <code>?q=</code> (words to search for). The same catalog as JSON: <a href="${base}/index.json">/index.json</a> and <a href="${base}/feeds">/feeds</a> (with counts); articles as JSON: <a href="${base}/items">/items</a>; health: <a href="${base}/healthz">/healthz</a>.</p>
</section>
</main>
`;
  return layout({ lang: 'en', title: 'Caravan: news feeds by topic and region', description: siteDescription, head, body });
}
