import type { CuratedFeed } from '../catalog/curatedFeeds.js';
import type { Item } from '../item.js';
import type { Log } from '../log.js';

const formats = ['rss', 'atom', 'json'] as const;
/** URLs per publish request: hubs accept several `hub.url`, but not unboundedly many. */
const urlsPerPing = 50;

/** Words of a curated feed's `q` all appear (as word prefixes) in the item: what FTS would match. */
function matchesQuery(item: Item, q: string): boolean {
  const words = new Set((`${item.title} ${item.contentText}`.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []));
  return (q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).every((w) => [...words].some((x) => x.startsWith(w)));
}

/**
 * Every feed URL (on the public origin, all formats, no query) whose content the changed items
 * touch: these are exactly the self links the feeds advertise, which is what a hub is told.
 */
export function changedFeedUrls(items: Item[], curated: CuratedFeed[], baseUrl: string): string[] {
  const paths = new Set<string>();
  for (const item of items) {
    paths.add('/feed');
    for (const t of item.topics) paths.add(`/topics/${t}`);
    for (const r of item.regions) {
      paths.add(`/regions/${r}`);
      for (const t of item.topics) paths.add(`/regions/${r}/topics/${t}`);
    }
    for (const feed of curated) {
      const topicOk = feed.topics.length === 0 || feed.topics.some((t) => item.topics.includes(t));
      const regionOk = feed.regions.length === 0 || feed.regions.some((r) => item.regions.includes(r));
      if (topicOk && regionOk && (!feed.q || matchesQuery(item, feed.q))) paths.add(`/feeds/${feed.slug}`);
    }
  }
  return [...paths].sort().flatMap((path) => formats.map((f) => `${baseUrl}${path}.${f}`));
}

/** WebSub publish: tell the hub which feeds changed (form-encoded POST, several hub.url each). */
export async function pingHub(hub: string, urls: string[], fetchImpl: typeof fetch, log: Log): Promise<void> {
  for (let start = 0; start < urls.length; start += urlsPerPing) {
    const body = new URLSearchParams([['hub.mode', 'publish'], ...urls.slice(start, start + urlsPerPing).map((u) => ['hub.url', u])]);
    try {
      const response = await fetchImpl(hub, { method: 'POST', body, signal: AbortSignal.timeout(15_000) });
      if (!response.ok) log.warn('websub: hub refused the ping', { hub, status: response.status });
      else log.info('websub: hub pinged', { hub, feeds: Math.min(urlsPerPing, urls.length - start) });
    } catch (error) {
      log.warn('websub: ping failed', { hub, error: error instanceof Error ? error.message : String(error) });
    }
  }
}
