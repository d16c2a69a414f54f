/**
 * Vitest global setup: compile dist/ (scripts/build.mjs, as `npm install` does) before any test
 * file runs, so the end-to-end tests start the same compiled server `npm start` runs.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export default function setup(): void {
  execFileSync(process.execPath, [join(import.meta.dirname, '..', 'scripts', 'build.mjs')], { stdio: 'inherit' });
}
