/**
 * The worker thread's side of `workerPool`: each task is answered with its result, or with the
 * failure `failed` makes of what it threw.
 */
import { parentPort } from 'node:worker_threads';
import type { WorkerAnswer, WorkerTask } from './workerPool.js';

export function answerTasks<I, O, F>(work: (input: I) => Promise<O>, failed: (error: unknown) => F): void {
  parentPort?.on('message', async ({ id, input }: WorkerTask<I>) => {
    let answer: WorkerAnswer<O, F>;
    try {
      answer = { id, read: await work(input) };
    } catch (error) {
      answer = { id, failed: failed(error) };
    }
    parentPort!.postMessage(answer);
  });
}
