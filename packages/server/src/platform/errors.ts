/** One error family for the whole server: a stable snake_case code and an HTTP status. */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export class ValidationError extends AppError {
  override name = 'ValidationError';
  constructor(message: string, details?: { path: string; message: string }[]) {
    super(400, 'validation_failed', message, details);
  }
}

export class NotFoundError extends AppError {
  override name = 'NotFoundError';
  constructor(message = 'Not found') {
    super(404, 'not_found', message);
  }
}

export class UnauthorizedError extends AppError {
  override name = 'UnauthorizedError';
  constructor(message = 'Authentication required') {
    super(401, 'unauthorized', message);
  }
}

export class ForbiddenError extends AppError {
  override name = 'ForbiddenError';
  constructor(message = 'Not allowed') {
    super(403, 'forbidden', message);
  }
}

export class ConflictError extends AppError {
  override name = 'ConflictError';
  constructor(code: string, message: string) {
    super(409, code, message);
  }
}

export class ServiceUnavailableError extends AppError {
  override name = 'ServiceUnavailableError';
  constructor(message: string, details?: unknown) {
    super(503, 'unavailable', message, details);
  }
}

/** Too many requests of one kind; the error handler sends Retry-After. */
export class RateLimitedError extends AppError {
  override name = 'RateLimitedError';
  constructor(
    code: string,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, code, message);
  }
}
