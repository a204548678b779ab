// Public surface of organizing/assemblies: other modules import from here, never from its files.
export { assembliesRoutes } from './assemblies.routes';
export { MeetingFeed, MEETING_STREAM_INTERVAL_MS } from './meeting-feed';
export type { MeetingFollower } from './meeting-feed';
export { meetingStream } from './meeting.stream';
export { purgeRequests } from './assemblies.repository';
