import { describe, expect, it } from 'vitest';
import type { Area, Me } from '@tocsin/core/api/membership';
import { isOrganizer, organizedAreas } from './organized-areas';

const area = (id: string, kind: Area['kind'], parentId: string | null): Area => ({
  id,
  slug: id,
  name: id,
  kind,
  parentId,
});
const AREAS = [
  area('phillips', 'neighborhood', 'city'),
  area('city', 'city', null),
  area('powderhorn', 'neighborhood', 'city'),
  area('bakery', 'workplace', 'powderhorn'),
];
const me = (roles: Me['roles'], status: Me['status'] = 'active'): Me => ({
  id: 'me',
  handle: 'quiet-heron-4821',
  displayName: null,
  status,
  sponsorId: null,
  language: null,
  roles,
  calendarUrl: '/api/v1/me/calendar.ics?key=k',
});

describe('organizer pages', () => {
  it('are for active organizers and admins only', () => {
    expect(isOrganizer(me([{ areaId: 'powderhorn', role: 'organizer' }]))).toBe(true);
    expect(isOrganizer(me([{ areaId: 'city', role: 'admin' }]))).toBe(true);
    expect(isOrganizer(me([{ areaId: 'city', role: 'verifier' }]))).toBe(false);
    expect(isOrganizer(me([{ areaId: 'powderhorn', role: 'organizer' }], 'probation'))).toBe(false);
  });

  it('cover the areas organized and every area under them, the city first', () => {
    const ids = (m: Me) => organizedAreas(m, AREAS).map((a) => a.id);
    expect(ids(me([{ areaId: 'powderhorn', role: 'organizer' }]))).toEqual([
      'powderhorn',
      'bakery',
    ]);
    expect(ids(me([{ areaId: 'city', role: 'organizer' }]))).toEqual([
      'city',
      'phillips',
      'powderhorn',
      'bakery',
    ]);
    expect(ids(me([{ areaId: 'city', role: 'admin' }]))).toHaveLength(4);
    expect(ids(me([{ areaId: 'powderhorn', role: 'verifier' }]))).toEqual([]);
  });
});
