import { randomUUID } from 'node:crypto';
import { meetingMessageSchema, type MeetingMessage } from '@tocsin/core';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { BuiltMember } from './factories';
import type { StreamClient } from './stream';

/** POSTs an organizing write as a member, with a fresh request id; expects it to succeed. */
export async function writeAs(
  app: FastifyInstance,
  url: string,
  who: BuiltMember,
  payload: object = {},
): Promise<unknown> {
  const response = await app.inject({
    method: 'POST',
    url: `/api/v1${url}`,
    headers: who.auth,
    payload: { requestId: randomUUID(), ...payload },
  });
  expect(response.statusCode, response.body).toBeLessThan(300);
  return response.json<unknown>();
}

/** The meeting messages a stream client got, checked against the contract. */
export function meetingMessages(client: StreamClient): MeetingMessage[] {
  return (client.messages as unknown[])
    .filter((m): m is MeetingMessage => (m as { type?: string }).type === 'meeting')
    .map((m) => meetingMessageSchema.parse(m));
}
