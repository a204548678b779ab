import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z, ZodError } from 'zod';
import { isDatabaseUnavailable } from '../db';
import { AppError, RateLimitedError } from '../errors';

export interface FieldProblem {
  path: string;
  message: string;
}

export interface ErrorEnvelope {
  error: { code: string; message: string; details?: unknown };
}

/** Fastify's own 4xx errors, by their stable code. */
const FASTIFY_CODES: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'body_too_large',
    message: 'body: larger than the limit',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'unsupported_media_type',
    message: 'content-type: unsupported media type',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'invalid_json',
    message: 'body: empty JSON body',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'invalid_json',
    message: 'body: malformed JSON',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'bad_request',
    message: 'content-length: does not match the body',
  },
};

/** Seconds a client is asked to wait before retrying while the database is away. */
const DATABASE_RETRY_SECONDS = 5;

function joinPath(segments: readonly PropertyKey[]): string {
  return segments.map(String).join('.');
}

/** Turns zod issues into field problems; an unknown field is named by its own path. */
export function zodIssuesToProblems(
  issues: readonly z.core.$ZodIssue[],
  root: string,
  prefix = '',
): FieldProblem[] {
  return issues.flatMap((issue) => {
    const base = joinPath(prefix ? [prefix, ...issue.path] : issue.path);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: base ? `${base}.${key}` : key,
        message: 'unknown field',
      }));
    }
    return [{ path: base || root, message: issue.message }];
  });
}

/** Makes a missing value read `required` in every zod message, server-wide. */
export function configureZodMessages(): void {
  z.config({
    customError: (issue) =>
      issue.code === 'invalid_type' && issue.input === undefined ? 'required' : undefined,
  });
}

function summary(problems: FieldProblem[]): string {
  return problems.map((p) => `${p.path}: ${p.message}`).join('; ');
}

/** The one error handler: every error leaves as `{ error: { code, message, details? } }`. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | ZodError, request, reply) => {
    if (error instanceof AppError) {
      if (error instanceof RateLimitedError) {
        void reply.header('retry-after', String(Math.max(1, Math.ceil(error.retryAfterSeconds))));
      }
      const body: ErrorEnvelope = { error: { code: error.code, message: error.message } };
      if (error.details !== undefined) body.error.details = error.details;
      return reply.status(error.status).send(body);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const root = error.validationContext ?? 'body';
      // The type provider keeps each zod issue's fields in `params`; rebuild the issues.
      const issues = error.validation.map(
        (v) =>
          ({
            ...v.params,
            code: v.keyword,
            path: v.instancePath.split('/').filter(Boolean),
            message: v.message ?? 'invalid',
          }) as z.core.$ZodIssue,
      );
      const problems = zodIssuesToProblems(issues, root, root === 'body' ? '' : root);
      return reply.status(400).send(envelope('validation_failed', summary(problems), problems));
    }
    if (error instanceof ZodError) {
      // From the validator compiler (./validator), which says which part of the request.
      const root = (error as ZodError & { validationContext?: string }).validationContext ?? 'body';
      const problems = zodIssuesToProblems(error.issues, root, root === 'body' ? '' : root);
      return reply.status(400).send(envelope('validation_failed', summary(problems), problems));
    }
    const known = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (known) return reply.status(known.status).send(envelope(known.code, known.message));
    const status = error.statusCode ?? 500;
    if (status === 429) {
      return reply.status(429).send(envelope('rate_limited', 'Too many requests; slow down'));
    }
    if (status >= 400 && status < 500) {
      return reply.status(status).send(envelope('bad_request', error.message));
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      void reply.header('retry-after', String(DATABASE_RETRY_SECONDS));
      return reply
        .status(503)
        .send(envelope('unavailable', 'The database is unavailable; try again shortly'));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(envelope('internal_error', 'Something went wrong on our side'));
  });
}

export function envelope(code: string, message: string, details?: unknown): ErrorEnvelope {
  return details === undefined
    ? { error: { code, message } }
    : { error: { code, message, details } };
}
