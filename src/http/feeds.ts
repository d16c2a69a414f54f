import { Hono, type Context } from 'hono';
import { allFeed, curatedFeed, regionFeed, regionTopicFeed, topicFeed, type FeedDef } from '../catalog/feedCatalog.js';
import { InputError } from '../errors.js';
import { isNotModified } from '../render/conditional.js';
import { negotiateEncoding } from '../render/contentEncoding.js';
import { asciiUrl } from '../render/feedContext.js';
import { contentTypes, extensions, negotiateFormat, splitExtension, type FeedFormat } from '../render/formats.js';
import { renderFeed } from '../render/renderFeed.js';
import type { AppDeps } from './appDeps.js';
import { corsHeaders } from './cors.js';
import { parseFeedParams } from './feedQuery.js';
import { makeRendered, RenderCache, representationFor, type Rendered } from './renderCache.js';
import { publicBase, publicUrl } from './requestUrls.js';

/** The feed routes: /feed, /topics/:t, /regions/:r, /regions/:r/topics/:t, /feeds/:slug; each .rss/.atom/.json. */
export function feedRoutes(deps: AppDeps): Hono {
  const { taxonomy, curated } = deps;
  const cache = new RenderCache();
  const app = new Hono();

  const notFound = (what: string, slug: string, known: string[]): never => {
    throw new InputError(`unknown ${what} "${slug}"`, 404, { [`${what}s`]: known });
  };
  const topicSlugs = () => taxonomy.topics.map((t) => t.slug);
  const regionSlugs = () => taxonomy.regions.map((r) => r.slug);

  app.get('/:file{feed(?:\\.[^/]*)?}', (c) => serve(c, c.req.param('file'), () => allFeed()));
  app.get('/topics/:file', (c) =>
    serve(c, c.req.param('file'), (slug) => topicFeed(taxonomy, slug) ?? notFound('topic', slug, topicSlugs())),
  );
  app.get('/regions/:file', (c) =>
    serve(c, c.req.param('file'), (slug) => regionFeed(taxonomy, slug) ?? notFound('region', slug, regionSlugs())),
  );
  app.get('/regions/:region/topics/:file', (c) =>
    serve(c, c.req.param('file'), (slug) => {
      const region = c.req.param('region');
      if (!taxonomy.region(region)) notFound('region', region, regionSlugs());
      return regionTopicFeed(taxonomy, region, slug) ?? notFound('topic', slug, topicSlugs());
    }),
  );
  app.get('/feeds/:file', (c) =>
    serve(c, c.req.param('file'), (slug) => {
      const feed = curated.find((f) => f.slug === slug);
      return feed ? curatedFeed(feed) : notFound('curated feed', slug, curated.map((f) => f.slug));
    }),
  );

  async function serve(c: Context, file: string, resolve: (slug: string) => FeedDef): Promise<Response> {
    const [slug, ext] = splitExtension(file);
    let format: FeedFormat;
    if (ext === null) format = negotiateFormat(c.req.header('accept'));
    else if (extensions[ext]) format = extensions[ext];
    else throw new InputError(`unknown feed format ".${ext.slice(0, 20)}"; use .rss, .atom or .json`);
    const def = resolve(decodeURIComponent(slug));
    const params = parseFeedParams(c.req.queries());

    const selfUrl = publicUrl(c, deps.config.baseUrl);
    const version = await deps.store.version();
    const key = `${format} ${selfUrl}`;
    const rendered = cache.get(key, version) ?? (await render(c, def, format, params, selfUrl, version, key));
    const coding = negotiateEncoding(c.req.header('accept-encoding'));
    const sent = await representationFor(rendered, coding);

    // Validators and caching headers go on 200 and 304 alike (RFC 9110 section 15.4.5). A plain
    // object, not Headers: @hono/node-server writes it straight out.
    const headers: Record<string, string> = {
      ETag: sent.etag,
      'Last-Modified': rendered.lastModified.toUTCString(),
      'Cache-Control': `public, max-age=${deps.config.cacheMaxAge}, stale-while-revalidate=${deps.config.cacheMaxAge * 2}`,
      Vary: ext === null ? 'Accept, Accept-Encoding' : 'Accept-Encoding',
      ...corsHeaders,
    };
    // WebSub discovery (W3C WebSub section 4): the hub and the topic URL as Link headers too.
    if (deps.config.websubHub) headers.Link = `<${deps.config.websubHub}>; rel="hub", <${asciiUrl(selfUrl)}>; rel="self"`;
    if (isNotModified(c.req.raw.headers, sent.etag, rendered.lastModified)) {
      return new Response(null, { status: 304, headers });
    }
    headers['Content-Type'] = contentTypes[format];
    headers['Content-Length'] = String(sent.bytes.byteLength);
    if (coding) headers['Content-Encoding'] = coding;
    return new Response(c.req.method === 'HEAD' ? null : sent.bytes, { status: 200, headers });
  }

  async function render(
    c: Context, def: FeedDef, format: FeedFormat, params: ReturnType<typeof parseFeedParams>,
    selfUrl: string, version: number, key: string,
  ): Promise<Rendered> {
    // A curated feed's own search and the reader's both apply: all words are required.
    const q = [def.filter.q, params.q].filter(Boolean).join(' ') || undefined;
    const { items } = await deps.store.queryItems({ ...def.filter, ...params, q });
    const newest = items.reduce((max, item) => (item.changed > max ? item.changed : max), '1970-01-01T00:00:00.000Z');
    // HTTP dates have whole seconds; so has the feed's own updated time, and they agree.
    const lastModified = new Date(Math.floor(new Date(newest).getTime() / 1000) * 1000);
    const body = renderFeed(format, {
      feed: def, items, selfUrl, baseUrl: publicBase(c, deps.config.baseUrl), updated: lastModified, hub: deps.config.websubHub, q: params.q,
    });
    const rendered = await makeRendered(body, lastModified);
    cache.set(key, version, rendered);
    return rendered;
  }

  return app;
}

