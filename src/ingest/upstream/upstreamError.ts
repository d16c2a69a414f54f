/** A failure of one upstream source, tagged with the stage that failed. */
export type UpstreamStage = 'fetch' | 'decode' | 'parse';

export class UpstreamError extends Error {
  readonly stage: UpstreamStage;
  /** From a `Retry-After` header on 429 / 503: do not try again before this. */
  readonly retryAfter: Date | null;

  /** `message` is the detail; the full message reads `fetch: HTTP 500`. */
  constructor(stage: UpstreamStage, detail: string, retryAfter: Date | null = null) {
    super(`${stage}: ${detail}`);
    this.name = 'UpstreamError';
    this.stage = stage;
    this.retryAfter = retryAfter;
  }
}
