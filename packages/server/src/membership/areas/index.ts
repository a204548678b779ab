// Public surface of membership/areas: other modules import from here, never from its files.
export type { AreaSnapshot } from './area-directory';
export { belongsToArea, canOrganize, canSeeArea } from './areas.policy';
export { grantRole as grantAreaRole, lockAreas } from './areas.repository';
export { createWorkplace, requireOrganizer, visibleArea } from './areas.service';
export { slugOf, uniqueSlug } from './unique-slug';
