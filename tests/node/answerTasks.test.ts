/**
 * A worker's tasks answered one at a time (`answerTasks` with `oneAtATime`, as the page parser's
 * worker runs): a task that awaits does not let the next queued task start before it is answered.
 */
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';

const source = new URL('../helpers/orderedTasksWorker.ts', import.meta.url);

async function answersOf(oneAtATime: boolean, tasks: number): Promise<string[][]> {
  const worker = new Worker(
    `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source.href)}); });`,
    { eval: true, workerData: { oneAtATime } },
  );
  try {
    const answers = new Promise<string[][]>((resolve, reject) => {
      const got = new Map<number, string[]>();
      worker.on('error', reject);
      worker.on('message', ({ id, read }: { id: number; read: string[] }) => {
        got.set(id, read);
        if (got.size === tasks) resolve([...got.keys()].sort((a, b) => a - b).map((k) => got.get(k)!));
      });
    });
    for (let n = 1; n <= tasks; n++) worker.postMessage({ id: n, input: n });
    return await answers;
  } finally {
    await worker.terminate();
  }
}

describe('answerTasks', () => {
  it('one at a time: each task starts after the one before it was answered, and is answered before the next starts', async () => {
    const answers = await answersOf(true, 3);
    expect(answers[0]).toEqual(['start 1', 'end 1']);
    expect(answers[1]).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
    expect(answers[2]).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
  });
});
