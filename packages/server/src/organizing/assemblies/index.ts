// Public surface of organizing/assemblies: other modules import from here, never from its files.
export { assembliesRoutes } from './assemblies.routes';
export { MeetingFeed, MEETING_STREAM_INTERVAL_MS } from './meeting-feed';
export type { MeetingFollower } from './meeting-feed';
export { meetingStream } from './meeting.stream';
export { ensureBodies, purgeRequests } from './assemblies.repository';
// Read by the bulletin and events (organizing/bulletin, organizing/events): a body and what a
// member may do in it, asked of the body as everywhere in this half.
export { bodyAccess } from './assemblies.policy';
export type { BodyAccess } from './assemblies.policy';
export { accessToBody } from './bodies.service';
export { bodiesOnRollOf, findBody, isOnRoll, rollMemberIds } from './assemblies.repository';
export type { BodyRow } from './assemblies.repository';
