import type { TFunction } from 'i18next';
import { PasskeyCancelledError } from '../passkeys';
import { ApiError } from './client';

// Codes with their own plain-words explanation; others fall back to the server's message.
const KNOWN = [
  'network',
  'unauthorized',
  'forbidden',
  'not_found',
  'invite_invalid',
  'rate_limited',
  'login_failed',
  'recovery_failed',
  'credential_taken',
  'passkey_rejected',
  'probation',
  'incident_closed',
  'unavailable',
  'organizer_only',
  'members_only',
  'sponsor_cannot_vouch',
  'not_on_probation',
  'not_suspended',
  'invite_quota',
  'plate_lookup_rate_limited',
  'self_grant',
  'sponsor_grant',
  'same_granter',
  'admin_only',
  'last_admin',
  'admin_role_first',
  'grant_expired',
  'grant_decided',
  'countersign_required',
  'invite_gone',
  'invite_attempts',
  'recovery_locked',
] as const;

type KnownCode = (typeof KNOWN)[number];

function isKnown(code: string): code is KnownCode {
  return (KNOWN as readonly string[]).includes(code);
}

/** Any error, in words a member understands, in their language. */
export function describeError(error: unknown, t: TFunction): string {
  if (error instanceof PasskeyCancelledError) return t('errors.passkey_cancelled');
  if (!(error instanceof ApiError)) {
    return t('errors.unknown', { detail: error instanceof Error ? error.message : String(error) });
  }
  if (isKnown(error.code)) return t(`errors.${error.code}`);
  if (error.code === 'validation_failed')
    return t('errors.validation_failed', { detail: error.message });
  if (error.status >= 500) return t('errors.server');
  return t('errors.unknown', { detail: error.message });
}
