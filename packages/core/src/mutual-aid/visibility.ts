/**
 * Who sees what of a request. The board shows category, area, urgency and age to everyone; the
 * coordinators also see the description and the requester's handle (never more); the matched
 * volunteer sees the handle and the thread; the requester sees all of their own. Nobody else sees
 * who asked, in any view or export.
 */
export type AidAudience = 'public' | 'coordinator' | 'volunteer' | 'requester';

export const AID_FIELDS = [
  'category',
  'areaId',
  'urgency',
  'ageHours',
  'description',
  'requesterHandle',
  'thread',
] as const;
export type AidField = (typeof AID_FIELDS)[number];

const VISIBLE: Record<AidAudience, readonly AidField[]> = {
  public: ['category', 'areaId', 'urgency', 'ageHours'],
  coordinator: ['category', 'areaId', 'urgency', 'ageHours', 'description', 'requesterHandle'],
  volunteer: [
    'category',
    'areaId',
    'urgency',
    'ageHours',
    'description',
    'requesterHandle',
    'thread',
  ],
  requester: [
    'category',
    'areaId',
    'urgency',
    'ageHours',
    'description',
    'requesterHandle',
    'thread',
  ],
};

/**
 * The audience a viewer belongs to for one request. The requester and the matched volunteer come
 * first (a coordinator who asked is a requester); a coordinator never sees the thread.
 */
export function aidAudience(viewer: {
  isRequester: boolean;
  isMatchedVolunteer: boolean;
  isCoordinator: boolean;
}): AidAudience {
  if (viewer.isRequester) return 'requester';
  if (viewer.isMatchedVolunteer) return 'volunteer';
  if (viewer.isCoordinator) return 'coordinator';
  return 'public';
}

export function aidVisible(audience: AidAudience, field: AidField): boolean {
  return VISIBLE[audience].includes(field);
}

/** Keeps only the fields the audience may see; every other key of `view` is dropped. */
export function aidRedact<T extends Partial<Record<AidField, unknown>>>(
  audience: AidAudience,
  view: T,
): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(view) as (keyof T & string)[]) {
    if ((AID_FIELDS as readonly string[]).includes(key) && aidVisible(audience, key as AidField)) {
      out[key] = view[key];
    }
  }
  return out;
}
