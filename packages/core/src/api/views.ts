// Shapes of API answers that the server presents and the web app reads: one definition for both,
// so a field renamed on one side fails to compile on the other.

/** GET /areas/:areaId/stats: the area and the areas under it, no one named. */
export interface AreaStatsView {
  areaId: string;
  days: number;
  incidents: number;
  falseAlarmRate: number;
  medianMinutesToCorroborate: number | null;
  medianMinutesToConfirm: number | null;
  alertsDelivered: number;
}

/** A working group of an area, as GET /areas/:areaId/groups lists it for one member. */
export interface GroupView {
  id: string;
  slug: string;
  name: string;
  isDefault: boolean;
  memberCount: number;
  joined: boolean;
}

/** GET /groups/:groupId/members */
export interface GroupMemberView {
  id: string;
  handle: string;
  displayName: string | null;
}
