import type { ItemStore } from './store.js';

/** The store methods that write: a failure of any of them makes the store probe itself. */
const writeMethods = ['upsertItems', 'upsertItemGroups', 'deleteItems', 'saveSourceStates', 'recordRun', 'acquireLease', 'releaseLease'] as const;

/**
 * The store, watched for writability, so `/healthz` knows the store cannot be written before a
 * run fails on it: `probe()` (at start-up) runs the store's cheap `checkWritable()`, and so does
 * every failed write; a write that succeeds clears the problem. `writeProblem()` is what the last
 * probe or failed write said, null while writes work. Reads are untouched.
 */
export function withWriteProbe<S extends ItemStore>(store: S): S & { probe(): Promise<string | null>; writeProblem(): string | null } {
  let problem: string | null = null;
  const probe = async (): Promise<string | null> => {
    problem = await store.checkWritable().catch((error: unknown) => (error instanceof Error ? error.message : String(error)));
    return problem;
  };
  const watched: Record<string, unknown> = {};
  for (const name of writeMethods) {
    const write = store[name] as (...args: unknown[]) => Promise<unknown>;
    watched[name] = async (...args: unknown[]) => {
      try {
        const result = await write.apply(store, args);
        problem = null;
        return result;
      } catch (error) {
        // A lock held too long is not the file refusing writes: the probe tells them apart.
        await probe();
        throw error;
      }
    };
  }
  return { ...store, ...watched, probe, writeProblem: () => problem };
}
