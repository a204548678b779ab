// Public surface of organizing/bulletin: other modules import from here, never from its files.
export { bulletinRoutes } from './bulletin.routes';
export { BulletinJobs } from './bulletin.jobs';
export type { CalmSource, Ticker } from './bulletin.jobs';
export { audienceOf, reachOf, type Audience, type Reach } from './audience';
export { publisherAccess, reaches, requirePublisher } from './bulletin.policy';
export type { PublisherAccess } from './bulletin.policy';
export { Notifier } from './notify';
export { timeZoneOf } from './digest.service';
