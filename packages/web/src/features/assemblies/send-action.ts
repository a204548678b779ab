import { endpoints } from '../../lib/api';
import type { MeetingAction } from '../../lib/outbox';

/** Sends one queued meeting action; `requestId` is the same on every retry of it. */
export function sendMeetingAction(action: MeetingAction, requestId: string): Promise<unknown> {
  switch (action.type) {
    case 'speak':
      return endpoints.askToSpeak(action.meetingId, { requestId, kind: action.kind });
    case 'withdraw':
      // Withdrawing takes every waiting request of mine: a repeat withdraws nothing more.
      return endpoints.withdrawSpeaker(action.meetingId);
    case 'ballot':
      return endpoints.ballot(action.motionId, { requestId, choice: action.choice });
  }
}
