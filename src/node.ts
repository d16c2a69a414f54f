/**
 * The Node door: `node dist/node.js <command>` (compiled from this file by `npm install`).
 * Environment → config, the SQLite or PostgreSQL store, the same `createApp` and `runIngestion` as Workers,
 * served by @hono/node-server and scheduled by node-cron. The Node-only pieces are in src/node/;
 * the commands are listed in src/node/cli.ts.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCommand } from './node/cli.js';

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  runCommand(process.argv.slice(2), process.env).then(
    (code) => {
      if (code !== null) process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`caravan: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
