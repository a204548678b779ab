const MINUTE_MS = 60_000;

/** Per-member and per-sponsor-family report limits: one phone, or one invite tree, cannot flood. */
export const REPORT_LIMITS = {
  windowMs: 10 * MINUTE_MS,
  perMember: 10,
  perSponsorFamily: 40,
} as const;
