import { parseInput } from '@tocsin/core';
import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';

/**
 * The validator of every route's params, query string and body: the contract's one input rule
 * (`parseInput`: no NUL, no lone surrogate, NFC, a length cap) and then the route's zod schema. A
 * failure is the ZodError itself; the error handler names each field under its request part.
 */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const result = parseInput(schema, data);
    return result.success ? { value: result.data } : { error: result.error };
  };
