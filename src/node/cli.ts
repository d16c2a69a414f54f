/**
 * The Node door's commands (`node dist/node.js <command>`; npm scripts of the same names):
 *
 *   serve    (npm start)       serve feeds, ingest at start-up and on INGEST_CRON
 *   ingest   (npm run ingest)  one ingestion run, print a summary, exit
 *   report   (npm run report)  print what each local page yields, store nothing
 *   sources import F | list | export   (npm run sources -- …) upstream sources from / to OPML
 *   healthcheck [--url U]      (npm run healthcheck) exit 0 if the running server is ok or degraded, else 1
 */
import { resolve } from 'node:path';
import { parseConfig, type Env } from '../config.js';
import { formatRunSummary } from '../ingest/runSummary.js';
import { folderPages } from './folderPages.js';
import { healthcheck, healthUrl } from './healthcheck.js';
import { loadNodeConfigData, openNodeRuntime } from './runtime.js';
import { onStopSignals } from './stopSignals.js';

export const commands = ['serve', 'ingest', 'report', 'healthcheck', 'sources'] as const;

async function ingestOnce(env: Env): Promise<number> {
  const runtime = await openNodeRuntime(env, {}, { ingestNow: true });
  // SIGTERM / SIGINT: the write in progress finishes, the rest is left for the next run, exit 0.
  onStopSignals((signal) => {
    runtime.log.info('ingest: stopping', { signal });
    runtime.stop(signal);
  });
  const run = await runtime.ingest();
  console.log(run ? formatRunSummary(run) : 'Skipped: another ingestion is running (see the log line "ingest: lease held"); nothing done.');
  await runtime.store.close();
  // Skipped (another run is doing the work) and interrupted (a clean stop) are not failures.
  return run === null || run.status !== 'failed' ? 0 : 1;
}

async function report(env: Env): Promise<number> {
  const config = parseConfig(env);
  const data = loadNodeConfigData(config);
  const { reportPages } = await import('../ingest/reportPages.js');
  console.log(await reportPages(folderPages(resolve(config.feedsDir), config.feedsDir), data.taxonomy, { maxBytes: config.pageMaxBytes }));
  return 0;
}

/**
 * Run one command. Resolves to the exit code for commands that finish; `serve` resolves once the
 * server listens and keeps the process alive. A problem throws a one-line message.
 */
export async function runCommand(argv: string[], env: Env): Promise<number | null> {
  const [command = 'serve'] = argv;
  if (command === 'serve') {
    // Loaded here: the other commands do without the HTTP stack (hono, the app, its renderers).
    const { startServer } = await import('./serve.js');
    await startServer(env);
    return null;
  }
  if (command === 'ingest') return ingestOnce(env);
  if (command === 'report') return report(env);
  if (command === 'sources') {
    // `npm run sources -- import x.opml` runs in the Caravan folder; x.opml is where the user was (INIT_CWD, set by npm).
    const [sub, file, ...rest] = argv.slice(1);
    const args = sub === 'import' && file ? [sub, resolve(env.INIT_CWD ?? '.', file), ...rest] : argv.slice(1);
    // Loaded here, not at start-up: its OPML parser brings linkedom (and its CSS parser), which
    // `serve` does not need (a tenth of a second of start-up, bench/RESULTS.md).
    const { sourcesCommand } = await import('./sourcesCommand.js');
    return sourcesCommand(args, parseConfig(env), (line) => console.log(line));
  }
  if (command === 'healthcheck') {
    const flag = argv.indexOf('--url');
    const url = flag > 0 && argv[flag + 1] ? argv[flag + 1] : healthUrl(parseConfig(env));
    const result = await healthcheck(url);
    console.log(result.line);
    return result.code;
  }
  throw new Error(`unknown command "${command}"; use ${commands.join(', ')}`);
}
