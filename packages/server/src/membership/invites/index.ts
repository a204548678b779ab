// Public surface of membership/invites: other modules import from here, never from its files.
export { revokeUnusedInvites } from './invites.repository';
export {
  InviteInvalidError,
  inviteCodeHash,
  redeemInvite,
  requireUsableInvite,
} from './invites.service';
