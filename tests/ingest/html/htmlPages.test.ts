/**
 * `.html` / `.htm` files under FEEDS_DIR are pages: a folder of them (read as bytes by the Node
 * door) goes through a whole ingestion run; articles become items, the rest is reported.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/app.js';
import { runIngestion } from '../../../src/ingest/run.js';
import { memoryLog } from '../../../src/log.js';
import { folderPages } from '../../../src/node/folderPages.js';
import { openSqliteStore } from '../../../src/store/sqlite.js';
import { realConfigData } from '../../helpers/configData.js';

const data = realConfigData();
const dir = mkdtempSync(join(tmpdir(), 'caravan-html-'));
cpSync(new URL('../../fixtures/html/', import.meta.url), join(dir, 'site'), { recursive: true });
writeFileSync(join(dir, 'site', 'OLD-PAGE.HTM'), '<html><head><title>Old page</title></head><body><p>short</p></body></html>');
writeFileSync(join(dir, 'notes.md'), '# not a page');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const noFetch = (async () => {
  throw new Error('no network in this test');
}) as typeof fetch;

describe('HTML pages in FEEDS_DIR', () => {
  it('lists .html and .htm files (any case) beside .txt, and nothing else', async () => {
    const refs = await folderPages(dir).list();
    expect(refs).toEqual([
      'site/cjk-short-paragraphs.html', 'site/cp1251.html', 'site/home-page.html', 'site/hostile.html', 'site/login-wall.html',
      'site/news-jsonld.html', 'site/not-found.html', 'site/og-only.html', 'site/OLD-PAGE.HTM', 'site/short-paragraphs.html',
    ]);
  });

  it('makes items of the articles, reports every other page as not an article in the run summary and /healthz', async () => {
    const store = await openSqliteStore(':memory:');
    const log = memoryLog();
    const run = await runIngestion({
      store, taxonomy: data.taxonomy, sources: { ...data.sources, upstream: [] }, pages: folderPages(dir), fetch: noFetch,
      now: () => new Date('2024-06-01T12:00:00Z'), log, userAgent: 'test',
    });
    expect(run).toMatchObject({ status: 'ok', pagesRead: 10, inserted: 6 });
    const bySource = new Map(run!.sources.map((s) => [s.source, s]));
    for (const name of ['home-page.html', 'not-found.html', 'login-wall.html', 'OLD-PAGE.HTM']) {
      expect(bySource.get(`page:site/${name}`)).toMatchObject({ status: 'empty', items: 0 });
      expect(bySource.get(`page:site/${name}`)!.error).toMatch(/^parse: no article found \(not an article: /);
    }
    const items = (await store.queryItems({ limit: 10 })).items;
    const ferry = items.find((i) => i.title === 'Caspian ferry line adds night crossings')!;
    expect(ferry).toMatchObject({
      url: 'https://steppe-courier.example/business/2024/03/caspian-ferry-night-crossings?id=77',
      authors: ['Aigerim Sadykova', 'Tom Whitfield'], source: 'Steppe Courier', published: '2024-03-05T03:30:00.000Z',
      origins: [{ kind: 'page', ref: 'site/news-jsonld.html' }],
    });
    expect(ferry.contentText).toContain('two extra crossings every night');
    expect(ferry.contentHtml).toContain('<a href="https://steppe-courier.example/business/2024/02/aktau-port-expansion"');
    // Classification and search read the plain text.
    expect(ferry.regions).toContain('kazakhstan');
    expect((await store.queryItems({ limit: 10, q: 'тенге' })).items.map((i) => i.title)).toEqual(['Тенге укрепился к концу недели']);

    const app = createApp({
      store, taxonomy: data.taxonomy, curated: data.curated, log, now: () => new Date(),
      config: { baseUrl: null, cacheMaxAge: 60, websubHub: null, adminToken: null },
    });
    const health = await (await app.request('http://caravan.test/healthz')).json();
    const notFound = health.lastRun.sources.find((s: { source: string }) => s.source === 'page:site/not-found.html');
    expect(notFound).toMatchObject({ status: 'empty', error: expect.stringMatching(/looks like an error page/) });
    const feed = await (await app.request('http://caravan.test/feed.atom')).text();
    expect(feed).toContain('Council approves the river bridge');
    expect(feed).not.toMatch(/<script|onerror|javascript:/i);
  });

  it('reads an unchanged page the same way again: nothing new, nothing updated', async () => {
    const store = await openSqliteStore(':memory:');
    const deps = {
      store, taxonomy: data.taxonomy, sources: { ...data.sources, upstream: [] }, pages: folderPages(dir), fetch: noFetch,
      now: () => new Date('2024-06-01T12:00:00Z'), log: memoryLog(), userAgent: 'test',
    };
    await runIngestion(deps);
    expect(await runIngestion(deps)).toMatchObject({ inserted: 0, updated: 0, unchanged: 6 });
  });
});
