import { z } from 'zod';

/** The first message a client sends on the stream. */
export const helloSchema = z.strictObject({
  type: z.literal('hello'),
  token: z.string().min(1).max(200).optional(),
  since: z.number().int().min(0).optional(),
  location: z
    .strictObject({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) })
    .optional(),
});

export const ackSchema = z.strictObject({ type: z.literal('ack'), id: z.uuid() });

/** Messages after hello: acks, and a new location when the member moves. */
export const clientMessageSchema = z.discriminatedUnion('type', [
  ackSchema,
  z.strictObject({
    type: z.literal('location'),
    location: z
      .strictObject({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) })
      .nullable(),
  }),
]);

/** WebSocket close codes of the stream (4000–4999 are the application's). */
export const CLOSE = {
  badHello: 4400,
  unauthorized: 4401,
  forbiddenOrigin: 4403,
  helloTimeout: 4408,
  suspended: 4409,
  goingAway: 1001,
  /** The database is away (a restart, a failover): reconnect in a while. */
  tryAgainLater: 1013,
} as const;
