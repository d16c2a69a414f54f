import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig, type Plugin } from 'vitest/config';

/**
 * The Workers tests (`npm run test:workers`):
 * - project "workerd": inside the Workers runtime (@cloudflare/vitest-pool-workers, wrangler.toml's
 *   bindings with a local D1): the store contract suite on D1, the D1 connector, the Worker's
 *   fetch / scheduled handlers;
 * - project "parity": on Node, `npm start`'s server and `wrangler dev` side by side.
 * build/worker-data/ is brought up to date first (wrangler runs the same script as its build command).
 */
execFileSync(process.execPath, ['scripts/bundle-worker-data.mjs'], { stdio: 'ignore' });

/**
 * postcss (via sanitize-html) does `require('nanoid/non-secure')`; the test runner resolves that
 * to nanoid's ESM file and require() then yields undefined. Its CommonJS file works. (Only the
 * test runner: wrangler's esbuild bundle resolves it correctly.)
 */
const nanoidCommonJs: Plugin = {
  name: 'caravan:nanoid-commonjs',
  enforce: 'pre',
  resolveId(source) {
    return source === 'nanoid/non-secure' ? fileURLToPath(new URL('./node_modules/nanoid/non-secure/index.cjs', import.meta.url)) : null;
  },
};

export default defineConfig({
  // The pool resolves require()s of CommonJS dependencies with the root Vite server's plugins.
  plugins: [nanoidCommonJs],
  test: {
    projects: [
      {
        // The same module aliases as wrangler.toml's [alias]: the suite runs what the bundle runs.
        resolve: { alias: { 'cssomnom/parse': fileURLToPath(new URL('./src/workers/noStyleSheets.ts', import.meta.url)) } },
        plugins: [
          cloudflareTest({
            main: './src/worker.ts',
            wrangler: { configPath: './wrangler.toml' },
            miniflare: { bindings: { LOG_LEVEL: 'warn', ADMIN_TOKEN: 'test-token-0123456789abcdef' } },
          }),
        ],
        test: {
          name: 'workerd',
          include: ['tests/workers/**/*.test.ts'],
          exclude: ['tests/workers/parity.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'parity',
          include: ['tests/workers/parity.test.ts'],
          // The Node side is the compiled server (`npm start`'s dist/node.js).
          globalSetup: ['tests/buildDist.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
