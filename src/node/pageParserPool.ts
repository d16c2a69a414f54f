/**
 * Local pages parsed in worker threads (Node door): parsing is most of a page run's CPU
 * (bench/RESULTS.md), so the ingesting thread reads files and writes items while workers parse
 * the next pages. Workers start on the first page and are left unreferenced while none is being
 * parsed, so they never keep a finished process alive. A worker that dies fails the pages it held
 * (each its own row, `read: page parser stopped (...)`) and is replaced on the next page.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PageParsing } from '../ingest/collectPages.js';
import { PageRefused } from '../ingest/pageText.js';
import type { PageBytes, PageParse } from '../ingest/parsePageBytes.js';
import type { PageAnswer } from './pageParserWorker.js';

/**
 * A worker on the compiled module beside this one (dist/), else on the source through tsx's loader
 * (benchmarks and tests run the TypeScript; tsx is a dev dependency).
 */
function startWorker(): Worker {
  const compiled = new URL('./page-parser-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(compiled))) return new Worker(compiled);
  const source = new URL('./pageParserWorker.ts', import.meta.url).href;
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`, { eval: true });
}

interface Slot {
  worker: Worker;
  pending: Map<number, { resolve: (read: PageParse) => void; reject: (error: Error) => void }>;
  idle: ReturnType<typeof setTimeout> | null;
}

/** A worker with nothing to parse for this long ends (its heap goes back); the next page starts one. */
const idleMs = 30_000;
/** Pages handed to each worker before their turn: enough that none waits for the next while results are stored. */
const aheadPerWorker = 8;

/** Every core but one (kept for reading files and writing items): one worker on a 2-core machine. */
export function pageParserPool(size = Math.max(1, Math.min(4, availableParallelism() - 1))): PageParsing & {
  /** Start the workers now (a run that will parse pages is starting): their start-up overlaps the run's own. */
  start(): void;
  close(): Promise<void>;
} {
  const slots: (Slot | null)[] = Array.from({ length: size }, () => null);
  let nextId = 0;
  let turn = 0;

  const idleEnd = (index: number, slot: Slot) => {
    slot.idle = setTimeout(() => {
      if (slots[index] === slot) slots[index] = null;
      void slot.worker.terminate();
    }, idleMs);
    slot.idle.unref();
  };

  function start(index: number): Slot {
    const worker = startWorker();
    const slot: Slot = { worker, pending: new Map(), idle: null };
    worker.on('message', (answer: PageAnswer) => {
      const task = slot.pending.get(answer.id);
      if (!task) return;
      slot.pending.delete(answer.id);
      if (slot.pending.size === 0) {
        worker.unref();
        idleEnd(index, slot);
      }
      if ('read' in answer) task.resolve(answer.read);
      else task.reject(answer.failed.refused ? new PageRefused(answer.failed.message) : new Error(answer.failed.message));
    });
    const fail = (error: Error) => {
      if (slots[index] === slot) slots[index] = null;
      if (slot.idle) clearTimeout(slot.idle);
      for (const task of slot.pending.values()) task.reject(new Error(`page parser stopped (${error.message})`));
      slot.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`exit code ${code}`)));
    // After the listeners: adding a 'message' listener refs the worker again.
    worker.unref();
    idleEnd(index, slot);
    return slot;
  }

  const parse = (page: PageBytes): Promise<PageParse> => {
    const index = turn++ % size;
    const slot = slots[index] ?? (slots[index] = start(index));
    const id = nextId++;
    if (slot.idle) clearTimeout(slot.idle);
    slot.idle = null;
    // The bytes are not used here again: moved, not copied (unless they are a view into a larger buffer).
    const { bytes } = page;
    const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
    return new Promise<PageParse>((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.ref();
      slot.worker.postMessage({ id, page }, whole ? [bytes.buffer as ArrayBuffer] : []);
    });
  };
  return {
    parse,
    ahead: size * aheadPerWorker,
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
