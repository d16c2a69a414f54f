/**
 * The serving reference: a bare Hono app on @hono/node-server, nothing of Caravan in it (plain
 * JavaScript, run by plain `node`, importing only hono, @hono/node-server and node:fs). It serves
 * one path with the bytes and headers it is given: a 200 with the body, or a 304 with the 304's
 * headers when If-None-Match names the ETag, the least any conditional server does.
 *
 *   node bench/reference/bareHono.mjs <spec.json>
 *   spec: { path, etag, body (base64), headers200, headers304 }
 *   prints one line of JSON, { "port": N }, once it listens on 127.0.0.1 (an ephemeral port)
 */
import { readFileSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const body = new Uint8Array(Buffer.from(spec.body, 'base64'));
const { etag, headers200, headers304 } = spec;

const app = new Hono();
app.get(spec.path, (c) =>
  c.req.header('if-none-match') === etag
    ? new Response(null, { status: 304, headers: headers304 })
    : new Response(body, { status: 200, headers: headers200 }),
);

const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => {
  process.stdout.write(`${JSON.stringify({ port: info.port })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
