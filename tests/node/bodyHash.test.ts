import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeSha256 } from '../../src/node/sha256.js';
import { startFixtureServer, type FixtureServer } from '../fixtures/upstream/server.js';
import { run, source } from '../ingest/upstream/helpers.js';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server.close();
});

describe('feed body hashes on Node (node:crypto, as the door ingests)', () => {
  it('are the Web Crypto hashes: same content hashes, and an unchanged body is still seen as unchanged', async () => {
    const sources = ['rss2.xml', 'atom1.xml', 'feed.json', 'cp1251.xml', 'gen/30'].map((p) => source(`${server.origin}/${p}`));
    const web = await run(sources, { port: server.port });
    const node = await run(sources, { port: server.port, sha256: nodeSha256 });
    const hashes = (r: typeof web) => r.results.map((x) => x.state.contentHash);
    expect(hashes(node)).toEqual(hashes(web));
    expect(hashes(node).every((h) => /^[0-9a-f]{64}$/.test(h ?? ''))).toBe(true);
    // A second run with the Web Crypto states: nothing re-read (same hash, no validators on these fixtures or a 304).
    const later = new Date(Date.parse('2024-06-01T12:00:00.000Z') + 3 * 3_600_000);
    const again = await run(sources, { port: server.port, sha256: nodeSha256, at: later, states: new Map(web.results.map((r) => [r.source.url, r.state])) });
    expect(again.results.map((r) => r.articles.length)).toEqual(sources.map(() => 0));
    expect(again.results.map((r) => r.outcome.status)).toEqual(sources.map(() => 'unchanged'));
  });
});
