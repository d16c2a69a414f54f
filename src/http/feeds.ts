import { Hono, type Context } from 'hono';
import { allFeed, curatedFeed, regionFeed, regionTopicFeed, topicFeed, type FeedDef } from '../catalog/feedCatalog.js';
import { InputError } from '../errors.js';
import type { ContentCoding } from '../render/contentEncoding.js';
import { asciiUrl } from '../render/feedContext.js';
import { contentTypes, extensions, negotiateFormat, splitExtension, type FeedFormat } from '../render/formats.js';
import { FeedFragments } from '../render/feedFragments.js';
import { renderFeedBytes } from '../render/renderFeed.js';
import type { AppDeps } from './appDeps.js';
import { corsHeaders } from './cors.js';
import { parseFeedParams } from './feedQuery.js';
import {
  answerFrom, makeRendered, RenderCache, representationFor, requestSignature, type CachedAnswer, type HeaderOf, type Prepared, type Rendered,
  type Representation,
} from './renderCache.js';
import { publicBase, publicUrl } from './requestUrls.js';

/** The feed routes: /feed, /topics/:t, /regions/:r, /regions/:r/topics/:t, /feeds/:slug; each .rss/.atom/.json. */
export function feedRoutes(deps: AppDeps): Hono {
  const { taxonomy, curated } = deps;
  const cache = deps.renderCache ?? new RenderCache();
  // Entries rendered once per item version, shared by every feed and store version (feedFragments.ts).
  const fragments = new FeedFragments();
  const app = new Hono();

  const notFound = (what: string, slug: string, known: string[]): never => {
    throw new InputError(`unknown ${what} "${slug}"`, 404, { [`${what}s`]: known });
  };
  const topicSlugs = () => taxonomy.topics.map((t) => t.slug);
  const regionSlugs = () => taxonomy.regions.map((r) => r.slug);

  // `/feed` and `/feed.<ext>` as a static route and a wildcard, not a regular-expression
  // parameter: that keeps Hono on its RegExpRouter (one match per request) instead of the trie.
  app.get('/feed', (c) => serve(c, 'feed', () => allFeed()));
  app.get('/feed.*', (c) => {
    const file = c.req.path.slice(1);
    return file.includes('/') ? c.notFound() : serve(c, file, () => allFeed());
  });
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

  /**
   * A feed response. The hot path (a request answered before, its feed already rendered for this
   * store version, the version known without a database read) is synchronous: no await, so
   * @hono/node-server writes the response in the same tick it read the request, with headers
   * made once per rendered feed. (The Node door answers those before Hono: src/node/cachedFeeds.ts.)
   */
  function serve(c: Context, file: string, resolve: (slug: string) => FeedDef): Response | Promise<Response> {
    const header: HeaderOf = (name) => c.req.header(name);
    const version = deps.store.knownVersion?.();
    const answer = version === undefined ? undefined : cache.answer(c.req.url, c.req.method, header, version);
    if (answer) return response(answer);
    const [slug, ext] = splitExtension(file);
    let format: FeedFormat;
    if (ext === null) format = negotiateFormat(c.req.header('accept'));
    else if (extensions[ext]) format = extensions[ext];
    else throw new InputError(`unknown feed format ".${ext.slice(0, 20)}"; use .rss, .atom or .json`);
    // Everything the document depends on: the format, the URL (path and query) and, without
    // BASE_URL, the proxy headers the self links are made from. A key is cached only after its
    // request was valid, so a hit needs no checks.
    const key = deps.config.baseUrl
      ? `${format} ${c.req.url}`
      : `${format} ${c.req.url} ${c.req.header('x-forwarded-proto') ?? ''} ${c.req.header('x-forwarded-host') ?? ''}`;
    return serveAsync(c, slug, ext, format, key, cache.coding(c.req.header('accept-encoding')), resolve, header);
  }

  async function serveAsync(
    c: Context, slug: string, ext: string | null, format: FeedFormat, key: string, coding: ContentCoding | null,
    resolve: (slug: string) => FeedDef, header: HeaderOf,
  ): Promise<Response> {
    const def = resolve(decodeURIComponent(slug));
    const params = parseFeedParams(c.req.queries());
    const version = await deps.store.version();
    let rendered = cache.get(key, version);
    if (rendered) cache.hits++;
    else cache.misses++;
    const selfUrl = rendered ? '' : publicUrl(c, deps.config.baseUrl);
    rendered ??= await render(c, def, format, params, selfUrl, version, key);
    const sent = await representationFor(rendered, coding);
    const prepared = (rendered.prepared[coding ?? 'identity'] ??= prepare(rendered, sent, coding, format, ext, selfUrl || publicUrl(c, deps.config.baseUrl)));
    // A valid feed request: the next one like it is answered from the cache (`cache.answer`).
    cache.remember(requestSignature(c.req.url, header), key);
    return response(answerFrom(rendered, prepared, c.req.method, header));
  }

  function response(answer: CachedAnswer): Response {
    return new Response(answer.body, { status: answer.status, headers: answer.headers });
  }

  function prepare(
    rendered: Rendered, sent: Representation, coding: ContentCoding | null, format: FeedFormat, ext: string | null, selfUrl: string,
  ): Prepared {
    // Validators and caching headers go on 200 and 304 alike (RFC 9110 section 15.4.5). A plain
    // object, not Headers: @hono/node-server writes it straight out.
    const notModified: Record<string, string> = {
      ETag: sent.etag,
      'Last-Modified': rendered.lastModified.toUTCString(),
      'Cache-Control': `public, max-age=${deps.config.cacheMaxAge}, stale-while-revalidate=${deps.config.cacheMaxAge * 2}`,
      Vary: ext === null ? 'Accept, Accept-Encoding' : 'Accept-Encoding',
      ...corsHeaders,
    };
    // WebSub discovery (W3C WebSub section 4): the hub and the topic URL as Link headers too.
    if (deps.config.websubHub) notModified.Link = `<${deps.config.websubHub}>; rel="hub", <${asciiUrl(selfUrl)}>; rel="self"`;
    const ok: Record<string, string> = { ...notModified, 'Content-Type': contentTypes[format], 'Content-Length': String(sent.bytes.byteLength) };
    if (coding) ok['Content-Encoding'] = coding;
    return { ...sent, ok: Object.freeze(ok), notModified: Object.freeze(notModified) };
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
    const body = renderFeedBytes(format, {
      feed: def, items, selfUrl, baseUrl: publicBase(c, deps.config.baseUrl), updated: lastModified, hub: deps.config.websubHub, q: params.q,
    }, fragments);
    const rendered = await makeRendered(body, lastModified, deps.sha256, deps.compress);
    cache.set(key, version, rendered);
    return rendered;
  }

  return app;
}

