import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // dist/ is compiled first: the end-to-end tests start `node dist/node.js serve`, as `npm start` does.
    globalSetup: ['tests/buildDist.ts'],
    exclude: ['tests/workers/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
