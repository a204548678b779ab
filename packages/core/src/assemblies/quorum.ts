/** A meeting's quorum: a number of members present, or a percent of the roll. */
export type Quorum = { readonly members: number } | { readonly percent: number };

/** How many must be present for the quorum, for a roll of `rollSize` (0 when there is none). */
export function requiredAttendance(quorum: Quorum | null, rollSize: number): number {
  if (quorum === null) return 0;
  if ('members' in quorum) return Math.max(0, Math.ceil(quorum.members));
  return Math.max(0, Math.ceil((quorum.percent * Math.max(0, rollSize)) / 100));
}

/** Whether `attendance` members present make the quorum. */
export function isQuorate(quorum: Quorum | null, attendance: number, rollSize: number): boolean {
  return attendance >= requiredAttendance(quorum, rollSize);
}
