// Public surface of membership/invites: other modules import from here, never from its files.
export { revokeUnusedInvites } from './invites.repository';
export { INVITE_FAILURE_QUOTA, limitInviteFailures } from './invite-attempts';
export {
  createInvite,
  InviteGoneError,
  InviteInvalidError,
  inviteCodeHash,
  redeemInvite,
  requireUsableInvite,
} from './invites.service';
