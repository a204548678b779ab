import { followMessageSchema } from '@tocsin/core';
import type { DomainEvent, StreamHandler } from '../../platform';
import type { MeetingFeed, MeetingFollower } from './meeting-feed';

/**
 * The `meeting` topic of the stream: a socket follows one meeting's live state at a time, if its
 * member is on the body's roll (others get nothing of it). The hello may name it, and a `follow`
 * message changes it on the live socket (null: none), so the app's one stream carries the meeting
 * page too. Each state message goes out once, after `ready` (the connection holds live messages
 * until then). A `meeting.changed` from the bus (a write on any node) marks the meeting dirty for
 * this node's followers.
 */
export function meetingStream(feed: MeetingFeed): StreamHandler<unknown, 'meeting.changed'> {
  let sent = 0;
  return {
    name: 'meeting',
    events: ['meeting.changed'] as const,
    onEvent(event: DomainEvent<'meeting.changed'>) {
      feed.heard(event.payload.meetingId);
      return Promise.resolve();
    },
    async open(conn, hello) {
      const follower: MeetingFollower = {
        id: conn.id,
        get principal() {
          return conn.principal;
        },
        send: (data: string) => conn.send(`meeting:${++sent}`, data),
      };
      const first =
        hello.meetingId !== undefined && (await feed.mayFollow(conn.principal, hello.meetingId))
          ? hello.meetingId
          : null;
      let attached = false;
      // Each follow message supersedes those before it, also while its check is in flight.
      let latest = 0;
      const follow = async (meetingId: string | null, turn: number) => {
        const allowed = meetingId !== null && (await feed.mayFollow(conn.principal, meetingId));
        if (turn !== latest || !attached) return;
        if (allowed) feed.add(follower, meetingId);
        else feed.unfollow(conn.id);
      };
      return {
        attach: () => {
          attached = true;
          if (first !== null) feed.add(follower, first);
        },
        detach: () => {
          attached = false;
          latest += 1;
          feed.unfollow(conn.id);
        },
        message: (message) => {
          const parsed = followMessageSchema.safeParse(message);
          if (!parsed.success) return;
          latest += 1;
          void follow(parsed.data.meetingId, latest).catch((error: unknown) => feed.failed(error));
        },
      };
    },
    stop() {
      feed.close();
      return Promise.resolve();
    },
  };
}
