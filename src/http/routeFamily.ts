/** The route family of a request path, a small fixed set for metrics labels (never the raw path). */
export type RouteFamily = 'feed' | 'catalog' | 'items' | 'health' | 'admin' | 'metrics' | 'static' | 'other';

const feedPath = /^\/(?:feed(?:\.[^/]*)?|topics\/[^/]+|regions\/[^/]+(?:\/topics\/[^/]+)?|feeds\/[^/]+)$/;
const catalogPaths = new Set(['/', '/index.json', '/feeds', '/feeds.opml', '/topics', '/regions']);

export function routeFamily(path: string): RouteFamily {
  if (feedPath.test(path)) return 'feed';
  if (catalogPaths.has(path)) return 'catalog';
  if (path === '/items' || path.startsWith('/items/')) return 'items';
  if (path === '/healthz') return 'health';
  if (path === '/admin' || path.startsWith('/admin/')) return 'admin';
  if (path === '/metrics') return 'metrics';
  if (/^\/(?:favicon\.ico|icon[^/]*|apple-touch-icon[^/]*|robots\.txt)$/.test(path)) return 'static';
  return 'other';
}
