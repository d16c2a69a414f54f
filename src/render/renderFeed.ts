import { renderAtomFeed } from './atomFeed.js';
import type { FeedContext } from './feedContext.js';
import { renderBytesFromFragments, renderFromFragments, type FeedFragments } from './feedFragments.js';
import type { FeedFormat } from './formats.js';
import { renderJsonFeed } from './jsonFeed.js';
import { renderRssFeed } from './rssFeed.js';

const renderers: Record<FeedFormat, (ctx: FeedContext) => string> = { atom: renderAtomFeed, rss: renderRssFeed, json: renderJsonFeed };

/** The feed document; with `fragments`, joined from the parts already rendered (the same bytes, see feedFragments.ts). */
export function renderFeed(format: FeedFormat, ctx: FeedContext, fragments?: FeedFragments): string {
  const render = renderers[format];
  return fragments ? renderFromFragments(format, ctx, render, fragments) : render(ctx);
}

/** The feed document as UTF-8 bytes (what is sent); with `fragments`, copied from the parts' bytes. */
export function renderFeedBytes(format: FeedFormat, ctx: FeedContext, fragments?: FeedFragments): Uint8Array<ArrayBuffer> {
  const render = renderers[format];
  return fragments ? renderBytesFromFragments(format, ctx, render, fragments) : new TextEncoder().encode(render(ctx));
}
