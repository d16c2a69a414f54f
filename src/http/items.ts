import { Hono } from 'hono';
import { InputError } from '../errors.js';
import type { AppDeps } from './appDeps.js';
import { parseFeedParams } from './feedQuery.js';
import { preferredType } from './negotiate.js';
import { itemPage } from './pages/itemPage.js';
import { publicBase, publicUrl } from './requestUrls.js';

/** `/items` (filtered, cursor-paginated JSON) and `/items/:id`. */
export function itemRoutes(deps: AppDeps): Hono {
  const app = new Hono();

  app.get('/items', async (c) => {
    const query = c.req.queries();
    const params = parseFeedParams(query, { cursor: true });
    const one = (name: string) => {
      const values = query[name];
      if (values && values.length > 1) throw new InputError(`${name} is given more than once; give it once`);
      return values?.[0];
    };
    const topic = one('topic');
    const region = one('region');
    if (topic !== undefined && !deps.taxonomy.topic(topic)) {
      throw new InputError(`unknown topic "${topic}"`, 404, { topics: deps.taxonomy.topics.map((t) => t.slug) });
    }
    const regionSlug = region === undefined ? undefined : deps.taxonomy.region(region)?.slug;
    if (region !== undefined && !regionSlug) {
      throw new InputError(`unknown region "${region}"`, 404, { regions: deps.taxonomy.regions.map((r) => r.slug) });
    }
    const page = await deps.store.queryItems({
      ...params,
      ...(topic ? { topics: [topic] } : {}),
      ...(regionSlug ? { regions: [regionSlug] } : {}),
    });
    let next: string | null = null;
    if (page.nextCursor) {
      const url = new URL(publicUrl(c, deps.config.baseUrl));
      url.searchParams.set('cursor', page.nextCursor);
      next = url.toString();
    }
    return c.json({ items: page.items, next });
  });

  // A browser (text/html) gets the article as a page; everyone else the JSON, as scripts expect.
  app.get('/items/:id', async (c) => {
    const id = c.req.param('id');
    const item = /^[0-9a-f]{1,64}$/.test(id) ? await deps.store.getItem(id) : null;
    if (!item) throw new InputError(`no item with id "${id.slice(0, 80)}"`, 404);
    const type = preferredType(c.req.header('accept'), ['application/json', 'text/html', 'application/xhtml+xml']);
    const headers = { Vary: 'Accept, Accept-Encoding', 'Cache-Control': `public, max-age=${deps.config.cacheMaxAge}` };
    if (type === 'text/html' || type === 'application/xhtml+xml') {
      return c.html(await itemPage(item, deps.taxonomy, publicBase(c, deps.config.baseUrl)), 200, headers);
    }
    return c.json(item, 200, headers);
  });

  return app;
}
