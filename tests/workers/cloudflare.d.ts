/**
 * The few `cloudflare:*` module members the Workers tests use, typed against the project's DOM
 * types (the real declarations come with @cloudflare/workers-types, whose globals would clash
 * with the DOM and Node types the rest of the project is checked with).
 */
declare module 'cloudflare:workers' {
  /** The bindings of wrangler.toml (D1 `DB`, [vars]) plus the test config's miniflare bindings. */
  export const env: import('../../src/worker.js').WorkerEnv;
  /** The main Worker's exports: `exports.default.fetch()` calls src/worker.ts's fetch handler. */
  export const exports: { default: { fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> } };
}

declare module 'cloudflare:test' {
  export interface TestExecutionContext {
    waitUntil(promise: Promise<unknown>): void;
    passThroughOnException(): void;
    props: unknown;
  }
  export function createExecutionContext(): TestExecutionContext;
  export function waitOnExecutionContext(ctx: TestExecutionContext): Promise<void>;
  export function createScheduledController(options?: { scheduledTime?: Date | number; cron?: string }): {
    scheduledTime: number;
    cron: string;
    noRetry(): void;
  };
  /** Deletes all data from all bindings (D1 included). */
  export function reset(): Promise<void>;
}

/** Vite's `?raw` imports (the Workers tests read fixture pages this way: workerd has no filesystem). */
declare module '*?raw' {
  const text: string;
  export default text;
}
