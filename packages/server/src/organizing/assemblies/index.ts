// Public surface of organizing/assemblies: other modules import from here, never from its files.
export { assembliesRoutes } from './assemblies.routes';
export { MeetingFeed, MEETING_STREAM_INTERVAL_MS } from './meeting-feed';
export type { MeetingFollower } from './meeting-feed';
export { meetingStream } from './meeting.stream';
export { REQUEST_ID_KEEP_MS, sweepRequests } from './requests';
// For elections (issue 16): a body, its roll and what the caller may do in it; writes run once.
export { accessToBody } from './bodies.service';
export { requireRoll, seesRollByName } from './assemblies.policy';
export type { BodyAccess } from './assemblies.policy';
export { findBody, isOnRoll, rollSize } from './assemblies.repository';
export type { BodyRow } from './assemblies.repository';
export { once } from './requests';
export type { Answer } from './requests';
// Read by the bulletin and events (organizing/bulletin, organizing/events) too.
export { bodyAccess } from './assemblies.policy';
export { bodiesOnRollOf, rollMemberIds } from './assemblies.repository';
