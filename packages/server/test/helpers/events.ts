import { randomUUID } from 'node:crypto';
import { eventCatalog, type DomainEvent, type EventName, type EventPayload } from '@tocsin/core';

/** Valid payloads of catalog events, for tests about carrying events rather than their meaning. */
export const samplePayloads: { [N in EventName]: () => EventPayload<N> } = {
  'areas.changed': () => ({ reason: 'city_pack' }),
  'member.joined': () => ({ memberId: randomUUID(), sponsorId: null }),
  'member.activated': () => ({ memberId: randomUUID(), by: 'vouch' }),
  'member.suspended': () => ({ memberId: randomUUID() }),
  'member.updated': () => ({ memberId: randomUUID(), change: 'shift' }),
  'alert.issued': () => ({
    alertId: randomUUID(),
    seq: 1,
    kind: 'confirmed',
    audience: 'everyone',
    mergedInto: null,
    incident: {
      id: randomUUID(),
      state: 'confirmed',
      activity: null,
      area: null,
      location: { lat: 40.7, lng: -74 },
      reporters: 2,
      at: new Date().toISOString(),
    },
  }),
  'dispatch.offered': () => ({
    dispatchId: randomUUID(),
    memberId: randomUUID(),
    state: 'stood_down',
    incident: null,
  }),
  'meeting.scheduled': () => ({
    meetingId: randomUUID(),
    bodyId: randomUUID(),
    startsAt: new Date().toISOString(),
  }),
  'meeting.opened': () => ({ meetingId: randomUUID(), bodyId: randomUUID() }),
  'meeting.closed': () => ({ meetingId: randomUUID(), bodyId: randomUUID(), nextMeetingId: null }),
  'motion.decided': () => ({
    motionId: randomUUID(),
    meetingId: randomUUID(),
    bodyId: randomUUID(),
    outcome: 'carried',
    yes: 3,
    no: 1,
    abstain: 1,
  }),
  'decision.recorded': () => ({
    decisionId: randomUUID(),
    bodyId: randomUUID(),
    meetingId: randomUUID(),
    motionId: randomUUID(),
  }),
  'meeting.changed': () => ({ meetingId: randomUUID() }),
  'minutes.approved': () => ({
    meetingId: randomUUID(),
    bodyId: randomUUID(),
    atMeetingId: randomUUID(),
  }),
  'campaign.created': () => ({
    campaignId: randomUUID(),
    bodyId: randomUUID(),
    workplaceId: null,
  }),
  'campaign.workplace_triggered': () => ({ campaignId: randomUUID(), workplaceId: randomUUID() }),
  'campaign.triggered': () => ({ campaignId: randomUUID() }),
  'mandate.changed': () => ({
    bodyId: randomUUID(),
    itemId: randomUUID(),
    meetingId: randomUUID(),
    setBy: randomUUID(),
  }),
  'election.called': () => ({
    electionId: randomUUID(),
    bodyId: randomUUID(),
    kind: 'office',
    office: 'delegate',
    seats: 2,
    votingOpensAt: '2026-12-10T18:00:00.000Z',
    votingClosesAt: '2026-12-12T18:00:00.000Z',
  }),
  'election.counted': () => ({ electionId: randomUUID(), bodyId: randomUUID(), ballots: 5 }),
  'recall.opened': () => ({
    holderId: randomUUID(),
    bodyId: randomUUID(),
    electionId: randomUUID(),
  }),
  'holder.recalled': () => ({
    holderId: randomUUID(),
    bodyId: randomUUID(),
    byElectionId: randomUUID(),
  }),
  'term.ending': () => ({
    holderId: randomUUID(),
    bodyId: randomUUID(),
    office: 'delegate',
    termEnd: '2027-06-01T00:00:00.000Z',
  }),
  'turf.assigned': () => ({
    turfId: randomUUID(),
    areaId: randomUUID(),
    date: '2026-12-05',
    cells: 12,
  }),
  'aid_request.opened': () => ({
    requestId: randomUUID(),
    areaId: randomUUID(),
    category: 'groceries',
    urgency: 'this_week',
  }),
  'aid_request.matched': () => ({
    requestId: randomUUID(),
    areaId: randomUUID(),
    automatic: false,
  }),
  'aid_request.closed': () => ({
    requestId: randomUUID(),
    areaId: randomUUID(),
    outcome: 'fulfilled',
  }),
  'post.published': () => ({
    postId: randomUUID(),
    bodyId: randomUUID(),
    audience: 'city',
    areaId: null,
    auto: false,
  }),
  'event.announced': () => ({
    eventId: randomUUID(),
    bodyId: randomUUID(),
    startsAt: '2026-12-06T18:00:00.000Z',
    visibility: 'members',
  }),
};

/** A well-formed envelope of a catalog event, as the relay would publish it. */
export function envelope<N extends EventName>(
  name: N,
  payload: EventPayload<N> = samplePayloads[name](),
): DomainEvent<N> {
  return {
    id: randomUUID(),
    name,
    version: eventCatalog[name].version,
    occurredAt: new Date().toISOString(),
    payload,
  };
}
