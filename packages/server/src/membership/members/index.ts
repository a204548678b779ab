// Public surface of membership/members: other modules import from here, never from its files.
export { randomHandle } from './handles';
export {
  findMember,
  findMemberByHandle,
  grantRoles,
  handleTaken,
  insertMember,
} from './members.repository';
export { getMe, updateMe } from './members.service';
