import { z } from 'zod';
import { defineEvent, type EventGroup } from './define';
import { electionEvents } from './elections';

/**
 * Events written by organizing. A new one is added here as
 * `'<noun>.<past participle>': defineEvent(1, z.strictObject({ ... }))` and reaches the outbox,
 * the bus and typed subscribers with no other change. Payloads name bodies, meetings and
 * motions, never who voted what.
 */
export const organizingEvents = {
  ...electionEvents,
  /** A body scheduled a meeting (also the next of a recurring series). */
  'meeting.scheduled': defineEvent(
    1,
    z.strictObject({ meetingId: z.uuid(), bodyId: z.uuid(), startsAt: z.iso.datetime() }),
  ),
  /** The chair opened a meeting: check-in, speakers and motions start. */
  'meeting.opened': defineEvent(1, z.strictObject({ meetingId: z.uuid(), bodyId: z.uuid() })),
  /** The chair closed a meeting; its minutes can be written. */
  'meeting.closed': defineEvent(
    1,
    z.strictObject({ meetingId: z.uuid(), bodyId: z.uuid(), nextMeetingId: z.uuid().nullable() }),
  ),
  /**
   * Something in a meeting's live state changed (a check-in, a request to speak, a ballot...):
   * every node's followers of the meeting read its state again. Sent by the node that took the
   * write, at most five a second per meeting; names the meeting only, never who did what.
   */
  'meeting.changed': defineEvent(1, z.strictObject({ meetingId: z.uuid() })),
  /** A vote closed. `outcome` invalid: the meeting was inquorate when it closed. */
  'motion.decided': defineEvent(
    1,
    z.strictObject({
      motionId: z.uuid(),
      meetingId: z.uuid(),
      bodyId: z.uuid(),
      outcome: z.enum(['carried', 'failed', 'invalid']),
      yes: z.number().int(),
      no: z.number().int(),
      abstain: z.number().int(),
    }),
  ),
  /** A carried motion (not an amendment) entered the body's decisions register. */
  'decision.recorded': defineEvent(
    1,
    z.strictObject({
      decisionId: z.uuid(),
      bodyId: z.uuid(),
      meetingId: z.uuid(),
      motionId: z.uuid(),
    }),
  ),
  /** The minutes of a meeting were approved by a later meeting of its body. */
  'minutes.approved': defineEvent(
    1,
    z.strictObject({ meetingId: z.uuid(), bodyId: z.uuid(), atMeetingId: z.uuid() }),
  ),
  /** A strike pledge campaign was started (by the council or a workplace body). */
  'campaign.created': defineEvent(
    1,
    z.strictObject({ campaignId: z.uuid(), bodyId: z.uuid(), workplaceId: z.uuid().nullable() }),
  ),
  /** A workplace met the campaign's workplace condition: its pledges bind. Never names pledgers. */
  'campaign.workplace_triggered': defineEvent(
    1,
    z.strictObject({ campaignId: z.uuid(), workplaceId: z.uuid() }),
  ),
  /**
   * The citywide condition was met: the campaign is on. Its pledgers are found at delivery by
   * their keyed tags (ADR 0014); the event carries no one.
   */
  'campaign.triggered': defineEvent(1, z.strictObject({ campaignId: z.uuid() })),
  /**
   * A bulletin post was published (at once, or when a second person approved a city-wide one):
   * members' bulletins and calm pushes follow. Names the audience, never the readers.
   */
  'post.published': defineEvent(
    1,
    z.strictObject({
      postId: z.uuid(),
      bodyId: z.uuid(),
      audience: z.enum(['city', 'area', 'body']),
      areaId: z.uuid().nullable(),
      auto: z.boolean(),
    }),
  ),
  /**
   * A committee adopted or changed its mandate on a council agenda item (by its carried motion):
   * its seated delegates are told (stream, and a calm push). Names no position: the mandate is
   * read by the committee's roll and its delegates only.
   */
  'mandate.changed': defineEvent(
    1,
    z.strictObject({
      bodyId: z.uuid(),
      itemId: z.uuid(),
      meetingId: z.uuid(),
      setBy: z.uuid(),
    }),
  ),
  /** A body announced an event (day of action, meeting of the public, training). */
  'event.announced': defineEvent(
    1,
    z.strictObject({
      eventId: z.uuid(),
      bodyId: z.uuid(),
      startsAt: z.iso.datetime(),
      visibility: z.enum(['members', 'public']),
    }),
  ),
} as const satisfies EventGroup;
