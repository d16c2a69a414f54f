/**
 * Errors that describe bad input from a client or a config file. The one error handler in
 * `app.ts` turns `InputError` into a 4xx JSON response; anything else is a 500 and is logged.
 */
export class InputError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 404 | 406 | 413 = 400,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'InputError';
  }
}
