import { z } from 'zod';

// Answers of the health probes (GET /health, GET /ready).

const check = z.enum(['ok', 'failing']);

export const healthResponse = z.object({ status: z.literal('ok') });

/** GET /ready: 200 when ready, 503 with the same shape when not. */
export const readinessResponse = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.object({ database: check, bus: check }),
});
