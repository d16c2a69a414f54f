/** INGEST_ON_START on Workers: the first request to an empty store fills it before answering, as `npm start` does. */
import { exports } from 'cloudflare:workers';
import { expect, it } from 'vitest';
import { pages } from '../../build/worker-data/pages.js';

it('fills an empty D1 from the bundled pages before answering the first request', async () => {
  const response = await exports.default.fetch('https://caravan.example/healthz');
  expect(response.status).toBe(200);
  const health = (await response.json()) as { lastRun: { status: string; pagesRead: number; inserted: number } | null };
  expect(health.lastRun).toMatchObject({ status: 'ok', pagesRead: Object.keys(pages).length });
  expect(health.lastRun!.inserted).toBeGreaterThan(0);
  const catalog = (await (await exports.default.fetch('https://caravan.example/feeds')).json()) as { feeds: { kind: string; items: number | null }[] };
  expect(catalog.feeds.find((f) => f.kind === 'all')?.items).toBe(health.lastRun!.inserted);
});
