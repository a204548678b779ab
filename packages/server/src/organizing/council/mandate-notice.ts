import type { MandateMessage } from '@tocsin/core';
import type { AppContext, DomainEvent, StreamDirectory, StreamHandler } from '../../platform';
import { seatedMembersOf } from './council.repository';

/** Who is told of a committee's new mandate: its seated delegates, not whoever recorded it. */
export async function mandateRecipients(
  ctx: AppContext,
  event: DomainEvent<'mandate.changed'>,
): Promise<string[]> {
  const seated = await seatedMembersOf(ctx.db, event.payload.bodyId);
  return seated.filter((id) => id !== event.payload.setBy);
}

/**
 * The `mandate` topic of the stream: a committee adopted or changed a mandate, and its delegates'
 * open apps are told which item (they read the mandate from `GET /council`). Not replayed: the
 * council screen reads the mandates when it opens.
 */
export class MandateStream implements StreamHandler<unknown, 'mandate.changed'> {
  readonly name = 'mandate';
  readonly events = ['mandate.changed'] as const;

  constructor(private readonly ctx: AppContext) {}

  async onEvent(event: DomainEvent<'mandate.changed'>, sockets: StreamDirectory): Promise<void> {
    const { bodyId, itemId, meetingId } = event.payload;
    const message: MandateMessage = { type: 'mandate', bodyId, itemId, meetingId };
    const data = JSON.stringify(message);
    for (const memberId of await mandateRecipients(this.ctx, event)) {
      for (const conn of sockets.ofMember(memberId) ?? []) conn.send(`mandate:${event.id}`, data);
    }
  }
}

/**
 * The calm push of a mandate change (issue 18's rules: at most one push per body per 30 minutes,
 * none in quiet hours), for the bulletin's calm pushes to carry: the committee is the body.
 */
export const mandateCalmSource = (ctx: AppContext) => ({
  consumer: 'council-mandate-push',
  type: 'mandate.changed' as const,
  recipients: async (event: DomainEvent<'mandate.changed'>) => ({
    bodyId: event.payload.bodyId,
    memberIds: await mandateRecipients(ctx, event),
  }),
});
