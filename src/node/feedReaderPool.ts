/**
 * Feed bodies read in worker threads (Node door): decoding, parsing and sanitizing take about as
 * much CPU as storing (bench/RESULTS.md), so the ingesting thread fetches and writes while a
 * worker reads. Workers start on the first body and are left unreferenced while none is being
 * read, so they never keep a finished process alive. A worker that dies fails the bodies it held
 * (each its own source, `parse: ...`) and is replaced on the next body.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FeedBody, FeedReader, ReadFeed } from '../ingest/upstream/readFeed.js';
import { UpstreamError } from '../ingest/upstream/upstreamError.js';
import type { FeedAnswer } from './feedReaderWorker.js';

/**
 * A worker on the compiled module beside this one (dist/), else on the source through tsx's loader
 * (benchmarks and tests run the TypeScript; tsx is a dev dependency).
 */
function startWorker(compiled = new URL('./feed-reader-worker.js', import.meta.url)): Worker {
  if (existsSync(fileURLToPath(compiled))) return new Worker(compiled);
  const source = new URL('./feedReaderWorker.ts', import.meta.url).href;
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`, { eval: true });
}

interface Slot {
  worker: Worker;
  pending: Map<number, { resolve: (read: ReadFeed) => void; reject: (error: Error) => void }>;
  idle: ReturnType<typeof setTimeout> | null;
}

/** A worker with nothing to read for this long ends (its heap goes back); the next body starts one. */
const idleMs = 30_000;

/**
 * Workers: one core is left to the ingesting thread (one worker on a 2-core machine).
 * `workerModule`: the compiled worker to run (the bench gives dist/'s, as the door runs it); by
 * default the one beside this module.
 */
export function feedReaderPool(
  size = Math.max(1, Math.min(4, availableParallelism() - 1)),
  workerModule?: URL,
): FeedReader & { close(): Promise<void> } {
  const slots: (Slot | null)[] = Array.from({ length: size }, () => null);
  let nextId = 0;
  let turn = 0;

  function start(index: number): Slot {
    const worker = startWorker(workerModule);
    const slot: Slot = { worker, pending: new Map(), idle: null };
    worker.unref();
    worker.on('message', (answer: FeedAnswer) => {
      const task = slot.pending.get(answer.id);
      if (!task) return;
      slot.pending.delete(answer.id);
      if (slot.pending.size === 0) {
        worker.unref();
        slot.idle = setTimeout(() => {
          if (slots[index] === slot) slots[index] = null;
          void worker.terminate();
        }, idleMs);
        slot.idle.unref();
      }
      if ('read' in answer) task.resolve(answer.read);
      else task.reject(new UpstreamError(answer.failed.stage, answer.failed.detail));
    });
    const fail = (error: Error) => {
      if (slots[index] === slot) slots[index] = null;
      if (slot.idle) clearTimeout(slot.idle);
      for (const task of slot.pending.values()) task.reject(new UpstreamError('parse', `feed reader stopped (${error.message})`));
      slot.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`exit code ${code}`)));
    return slot;
  }

  const read = (input: FeedBody): Promise<ReadFeed> => {
    const index = turn++ % size;
    const slot = slots[index] ?? (slots[index] = start(index));
    const id = nextId++;
    if (slot.idle) clearTimeout(slot.idle);
    slot.idle = null;
    // The body is not used here again: moved, not copied (unless it is a view into a larger buffer).
    const { body } = input;
    const whole = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength;
    return new Promise<ReadFeed>((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.ref();
      slot.worker.postMessage({ id, input }, whole ? [body.buffer] : []);
    });
  };
  return Object.assign(read, {
    async close() {
      await Promise.all(slots.map((slot, i) => {
        slots[i] = null;
        return slot?.worker.terminate();
      }));
    },
  });
}
