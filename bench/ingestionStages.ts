/**
 * Where ingestion's CPU goes, per item: the bench's loopback feeds (bench/upstreamServer.ts, its
 * own process) fetched once, then every stage of the pipeline run alone over all of them, timed in
 * CPU time of this process (process.cpuUsage), so other load on the machine matters less than for
 * wall time. The store stage is run with 1, 20 and 50 sources per write (fresh SQLite file each).
 *
 *   npx tsx bench/ingestionStages.ts [feeds=1000] [items per feed=10]
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfigData } from '../src/configData.js';
import { dedupe } from '../src/ingest/dedupe.js';
import { normalize } from '../src/ingest/normalize.js';
import { prepareArticle } from '../src/ingest/prepareArticle.js';
import { nodeSha256Hex } from '../src/node/sha256.js';
import { storeSources } from '../src/ingest/storeArticles.js';
import { tagsFor } from '../src/ingest/tagsFor.js';
import { decodeBody } from '../src/ingest/upstream/decodeBody.js';
import { entryArticles } from '../src/ingest/upstream/entryArticles.js';
import { parseFeed } from '../src/ingest/upstream/parseFeed.js';
import { sanitizeContent } from '../src/ingest/upstream/sanitizeContent.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { repoDir } from './benchApp.js';
import { forkTs } from './child.js';
import { outDir } from './generateStore.js';
import { upstreamHosts } from './ingestion.js';

const feeds = Number(process.argv[2] ?? 1000);
const perFeed = Number(process.argv[3] ?? 10);
const upstream = forkTs('upstreamServer.ts', [String(feeds), String(perFeed), String(upstreamHosts)]);
const { ports } = (await upstream.ready) as { ports: number[] };
const read = (name: string) => JSON.parse(readFileSync(join(repoDir, 'config', name), 'utf8'));
const urls = Array.from({ length: feeds }, (_, n) => `http://127.0.0.1:${ports[n % ports.length]}/feeds/${n}`);
const data = loadConfigData({
  'topics.json': read('topics.json'), 'regions.json': read('regions.json'), 'feeds.json': read('feeds.json'),
  'sources.json': { pages: { enabled: false }, upstream: urls.map((url) => ({ url, allowPrivate: true })) },
});
const rows: [string, number][] = [];
async function stage<T>(name: string, run: () => Promise<T> | T): Promise<T> {
  const before = process.cpuUsage();
  const result = await run();
  const used = process.cpuUsage(before);
  rows.push([name, (used.user + used.system) / 1000]);
  return result;
}

try {
  const bodies: Uint8Array<ArrayBuffer>[] = new Array(feeds);
  await stage('fetch (8 at once, undici fetch)', async () => {
    let next = 0;
    await Promise.all(Array.from({ length: 8 }, async () => {
      while (next < feeds) {
        const i = next++;
        bodies[i] = new Uint8Array(await (await fetch(urls[i])).arrayBuffer());
      }
    }));
  });
  await stage('SHA-256 of each body (Web Crypto)', async () => {
    for (const body of bodies) await crypto.subtle.digest('SHA-256', body);
  });
  const texts = await stage('decode', () => bodies.map((b) => decodeBody(b, 'application/xml').text));
  const parsed = await stage('parse (rss-parser / xml2js, JSON)', () => Promise.all(texts.map((t) => parseFeed(t))));
  const now = new Date();
  await stage('sanitize-html alone (part of the next line)', () => {
    for (const feed of parsed) for (const e of feed.entries) if (e.html) sanitizeContent(e.html, 'https://outlet.example/');
  });
  const articles = await stage('entries to articles (sanitize, paragraphs, links, dates)', () =>
    parsed.map((feed, i) => entryArticles(feed.entries, { source: data.sources.upstream[i], feed, feedUrl: urls[i], now }).articles));
  const at = now.toISOString();
  const normalized = await stage('normalize (clean text, summary, id hash)', () => Promise.all(articles.map((list) => Promise.all(list.map((a) => normalize(a, at))))));
  await stage('dedupe (against nothing stored)', () => normalized.forEach((list) => dedupe(list, [], at)));
  await stage('classify (tagsFor)', () => {
    for (const list of normalized) for (const n of list) tagsFor(n.item.title, n.item.contentText.split('\n\n'), data.taxonomy, {});
  });
  {
    // The write alone (rows, statements, search terms, SQLite), 20 sources per write: the
    // normalized items tagged beforehand, as storeSources hands them to the store.
    const path = join(outDir, 'ingest-stages-write.db');
    for (const p of [path, `${path}-wal`, `${path}-shm`]) rmSync(p, { force: true });
    const store = await openSqliteStore(path);
    const groups = normalized.map((list) => list.map((n) => {
      const tags = tagsFor(n.item.title, n.item.contentText.split('\n\n'), data.taxonomy, {});
      return { item: { ...n.item, topics: tags.topics, regions: tags.regions }, titleKey: n.titleKey };
    }));
    await stage('store write alone (upsertItemGroups), 20 sources per write', async () => {
      for (let i = 0; i < groups.length; i += 20) await store.upsertItemGroups(groups.slice(i, i + 20));
    });
    await store.close();
  }
  // As the Node door does it: each article prepared (normalize with node:crypto ids, its text's
  // tags) in the feed reader thread, and the ingesting thread only matching, merging and writing.
  const prepared = await stage('prepare (normalize + tags of its text, as the feed reader thread does)', async () => {
    for (const list of articles) for (const a of list) a.prepared = await prepareArticle(a, at, { taxonomy: data.taxonomy, hashHex: nodeSha256Hex });
    return articles;
  });
  {
    const path = join(outDir, 'ingest-stages-prepared.db');
    for (const p of [path, `${path}-wal`, `${path}-shm`]) rmSync(p, { force: true });
    const store = await openSqliteStore(path);
    await stage('store prepared articles: match + dedupe + hints + write, 20 sources per write', async () => {
      for (let i = 0; i < prepared.length; i += 20) await storeSources(prepared.slice(i, i + 20), { store, taxonomy: data.taxonomy, now: () => now }, new Map());
    });
    await store.close();
  }
  for (const list of articles) for (const a of list) delete a.prepared;
  for (const perWrite of [1, 20, 50]) {
    const path = join(outDir, `ingest-stages-${perWrite}.db`);
    for (const p of [path, `${path}-wal`, `${path}-shm`]) rmSync(p, { force: true });
    const store = await openSqliteStore(path);
    await stage(`store: normalize + match + dedupe + classify + write, ${perWrite} source(s) per write`, async () => {
      for (let i = 0; i < articles.length; i += perWrite) await storeSources(articles.slice(i, i + perWrite), { store, taxonomy: data.taxonomy, now: () => now }, new Map());
    });
    await store.close();
  }
  const items = articles.reduce((n, list) => n + list.length, 0);
  console.log(`${feeds} feeds, ${items} items; CPU time of this process per stage (load average ${(await import('node:os')).loadavg()[0].toFixed(1)})`);
  for (const [name, ms] of rows) console.log(`${name.padEnd(84)} ${ms.toFixed(0).padStart(6)} ms ${((1000 * ms) / items).toFixed(0).padStart(5)} µs/item`);
} finally {
  await upstream.stop();
}
