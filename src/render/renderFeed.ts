import type { FeedContext } from './feedContext.js';
import type { FeedFormat } from './formats.js';
import { renderJsonFeed } from './jsonFeed.js';
import { renderXmlFeed } from './xmlFeed.js';

export function renderFeed(format: FeedFormat, ctx: FeedContext): string {
  return format === 'json' ? renderJsonFeed(ctx) : renderXmlFeed(format, ctx);
}
