// Public surface of membership/groups: other modules import from here, never from its files.
export { ensureDefaultGroups } from './groups.repository';
