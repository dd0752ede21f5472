/** Errors a handler throws to end a request with a status; the error handler renders them. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    /** The page's heading when the status's usual one would mislead. */
    readonly title?: string,
  ) {
    super(message);
  }
}

export class NotFoundError extends HttpError {
  constructor(what = 'Page') {
    super(404, `${what} not found`);
  }
}

export class ForbiddenError extends HttpError {
  constructor(message = 'You do not have permission to do that') {
    super(403, message);
  }
}

export class UnauthorisedError extends HttpError {
  constructor() {
    super(401, 'Sign in to continue');
  }
}

/** The record cannot change in its state (approved minutes): not someone else's edit, so its own title. */
export class RecordFrozenError extends HttpError {
  constructor(message: string, title: string) {
    super(409, message, title);
  }
}

export class BadRequestError extends HttpError {
  constructor(message: string) {
    super(400, message);
  }
}

/** Parses a route id; anything but a positive whole number is simply not found. */
export function parseId(value: unknown, what: string): number {
  const text = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  if (!/^[1-9][0-9]{0,9}$/.test(text) || Number(text) > 2147483647) throw new NotFoundError(what);
  return Number(text);
}

/** Too many refused attempts from one client: try again after `retryAfterSeconds`. */
export class TooManyRequestsError extends HttpError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, message);
  }
}
