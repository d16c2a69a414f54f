/**
 * Run tasks with at most `total` at a time and at most `perKey` sharing a key (a host), starting
 * them in list order as slots free up. Results come back in the input order. Tasks must not throw.
 */
export interface KeyedTask<T> {
  key: string;
  run: () => Promise<T>;
}

export function runLimited<T>(tasks: KeyedTask<T>[], total: number, perKey: number): Promise<T[]> {
  const results = new Array<T>(tasks.length);
  const pending = tasks.map((_, i) => i);
  const active = new Map<string, number>();
  let running = 0;
  let finished = 0;
  const maxTotal = Math.max(1, Math.floor(total));
  const maxPerKey = Math.max(1, Math.floor(perKey));

  return new Promise<T[]>((resolve, reject) => {
    const pump = () => {
      if (finished === tasks.length) {
        resolve(results);
        return;
      }
      for (let p = 0; p < pending.length && running < maxTotal; ) {
        const index = pending[p];
        const { key, run } = tasks[index];
        if ((active.get(key) ?? 0) >= maxPerKey) {
          p++;
          continue;
        }
        pending.splice(p, 1);
        running++;
        active.set(key, (active.get(key) ?? 0) + 1);
        run().then(
          (value) => {
            results[index] = value;
            running--;
            active.set(key, (active.get(key) ?? 1) - 1);
            finished++;
            pump();
          },
          reject,
        );
      }
    };
    pump();
  });
}
