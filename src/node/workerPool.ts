/**
 * Worker threads for work the Node door hands off (feed bodies, local pages): tasks go to the
 * workers in turn. A worker starts on its first task (or at `start()`), is left unreferenced while it
 * holds none, so it never keeps a finished process alive, and ends after `idleMs` without one (its
 * heap goes back). A worker that dies fails the tasks it held (`stopped`) and is replaced on the next.
 * The worker's side is `answerTasks`.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

export interface WorkerTask<I> {
  id: number;
  input: I;
}

export type WorkerAnswer<O, F> = { id: number; read: O } | { id: number; failed: F };

export interface WorkerPoolOptions<I, F> {
  size: number;
  /** The compiled worker (dist/); when it is absent, `source` runs through tsx's loader (benchmarks and tests run the TypeScript; tsx is a dev dependency). */
  compiled: URL;
  source: URL;
  /** Buffers of the input that are not used here again: moved to the worker, not copied. */
  transfer(input: I): ArrayBuffer[];
  /** The error a task's failure answer rejects with. */
  failure(failed: F): Error;
  /** The error the tasks of a worker that stopped reject with. */
  stopped(reason: string): Error;
  idleMs?: number;
  /** Given to every worker at its start (`workerData`). */
  workerData?: unknown;
}

export interface WorkerPool<I, O> {
  run(input: I): Promise<O>;
  /** Start every worker now (work is about to come): their start-up overlaps the caller's own. */
  start(): void;
  close(): Promise<void>;
}

/** Every core but one (kept for the ingesting thread): one worker on a 2-core machine, at most 4. */
export const defaultPoolSize = () => Math.max(1, Math.min(4, availableParallelism() - 1));

/** A view's buffer, when the view is all of it (a view into a larger buffer is copied instead). */
export function wholeBuffer(view: Uint8Array): ArrayBuffer[] {
  const whole = view.byteOffset === 0 && view.byteLength === view.buffer.byteLength && view.buffer instanceof ArrayBuffer;
  return whole ? [view.buffer as ArrayBuffer] : [];
}

interface Slot<O> {
  worker: Worker;
  pending: Map<number, { resolve: (read: O) => void; reject: (error: Error) => void }>;
  idle: ReturnType<typeof setTimeout> | null;
}

function startWorker(compiled: URL, source: URL, workerData: unknown): Worker {
  if (existsSync(fileURLToPath(compiled))) return new Worker(compiled, { workerData });
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source.href)}); });`, { eval: true, workerData });
}

export function workerPool<I, O, F>(options: WorkerPoolOptions<I, F>): WorkerPool<I, O> {
  const { size, idleMs = 30_000 } = options;
  const slots: (Slot<O> | null)[] = Array.from({ length: size }, () => null);
  let nextId = 0;
  let turn = 0;

  const idleEnd = (index: number, slot: Slot<O>) => {
    slot.idle = setTimeout(() => {
      if (slots[index] === slot) slots[index] = null;
      void slot.worker.terminate();
    }, idleMs);
    slot.idle.unref();
  };

  function start(index: number): Slot<O> {
    const worker = startWorker(options.compiled, options.source, options.workerData);
    const slot: Slot<O> = { worker, pending: new Map(), idle: null };
    worker.on('message', (answer: WorkerAnswer<O, F>) => {
      const task = slot.pending.get(answer.id);
      if (!task) return;
      slot.pending.delete(answer.id);
      if (slot.pending.size === 0) {
        worker.unref();
        idleEnd(index, slot);
      }
      if ('read' in answer) task.resolve(answer.read);
      else task.reject(options.failure(answer.failed));
    });
    const fail = (error: Error) => {
      if (slots[index] === slot) slots[index] = null;
      if (slot.idle) clearTimeout(slot.idle);
      for (const task of slot.pending.values()) task.reject(options.stopped(error.message));
      slot.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`exit code ${code}`)));
    // After the listeners: adding a 'message' listener refs the worker again.
    worker.unref();
    idleEnd(index, slot);
    return slot;
  }

  return {
    run(input: I): Promise<O> {
      const index = turn++ % size;
      const slot = slots[index] ?? (slots[index] = start(index));
      const id = nextId++;
      if (slot.idle) clearTimeout(slot.idle);
      slot.idle = null;
      return new Promise<O>((resolve, reject) => {
        slot.pending.set(id, { resolve, reject });
        slot.worker.ref();
        slot.worker.postMessage({ id, input } satisfies WorkerTask<I>, options.transfer(input));
      });
    },
    start() {
      slots.forEach((slot, i) => slot ?? (slots[i] = start(i)));
    },
    async close() {
      await Promise.all(slots.map((slot, i) => {
        slots[i] = null;
        return slot?.worker.terminate();
      }));
    },
  };
}
