/**
 * Node and Workers serve the same feeds: `npm start`'s server and `npm run dev:worker`'s
 * `wrangler dev` (local D1, on loopback), each after ingesting the same pages (Node at start-up,
 * the Worker through its Cron Trigger handler via /__scheduled), answer every feed of the catalog
 * with the same items in the same order.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/startServer.js';

interface CatalogEntry {
  kind: string;
  slug: string;
  items: number | null;
  urls: Record<'rss' | 'atom' | 'json', string>;
}
interface JsonFeed {
  title: string;
  items: { id: string; url?: string; title?: string; date_published?: string; tags?: string[]; content_text?: string }[];
}

const root = join(import.meta.dirname, '..', '..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface RunningWorker {
  url: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** `npm run dev:worker` on a free loopback port, with a throwaway local D1. */
async function startWorker(): Promise<RunningWorker> {
  const [port, inspector] = [await freePort(), await freePort()];
  const state = mkdtempSync(join(tmpdir(), 'caravan-wrangler-'));
  const child: ChildProcess = spawn(
    process.execPath,
    ['scripts/worker-dev.mjs', '--port', String(port), '--inspector-port', String(inspector), '--persist-to', state,
      // The Cron Trigger's handler does the ingesting here, not the first request.
      '--var', 'INGEST_ON_START:false', '--var', 'LOG_LEVEL:info'],
    {
      cwd: root,
      // Its own process group, so stopping it stops wrangler and workerd too.
      detached: true,
      env: { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const stop = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        rmSync(state, { recursive: true, force: true });
        resolve();
      };
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', done);
      process.kill(-child.pid!, 'SIGTERM');
    });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`wrangler dev did not start:\n${output}`)), 90_000);
    const check = () => {
      if (output.includes(`Ready on http://127.0.0.1:${port}`)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    child.stderr!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`wrangler dev exited with ${code}:\n${output}`));
    });
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { url: `http://127.0.0.1:${port}`, output: () => output, stop };
}

/** A feed's items, with the server's own origin (in links to /items/<id>) taken out. */
const itemsOf = async (origin: string, path: string) => {
  const response = await fetch(`${origin}${path}`);
  expect(response.status, path).toBe(200);
  const feed = (await response.json()) as JsonFeed;
  return feed.items.map((i) => ({
    id: i.id, url: i.url?.replace(origin, ''), title: i.title, published: i.date_published, tags: i.tags, text: i.content_text,
  }));
};

describe('npm start and npm run dev:worker serve the same feeds', () => {
  let node: RunningServer;
  let worker: RunningWorker;
  beforeAll(async () => {
    // Vitest puts Vite's BASE_URL ("/") into process.env; the server must not take it for its own.
    [node, worker] = await Promise.all([startServer({ BASE_URL: '' }), startWorker()]);
    // The Cron Trigger, by hand (wrangler dev --test-scheduled).
    const scheduled = await fetch(`${worker.url}/__scheduled?cron=${encodeURIComponent('*/15 * * * *')}`);
    expect(scheduled.status, worker.output()).toBe(200);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([worker?.stop(), node?.stop()]);
  });

  it('both ingested the same pages', async () => {
    const [a, b] = await Promise.all([node.url, worker.url].map(async (u) => (await (await fetch(`${u}/healthz`)).json()) as {
      lastRun: { status: string; pagesRead: number; inserted: number };
    }));
    expect(b.lastRun, worker.output()).toMatchObject({ status: 'ok', pagesRead: a.lastRun.pagesRead, inserted: a.lastRun.inserted });
    expect(worker.output()).toMatch(/ingest: finished status=ok pages=\d+/);
  });

  it('lists the same catalog with the same counts', async () => {
    const [a, b] = await Promise.all([node.url, worker.url].map(async (u) => (await (await fetch(`${u}/feeds`)).json()) as { feeds: CatalogEntry[] }));
    const strip = (feeds: CatalogEntry[]) => feeds.map((f) => ({ kind: f.kind, slug: f.slug, items: f.items }));
    expect(strip(b.feeds)).toEqual(strip(a.feeds));
    expect(a.feeds.length).toBeGreaterThan(20);
  });

  it('returns the same items in the same order for every feed of the catalog', async () => {
    const catalog = (await (await fetch(`${node.url}/feeds`)).json()) as { feeds: CatalogEntry[] };
    let compared = 0;
    for (const feed of catalog.feeds) {
      const path = new URL(feed.urls.json).pathname;
      const [a, b] = await Promise.all([itemsOf(node.url, `${path}?limit=100`), itemsOf(worker.url, `${path}?limit=100`)]);
      expect(b, path).toEqual(a);
      if (feed.items !== null) expect(a.length, path).toBe(Math.min(100, feed.items));
      compared += a.length;
    }
    expect(compared).toBeGreaterThan(0);
  });

  it('serves /regions/kazakhstan.atom with the same entries', async () => {
    const entries = async (u: string) => {
      const body = await (await fetch(`${u}/regions/kazakhstan.atom`)).text();
      return body.split('<entry').slice(1).map((entry) => /<id>([^<]*)<\/id>/.exec(entry)?.[1]);
    };
    const [a, b] = await Promise.all([entries(node.url), entries(worker.url)]);
    expect(a.length).toBeGreaterThan(0);
    expect(b).toEqual(a);
  });
});
