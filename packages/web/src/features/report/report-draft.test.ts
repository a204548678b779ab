import { describe, expect, it } from 'vitest';
import type { Area } from '@tocsin/core/api/membership';
import { gazetteerSchema } from '@tocsin/core/places/gazetteer-schema';
import { buildPlaceIndex } from '@tocsin/core/places/resolve-place';
import { fillFromText } from './paste-fill';
import { draftProblems, draftToBody, EMPTY_DRAFT } from './report-draft';

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

  it('a quick choice is sent as its code, never as the words on its button', () => {
    const draft = { ...EMPTY_DRAFT, activityCode: 'checkpoint' as const, areaId: 'a1' };
    expect(draftProblems(draft)).toEqual([]);
    expect(draftToBody(draft, '0b7c6f1e-3f1a-4c55-9d55-6c2f3a1b2c3d').salute).toEqual({
      activityCode: 'checkpoint',
    });
    expect(
      draftToBody({ ...draft, activity: ' en la 38 ' }, '0b7c6f1e-3f1a-4c55-9d55-6c2f3a1b2c3d')
        .salute,
    ).toEqual({ activityCode: 'checkpoint', activity: 'en la 38' });
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

  it('selects the quick choice a pasted message names, keeps one already tapped, and none when negated', () => {
    const spanish = 'tocando puertas en la 35 y Cedar, 4 agentes';
    expect(fillFromText(EMPTY_DRAFT, spanish, context).draft.activityCode).toBe('doors');
    const tapped = { ...EMPTY_DRAFT, activityCode: 'checkpoint' as const };
    expect(fillFromText(tapped, spanish, context).draft.activityCode).toBe('checkpoint');
    expect(
      fillFromText(EMPTY_DRAFT, 'ya no hay retén en la Lake', context).draft.activityCode,
    ).toBeNull();
    // A choice read from a first paste follows a corrected paste; a tapped one does not.
    const first = fillFromText(EMPTY_DRAFT, spanish, context).draft;
    const corrected = fillFromText(first, 'falsa alarma, no tocaban puertas', context).draft;
    expect(corrected.activityCode).toBeNull();
    const retapped = { ...first, activityCode: 'doors' as const, activityCodeFromPaste: false };
    expect(fillFromText(retapped, 'falsa alarma', context).draft.activityCode).toBe('doors');
    // What is sent is the member's tap: the code travels as their quick choice.
    const { draft } = fillFromText(EMPTY_DRAFT, 'deteniendo a alguien en Lake', context);
    expect(
      draftToBody({ ...draft, areaId: 'a1' }, '3f1c2b7e-8a4d-4c1e-9f2a-6b5d4e3c2a10').salute,
    ).toMatchObject({
      activityCode: 'detaining',
    });
  });

  it('says so when nothing could be read', () => {
    expect(fillFromText(EMPTY_DRAFT, '   ', context).filled).toBe(false);
  });
});

describe('a pasted message with a place (issue 20)', () => {
  const places = buildPlaceIndex(
    gazetteerSchema.parse({
      source: 'test',
      license: 'CC0-1.0',
      streets: [
        {
          name: 'E Lake St',
          aliases: ['lake'],
          line: [
            [-93.3, 44.9485],
            [-93.2, 44.9485],
          ],
        },
        {
          name: 'Bloomington Ave',
          line: [
            [-93.2526, 44.97],
            [-93.2526, 44.9],
          ],
        },
      ],
    }),
  );
  const withPlaces = { ...context, places };
  const text = '3 camionetas y 2 agentes con chalecos en Lake y Bloomington hace 10 min';

  it('fills every field and uses the place in the text when the phone is near it', () => {
    const near = { lat: 44.949, lng: -93.2531, accuracy: 20 };
    const { draft, choice } = fillFromText({ ...EMPTY_DRAFT, position: near }, text, withPlaces);
    expect(draft).toMatchObject({
      size: '2 agentes',
      uniform: 'chalecos',
      equipment: '3 camionetas',
      time: 'hace 10 min',
      placeText: 'Lake y Bloomington',
      position: { lat: 44.9485, lng: -93.2526, fromText: 'E Lake St & Bloomington Ave' },
      gpsFix: near,
    });
    expect(choice.use).toBe('text');
  });

  it('asks (no position chosen) when the phone is more than 300 m from the text place', () => {
    const far = { lat: 44.97, lng: -93.27, accuracy: 20 };
    const { draft, choice } = fillFromText({ ...EMPTY_DRAFT, position: far }, text, withPlaces);
    expect(choice).toMatchObject({ use: 'ask', reason: 'disagree' });
    expect(draft.position).toBeNull();
    expect(draft.gpsFix).toEqual(far);
    expect(draft.textPlace?.label).toBe('E Lake St & Bloomington Ave');
  });

  it('asks for a place when the message names none and there is no position', () => {
    const { choice } = fillFromText(EMPTY_DRAFT, 'migra, cuidado, 2 trocas', withPlaces);
    expect(choice).toEqual({ use: 'ask', reason: 'none' });
  });
});
