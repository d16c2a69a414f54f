/**
 * How both doors run ingestion: one run at a time per process or isolate, never a rejection
 * (a failure is logged and resolves to null), and a stop that a running run hears (SIGTERM on Node).
 */
import type { Log } from '../log.js';
import type { IngestRun } from '../store/store.js';

export interface IngestControl {
  /**
   * One ingestion run. A call while a run is going (a cron tick during a manual run) does nothing,
   * logs `ingest: skipped`, and resolves to null, as does a call after `stop` or while another
   * process holds the ingestion lease (the run itself returns null then). Never rejects.
   */
  ingest: () => Promise<IngestRun | null>;
  /** Ask a running ingestion to stop after its current write; later calls do nothing. */
  stop: (reason: string) => void;
  /** Aborted by `stop`: the signal the run is given (IngestDeps.signal). */
  signal: AbortSignal;
  /** Resolves when no ingestion is running. */
  idle: () => Promise<void>;
}

/** What a door may watch or add around each run (metrics, retention). */
export interface RunHooks {
  /** After a run that happened (not skipped): retention. A failure is logged, never the run's. */
  after?: (run: IngestRun) => Promise<void>;
  /** Every call's outcome (null: skipped) and how long it took, for metrics. */
  observe?: (run: IngestRun | null, seconds: number) => void;
}

export function ingestControl(run: (signal: AbortSignal) => Promise<IngestRun | null>, log: Log, hooks: RunHooks = {}): IngestControl {
  const stopper = new AbortController();
  let running: Promise<IngestRun | null> | null = null;
  const ingest = (): Promise<IngestRun | null> => {
    if (stopper.signal.aborted) return Promise.resolve(null);
    if (running) {
      log.warn('ingest: skipped, an ingestion is already running in this process');
      hooks.observe?.(null, 0);
      return Promise.resolve(null);
    }
    const started = performance.now();
    running = run(stopper.signal)
      .then(async (result) => {
        if (result && hooks.after) {
          await hooks.after(result).catch((error: unknown) =>
            log.error('retention: failed', { error: error instanceof Error ? error.message : String(error) }));
        }
        return result;
      })
      .catch((error: unknown) => {
        log.error('ingest: failed', { error: error instanceof Error ? error.message : String(error) });
        return null;
      })
      .then((result) => {
        hooks.observe?.(result, (performance.now() - started) / 1000);
        return result;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  return {
    ingest,
    stop: (reason) => {
      if (!stopper.signal.aborted) stopper.abort(reason);
    },
    signal: stopper.signal,
    idle: async () => {
      await running;
    },
  };
}

/** A memo of one async step (migrate once per isolate); a failure is forgotten, so the next call retries. */
export function once(step: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | null = null;
  return () => {
    done ??= step().catch((error: unknown) => {
      done = null;
      throw error;
    });
    return done;
  };
}
