// Public surface of membership/areas: other modules import from here, never from its files.
export type { AreaSnapshot } from './area-directory';
export { belongsToArea, canOrganize, canSeeArea } from './areas.policy';
export { lockAreas } from './areas.repository';
export { requireOrganizer, visibleArea } from './areas.service';
export { slugOf, uniqueSlug } from './unique-slug';
