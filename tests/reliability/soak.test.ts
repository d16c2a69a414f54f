/**
 * The soak in quick mode (`bench/soak.ts --quick --no-record`: 12 s of serving load with
 * ingestion of a changing upstream set every 2 s, loopback only): no error of any kind, repeated
 * runs that really store new and updated items, RSS flat, clean exit. `npm run soak` is the long one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, expect, it } from 'vitest';
import { root } from './helpers/proc.js';

let child: ChildProcess | null = null;
// If the test gives up early, soak.ts is told to stop (it then stops its server too).
afterAll(() => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
});

it('serves under load while ingesting a changing upstream set: 0 errors, flat RSS, clean stop', async () => {
  child = spawn(process.execPath, ['--import', 'tsx', 'bench/soak.ts', '--quick', '--no-record'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child!.on('exit', resolve));
  const line = /^SOAK-RESULT (.*)$/m.exec(output);
  expect(line, output).not.toBeNull();
  const result = JSON.parse(line![1]);
  expect(result, output).toMatchObject({ requestErrors: 0, failedRuns: 0, serverErrors: 0, flat: true, exit: 0, ok: true });
  expect(result.total).toBeGreaterThan(1_000);
  expect(result.runs).toBeGreaterThanOrEqual(3);
  expect(result.inserted).toBeGreaterThan(0);
  expect(result.updated).toBeGreaterThan(0);
  expect(code, output).toBe(0);
}, 45_000);
