/**
 * The organizing half: bodies that meet and decide (assemblies), and later elections, the council,
 * pledges, events, canvassing and mutual aid. It may use the platform and membership.
 */
export {
  assembliesRoutes,
  MeetingFeed,
  MEETING_STREAM_INTERVAL_MS,
  meetingStream,
} from './assemblies';
export type { MeetingFollower } from './assemblies';
export { CampaignPusher, CampaignStream, pledgesRoutes } from './pledges';
export {
  electionsRoutes,
  countClosedElections,
  remindEndingTerms,
  startElectionSweeper,
  sweepElections,
} from './elections';
export type { ElectionSweeper } from './elections';
export { councilRoutes, MandateStream, mandateCalmSource } from './council';
export { mutualAidRoutes, sweepMutualAid } from './mutual-aid';
export {
  canvassingRoutes,
  runOrganizingSweep,
  startOrganizingSweeper,
  sweepCanvassing,
} from './canvassing';
export type { OrganizingSweep, OrganizingSweeper } from './canvassing';
export { BulletinJobs, bulletinRoutes } from './bulletin';
export { calendarUrl, eventsRoutes, eventsTicker, publicEventPage } from './events';
