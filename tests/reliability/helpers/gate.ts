/**
 * A loopback upstream whose feed answers only when the test opens the gate: an ingestion run that
 * fetches it holds its lease for exactly as long as the test wants (no timing guesses).
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './proc.js';

export interface Gate {
  url: string;
  /** Resolves when a request is waiting at the gate. */
  reached: Promise<void>;
  open(): void;
  close(): Promise<void>;
}

const feed = (origin: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Gate</title><link>${origin}/</link>
<item><title>Gate story about the Almaty airport</title><link>${origin}/story/1</link><guid>gate-1</guid>
<description>Officials in Almaty said the airport would reopen after the storm.</description></item></channel></rss>`;

export async function startGate(): Promise<Gate> {
  let opened = false;
  const waiting: http.ServerResponse[] = [];
  let reachedResolve!: () => void;
  const reached = new Promise<void>((resolve) => (reachedResolve = resolve));
  let origin = '';
  const server = http.createServer((req, res) => {
    const send = () => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(feed(origin));
    };
    if (opened) return send();
    waiting.push(res);
    reachedResolve();
    // Never hold longer than the tests do.
    setTimeout(() => !res.writableEnded && send(), 25_000).unref();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/slow.xml`,
    reached,
    open() {
      opened = true;
      for (const res of waiting.splice(0)) {
        if (res.writableEnded) continue;
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end(feed(origin));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A copy of config/ whose sources.json lists these upstream feeds (loopback, so allowPrivate). */
export function configWithUpstream(urls: string[], intervalMinutes = 15): string {
  const dir = mkdtempSync(join(tmpdir(), 'caravan-config-'));
  cpSync(join(root, 'config'), dir, { recursive: true });
  const sources = JSON.parse(readFileSync(join(dir, 'sources.json'), 'utf8'));
  sources.upstream = urls.map((url) => ({ url, allowPrivate: true, intervalMinutes }));
  writeFileSync(join(dir, 'sources.json'), JSON.stringify(sources, null, 2));
  return dir;
}
