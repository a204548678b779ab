import type { DomainEvent, StreamDirectory, StreamHandler } from '../../platform';

/** The dispatch topic of the stream: an offer (or its standing down) goes to its member's sockets. */
export const dispatchStream: StreamHandler<never, 'dispatch.offered'> = {
  name: 'dispatch',
  events: ['dispatch.offered'],
  async onEvent(event: DomainEvent<'dispatch.offered'>, sockets: StreamDirectory): Promise<void> {
    const offer = event.payload;
    const data = JSON.stringify({
      type: 'dispatch',
      id: offer.dispatchId,
      state: offer.state,
      incident: offer.incident,
    });
    for (const conn of sockets.ofMember(offer.memberId) ?? [])
      conn.send(`${offer.dispatchId}:${offer.state}`, data);
  },
};
