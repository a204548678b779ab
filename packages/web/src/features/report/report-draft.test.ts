import { describe, expect, it } from 'vitest';
import type { Area } from '@tocsin/core/api/membership';
import { draftProblems, draftToBody, EMPTY_DRAFT, fillFromText } from './report-draft';

const areas: Area[] = [
  {
    id: 'a1',
    slug: 'powderhorn-park',
    name: 'Powderhorn Park',
    kind: 'neighborhood',
    parentId: 'c',
  },
  { id: 'a2', slug: 'phillips', name: 'East Phillips', kind: 'neighborhood', parentId: 'c' },
  { id: 'c', slug: 'minneapolis', name: 'Minneapolis', kind: 'city', parentId: null },
];
const context = { timeZone: 'America/Chicago', areas };

describe('the report draft', () => {
  it('needs an activity and a place (coordinates or a neighborhood), and real plates', () => {
    expect(draftProblems(EMPTY_DRAFT).map((p) => p.kind)).toEqual([
      'missingActivity',
      'missingPlace',
    ]);
    const draft = { ...EMPTY_DRAFT, activity: 'checkpoint', areaId: 'a1', plates: 'MN ABC123, !!' };
    expect(draftProblems(draft)).toEqual([{ field: 'plates', kind: 'plateInvalid', plate: '!!' }]);
  });

  it('sends only what was filled in, under the given id', () => {
    const body = draftToBody(
      {
        ...EMPTY_DRAFT,
        activity: '  agents detaining a man ',
        position: { lat: 44.9475, lng: -93.2555, accuracy: 20 },
        placeText: 'by the lake',
        plates: 'mn abc 123',
      },
      '0b7c6f1e-3f1a-4c55-9d55-6c2f3a1b2c3d',
    );
    expect(body).toEqual({
      id: '0b7c6f1e-3f1a-4c55-9d55-6c2f3a1b2c3d',
      salute: {
        activity: 'agents detaining a man',
        location: { lat: 44.9475, lng: -93.2555, text: 'by the lake' },
      },
      plates: ['mn abc 123'],
    });
  });

  it('fills the form from a pasted message, keeping what the member typed', () => {
    const { draft, filled } = fillFromText(
      { ...EMPTY_DRAFT, size: 'two' },
      'S: 3 agents\nA: detaining a man\nL: Powderhorn Park by the lake\nplate MN ABC 123',
      context,
    );
    expect(filled).toBe(true);
    expect(draft).toMatchObject({
      activity: 'detaining a man',
      size: 'two',
      placeText: 'Powderhorn Park by the lake',
      areaId: 'a1',
      plates: 'MN ABC123',
    });
  });

  it('says so when nothing could be read', () => {
    expect(fillFromText(EMPTY_DRAFT, '   ', context).filled).toBe(false);
  });
});
