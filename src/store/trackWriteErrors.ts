/**
 * Runs a store's writes and remembers why the last one failed (null after a success), so a store
 * can tell /healthz that it cannot be written without waiting for the next run. `explain` turns a
 * driver's error into the one the caller sees.
 */
export function trackWriteErrors(explain: (error: unknown) => unknown = (error) => error) {
  let last: string | null = null;
  return {
    async writing<T>(write: () => Promise<T>): Promise<T> {
      try {
        const result = await write();
        last = null;
        return result;
      } catch (error) {
        const explained = explain(error);
        last = explained instanceof Error ? explained.message : String(explained);
        throw explained;
      }
    },
    lastError: (): string | null => last,
  };
}
