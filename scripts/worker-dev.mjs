#!/usr/bin/env node
/**
 * `npm run dev:worker`: Caravan's Worker under `wrangler dev`, locally, on loopback, with a local
 * D1 (.wrangler/state unless --persist-to says otherwise).
 *
 *   1. bundle feeds/ and the migrations into build/worker-data/   (scripts/bundle-worker-data.mjs)
 *   2. wrangler d1 migrations apply DB --local                 (no prompt)
 *   3. wrangler dev --local --ip 127.0.0.1 --port 8788 --test-scheduled [your arguments]
 *
 * Port 8788, so it can run next to `npm start` (8787). Other arguments go to `wrangler dev`:
 *   npm run dev:worker -- --port 9000 --persist-to /tmp/caravan-d1
 * The first request fills an empty store (INGEST_ON_START); `curl http://127.0.0.1:8788/__scheduled`
 * runs the Cron Trigger's ingestion by hand.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const wrangler = join(dirname(createRequire(import.meta.url).resolve('wrangler/package.json')), 'bin', 'wrangler.js');
const args = process.argv.slice(2);
const has = (flag) => args.some((a) => a === flag || a.startsWith(`${flag}=`));
const persistAt = args.findIndex((a) => a === '--persist-to' || a.startsWith('--persist-to='));
const persist = persistAt === -1 ? [] : args[persistAt].includes('=') ? [args[persistAt]] : args.slice(persistAt, persistAt + 2);

function step(command, commandArgs, env = {}) {
  const result = spawnSync(process.execPath, [command, ...commandArgs], { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

step(join(root, 'scripts', 'bundle-worker-data.mjs'), []);
// CI=true: apply without asking (the Worker would also apply them on its first request).
step(wrangler, ['d1', 'migrations', 'apply', 'DB', '--local', ...persist], { CI: 'true' });

const devArgs = ['dev', '--local', '--test-scheduled'];
if (!has('--ip')) devArgs.push('--ip', '127.0.0.1');
if (!has('--port')) devArgs.push('--port', '8788');
const child = spawn(process.execPath, [wrangler, ...devArgs, ...args], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
