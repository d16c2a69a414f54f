import type { ClientErrorStatusCode } from 'hono/utils/http-status';

/**
 * A request Caravan refuses, for a reason the client can fix: bad input, a missing resource, no
 * token, too many requests. The one error handler in `app.ts` turns it into a JSON response with
 * its 4xx status, its details and its headers (`Retry-After`, `WWW-Authenticate`, ...); anything
 * else is a 500 and is logged. Config files use it too (a message naming the file and entry).
 */
export class InputError extends Error {
  constructor(
    message: string,
    readonly status: ClientErrorStatusCode = 400,
    readonly details?: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'InputError';
  }
}
