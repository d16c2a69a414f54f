/**
 * A small in-memory rate limiter: at most `limit` requests per client key in each fixed window of
 * `windowMs`. Web standards only (it runs on Workers too, where it is per isolate: a brake on
 * token guessing, not a global quota). The number of keys it remembers is bounded, so a flood
 * of distinct keys cannot grow it without end.
 */
export interface RateLimitOptions {
  limit: number;
  windowMs: number;
  /** Keys remembered at most; the oldest windows are forgotten first. */
  maxKeys?: number;
  now?: () => number;
}

export interface RateDecision {
  allowed: boolean;
  /** Requests left in this window after this one. */
  remaining: number;
  /** Whole seconds until the window resets (at least 1). */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  hit(key: string): RateDecision;
}

export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const { limit, windowMs, maxKeys = 10_000, now = Date.now } = options;
  // Insertion order = window start order, so the first keys are the oldest.
  const windows = new Map<string, { start: number; count: number }>();
  return {
    hit(key) {
      const at = now();
      let window = windows.get(key);
      if (!window || at - window.start >= windowMs) {
        windows.delete(key);
        window = { start: at, count: 0 };
        windows.set(key, window);
        while (windows.size > maxKeys) windows.delete(windows.keys().next().value!);
      }
      window.count++;
      const retryAfterSeconds = Math.max(1, Math.ceil((window.start + windowMs - at) / 1000));
      return { allowed: window.count <= limit, remaining: Math.max(0, limit - window.count), retryAfterSeconds };
    },
  };
}
