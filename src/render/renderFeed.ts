import { renderAtomFeed } from './atomFeed.js';
import type { FeedContext } from './feedContext.js';
import { renderFromFragments, type FeedFragments } from './feedFragments.js';
import type { FeedFormat } from './formats.js';
import { renderJsonFeed } from './jsonFeed.js';
import { renderRssFeed } from './rssFeed.js';

const renderers: Record<FeedFormat, (ctx: FeedContext) => string> = { atom: renderAtomFeed, rss: renderRssFeed, json: renderJsonFeed };

/** The feed document; with `fragments`, joined from the parts already rendered (the same bytes, see feedFragments.ts). */
export function renderFeed(format: FeedFormat, ctx: FeedContext, fragments?: FeedFragments): string {
  const render = renderers[format];
  return fragments ? renderFromFragments(format, ctx, render, fragments) : render(ctx);
}
