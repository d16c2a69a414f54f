/** Small timing helpers shared by the bench scripts. */

export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export interface Latency {
  n: number;
  p50: number;
  /** p99 over all samples. */
  p99: number;
  /**
   * Median of the p99s of consecutive batches of about 100 samples (at least three batches): on
   * a shared machine one burst of someone else's work lands in one batch and moves this figure
   * far less than the plain p99.
   */
  p99m: number;
  max: number;
}

export function latency(samplesMs: number[], batches = Math.max(3, Math.floor(samplesMs.length / 100))): Latency {
  const size = Math.ceil(samplesMs.length / batches);
  const p99s = Array.from({ length: batches }, (_, b) => percentile(samplesMs.slice(b * size, (b + 1) * size), 99)).filter(Number.isFinite);
  return {
    n: samplesMs.length, p50: percentile(samplesMs, 50), p99: percentile(samplesMs, 99), p99m: percentile(p99s, 50),
    max: Math.max(...samplesMs),
  };
}

/** Milliseconds since `start` (a `performance.now()` reading). */
export const since = (start: number) => performance.now() - start;

export const ms = (value: number, digits = 2) => `${value.toFixed(digits)} ms`;
export const ratio = (value: number) => value.toFixed(2);
export const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;
export const int = (value: number) => Math.round(value).toLocaleString('en-US');
