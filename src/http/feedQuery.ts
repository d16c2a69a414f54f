import { InputError } from '../errors.js';

export interface FeedParams {
  limit: number;
  since?: string;
  q?: string;
  cursor?: string;
}

export const limits = { default: 20, max: 100 } as const;
const maxQueryLength = 200;

/** Parse and check `limit`, `since`, `q` (and `cursor` where pages apply); bad values are 400s. */
export function parseFeedParams(query: Record<string, string[]>, options: { cursor?: boolean } = {}): FeedParams {
  const one = (name: string): string | undefined => {
    const values = query[name];
    if (!values) return undefined;
    if (values.length > 1) throw new InputError(`${name} is given more than once; give it once`);
    return values[0];
  };
  const params: FeedParams = { limit: limits.default };

  const limit = one('limit');
  if (limit !== undefined) {
    if (!/^\d{1,3}$/.test(limit) || Number(limit) < 1 || Number(limit) > limits.max) {
      throw new InputError(`limit must be a whole number from 1 to ${limits.max}, got "${limit.slice(0, 40)}"`);
    }
    params.limit = Number(limit);
  }

  const since = one('since');
  if (since !== undefined) params.since = parseSince(since);

  const q = one('q');
  if (q !== undefined) {
    const trimmed = q.trim();
    if (!trimmed) throw new InputError('q must not be empty');
    if (trimmed.length > maxQueryLength) throw new InputError(`q is longer than ${maxQueryLength} characters`);
    if (!/[\p{L}\p{N}]/u.test(trimmed)) throw new InputError('q has no word to search for');
    params.q = trimmed;
  }

  if (options.cursor) {
    const cursor = one('cursor');
    if (cursor !== undefined) params.cursor = cursor;
  }
  return params;
}

/** `2025-01-22` or a full ISO 8601 date-time; impossible dates (2025-02-30, 0000-00-00) are refused. */
function parseSince(value: string): string {
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (dateOnly) {
    const [, y, m, d] = dateOnly.map(Number);
    const date = new Date(Date.UTC(y, m - 1, d));
    if (y >= 1970 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d) return value;
  } else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime()) && date.getUTCFullYear() >= 1970) return date.toISOString();
  }
  throw new InputError(`since must be an ISO 8601 date (2025-01-22) or date-time (2025-01-22T10:00:00Z), got "${value.slice(0, 40)}"`);
}
