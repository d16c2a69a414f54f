/**
 * HTML pages as a user drops them: the real server (`npm start`'s command) with FEEDS_DIR holding
 * saved web pages serves their articles, and /healthz says which pages were not articles and why.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/startServer.js';

const feeds = mkdtempSync(join(tmpdir(), 'caravan-html-e2e-'));
cpSync(new URL('../fixtures/html/', import.meta.url), feeds, { recursive: true });
let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ FEEDS_DIR: feeds, INGEST_ON_START: 'true' });
}, 90_000);
afterAll(async () => {
  await server?.stop();
  rmSync(feeds, { recursive: true, force: true });
});

describe('the server with HTML pages in FEEDS_DIR', () => {
  it('serves their articles and reports the pages that are not articles', async () => {
    const health = await (await fetch(`${server.url}/healthz`)).json();
    const bySource = new Map(health.lastRun.sources.map((s: { source: string }) => [s.source, s]));
    expect(bySource.get('page:login-wall.html')).toMatchObject({ status: 'empty', error: expect.stringMatching(/not an article: looks like a login wall/) });
    expect(bySource.get('page:news-jsonld.html')).toMatchObject({ status: 'ok', items: 1 });
    const { items } = await (await fetch(`${server.url}/items?q=observatory`)).json();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ title: 'Mountain observatory reopens after the winter', url: 'https://highland-notes.example/2024/observatory-reopens' });
    const rss = await (await fetch(`${server.url}/feed.rss`)).text();
    expect(rss).toContain('Тенге укрепился к концу недели');
    expect(rss).not.toMatch(/<script|onerror=|javascript:/i);
  });
});
