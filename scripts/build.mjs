#!/usr/bin/env node
/**
 * Compiles the Node door once, at `npm install` (postinstall) and before the tests: src/node.ts and
 * everything it imports → dist/node.js (an ES module, plus chunks beside it for what it imports on
 * demand; packages in node_modules stay imports),
 * plus the SQL migrations beside it (dist/migrations/ and dist/migrations/postgres/, where
 * src/store/sqlite.ts and src/store/postgres.ts look for them).
 * `npm start` then runs `node dist/node.js serve`: no TypeScript compiler at run time.
 * Type checking is `npm run typecheck`; esbuild only strips the types.
 * Usage: node scripts/build.mjs
 */
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * Bundled: what `serve` loads at start-up (and its dependencies), and stopword, of whose 62
 * languages' lists the page parser uses 19 (its ES module build, tree-shaken: ~15 ms to load in
 * each thread that parses pages instead of ~70 ms for the whole package). Every other package
 * stays external.
 */
const bundledPackages = ['hono', '@hono/node-server', 'node-cron', 'feed', 'xml-js', 'sax', 'jsonc-parser', 'stopword'];

function externalExcept(names) {
  const bundled = (path) => names.some((name) => path === name || path.startsWith(`${name}/`));
  return {
    name: 'external-except',
    setup(b) {
      b.onResolve({ filter: /^[^./]|^\.[^./]|^\.\.[^/]/ }, (args) => {
        if (args.path.startsWith('node:') || args.kind === 'entry-point') return undefined;
        if (/^[./]/.test(args.path)) return undefined;
        return bundled(args.path) ? undefined : { path: args.path, external: true };
      });
    },
  };
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const migrations = join(root, 'src', 'store', 'migrations');

rmSync(dist, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  // The worker threads of the feed reader (src/node/feedReaderPool.ts starts dist/feed-reader-worker.js)
  // and of the page parser (src/node/pageParserPool.ts, dist/page-parser-worker.js).
  entryPoints: { node: 'src/node.ts', 'feed-reader-worker': 'src/node/feedReaderWorker.ts', 'page-parser-worker': 'src/node/pageParserWorker.ts' },
  outdir: 'dist',
  // What the door imports on demand (the ingestion pipeline, the page report) goes into chunks
  // beside node.js, loaded on first use: start-up loads only what serving needs.
  splitting: true,
  chunkNames: '[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Packages stay imports from node_modules, except those every `serve` start-up loads: bundled
  // into dist/ they are read as one file instead of Node resolving and loading each of their
  // modules (hono alone is dozens; about 100 ms of a start-up, bench/RESULTS.md History).
  plugins: [externalExcept(bundledPackages)],
  // A package's ES module build where it has one (jsonc-parser's CommonJS build requires its files by computed names).
  mainFields: ['module', 'main'],
  // CommonJS packages bundled into an ES module ask for `require` (node-cron, feed's xml-js and sax).
  banner: { js: "import { createRequire as __caravanCreateRequire } from 'node:module'; const require = __caravanCreateRequire(import.meta.url);" },
  sourcemap: 'linked',
  logLevel: 'warning',
});
// SQLite/D1 migrations, and PostgreSQL's in postgres/ (where src/store/postgres.ts looks for them).
for (const sub of ['', 'postgres']) {
  mkdirSync(join(dist, 'migrations', sub), { recursive: true });
  for (const name of readdirSync(join(migrations, sub)).filter((n) => /^\d{4}_.+\.sql$/.test(n))) {
    cpSync(join(migrations, sub, name), join(dist, 'migrations', sub, name));
  }
}
console.log('built dist/node.js');
