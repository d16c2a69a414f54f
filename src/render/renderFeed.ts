import { renderAtomFeed } from './atomFeed.js';
import type { FeedContext } from './feedContext.js';
import type { FeedFormat } from './formats.js';
import { renderJsonFeed } from './jsonFeed.js';
import { renderRssFeed } from './rssFeed.js';

export function renderFeed(format: FeedFormat, ctx: FeedContext): string {
  if (format === 'json') return renderJsonFeed(ctx);
  return format === 'atom' ? renderAtomFeed(ctx) : renderRssFeed(ctx);
}
