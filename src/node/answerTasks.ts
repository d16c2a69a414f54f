/**
 * The worker thread's side of `workerPool`: each task is answered with its result, or with the
 * failure `failed` makes of what it threw.
 *
 * `oneAtATime`: a task is begun only once the one before it is answered. Without it a task that
 * awaits (a page's content hash) lets the next queued task's synchronous work (the next page's
 * parse) run first, so with eight pages handed ahead the first answer came only after all eight
 * were parsed, and the ingesting thread waited for it (bench/RESULTS.md History, session 6).
 */
import { parentPort } from 'node:worker_threads';
import type { WorkerAnswer, WorkerTask } from './workerPool.js';

export function answerTasks<I, O, F>(work: (input: I) => Promise<O>, failed: (error: unknown) => F, options: { oneAtATime?: boolean } = {}): void {
  const answer = async ({ id, input }: WorkerTask<I>): Promise<void> => {
    let reply: WorkerAnswer<O, F>;
    try {
      reply = { id, read: await work(input) };
    } catch (error) {
      reply = { id, failed: failed(error) };
    }
    parentPort!.postMessage(reply);
  };
  let queue: Promise<void> = Promise.resolve();
  parentPort?.on('message', (task: WorkerTask<I>) => {
    if (!options.oneAtATime) {
      void answer(task);
      return;
    }
    // The next task waits for this one either way; a failure to post (an answer that cannot be
    // sent) still stops the thread, as without the queue, so the pool fails the pages it held.
    queue = queue.then(() => answer(task)).catch((error: unknown) => {
      process.nextTick(() => {
        throw error;
      });
    });
  });
}
