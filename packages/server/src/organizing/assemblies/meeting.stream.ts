import type { StreamHandler } from '../../platform';
import type { MeetingFeed } from './meeting-feed';

/**
 * The `meeting` topic of the stream: a socket whose hello names a meeting follows its live state
 * while it is open, if its member is on the body's roll; others get nothing of it. Each state
 * message goes out once, after `ready` (the connection holds live messages until then).
 */
export function meetingStream(feed: MeetingFeed): StreamHandler {
  let sent = 0;
  return {
    name: 'meeting',
    async open(conn, hello) {
      const meetingId = hello.meetingId;
      if (meetingId === undefined) return null;
      if (!(await feed.mayFollow(conn.principal, meetingId))) return null;
      const follower = {
        id: conn.id,
        get principal() {
          return conn.principal;
        },
        send: (data: string) => conn.send(`meeting:${++sent}`, data),
      };
      return {
        attach: () => feed.add(follower, meetingId),
        detach: () => feed.unfollow(conn.id),
      };
    },
    stop() {
      feed.close();
      return Promise.resolve();
    },
  };
}
