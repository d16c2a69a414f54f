/**
 * A worker thread for tests/node/answerTasks.test.ts: each task logs when its work starts and
 * ends (it awaits a timer in between) and answers with the log so far.
 */
import { workerData } from 'node:worker_threads';
import { answerTasks } from '../../src/node/answerTasks.js';

const log: string[] = [];
answerTasks(async (n: number) => {
  log.push(`start ${n}`);
  await new Promise((resolve) => setTimeout(resolve, 20));
  log.push(`end ${n}`);
  return [...log];
}, () => 'failed', { oneAtATime: (workerData as { oneAtATime: boolean }).oneAtATime });
