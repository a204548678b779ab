import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AlertDecision, AlertKind } from './alert-policy';
import {
  alertsFor,
  audienceIncludes,
  mergeDeliveryLogs,
  recipientsFor,
  recordDelivery,
} from './alert-policy';
import type { IncidentState } from './incident';

const log = (entries: Record<string, AlertKind[]>) =>
  new Map(Object.entries(entries).map(([id, kinds]) => [id, new Set(kinds)]));
const decision = (kind: AlertKind, audience: AlertDecision['audience']): AlertDecision => ({
  incidentId: 'inc',
  kind,
  audience,
});

describe('alertsFor', () => {
  it.each<[IncidentState | null, IncidentState, [AlertKind, string][]]>([
    [null, 'reported', [['reported', 'staff']]],
    [
      null,
      'corroborated',
      [
        ['reported', 'staff'],
        ['unconfirmed', 'unconfirmed'],
      ],
    ],
    ['reported', 'corroborated', [['unconfirmed', 'unconfirmed']]],
    ['reported', 'confirmed', [['confirmed', 'everyone']]],
    ['corroborated', 'confirmed', [['confirmed', 'everyone']]],
    ['reported', 'false_alarm', [['retraction', 'delivered']]],
    ['confirmed', 'false_alarm', [['retraction', 'delivered']]],
    ['corroborated', 'ended', [['all_clear', 'delivered']]],
    ['confirmed', 'merged', [['update', 'delivered']]],
    ['corroborated', 'corroborated', []],
    ['confirmed', 'confirmed', []],
  ])('%s → %s', (from, to, expected) => {
    expect(alertsFor('inc', from, to).map((a) => [a.kind, a.audience])).toEqual(expected);
  });

  it('names the surviving incident in an update', () => {
    expect(alertsFor('a', 'reported', 'merged', 'b')).toEqual([
      { incidentId: 'a', kind: 'update', audience: 'delivered', mergedInto: 'b' },
    ]);
  });
});

describe('audienceIncludes', () => {
  it('sends staff alerts to staff, unconfirmed to those who want them, confirmed to all', () => {
    const plain = { staff: false, minLevel: 'confirmed' } as const;
    const eager = { staff: false, minLevel: 'unconfirmed' } as const;
    const staff = { staff: true, minLevel: 'confirmed' } as const;
    expect([plain, eager, staff].map((p) => audienceIncludes('staff', p))).toEqual([
      false,
      false,
      true,
    ]);
    expect([plain, eager, staff].map((p) => audienceIncludes('unconfirmed', p))).toEqual([
      false,
      true,
      false,
    ]);
    expect([plain, eager, staff].map((p) => audienceIncludes('everyone', p))).toEqual([
      true,
      true,
      true,
    ]);
  });
});

describe('recipientsFor', () => {
  it('skips members who already got this kind for this incident', () => {
    const delivered = log({ a: ['unconfirmed'], b: ['reported'] });
    expect(
      recipientsFor(decision('unconfirmed', 'unconfirmed'), new Set(['a', 'b', 'c']), delivered),
    ).toEqual(new Set(['b', 'c']));
  });

  it('sends retractions to everyone ever alerted, in range or not, and nobody else', () => {
    const delivered = log({ far: ['confirmed'], staff: ['reported'], gone: [] });
    expect(
      recipientsFor(decision('retraction', 'delivered'), new Set(['near']), delivered),
    ).toEqual(new Set(['far', 'staff']));
  });

  it('never tells anyone the same thing twice, and retracts from all it reached', () => {
    const members = ['a', 'b', 'c', 'd', 'e', 'f'];
    const step = fc.record({
      kind: fc.constantFrom<AlertKind>('reported', 'unconfirmed', 'confirmed', 'update'),
      audience: fc.constantFrom('staff', 'unconfirmed', 'everyone', 'delivered'),
      inRange: fc.subarray(members),
    });
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 12 }),
        fc.constantFrom<AlertKind>('retraction', 'all_clear'),
        fc.subarray(members),
        (steps, last, nowInRange) => {
          let delivered = new Map<string, Set<AlertKind>>();
          const sent: string[] = [];
          for (const s of [
            ...steps,
            { kind: last, audience: 'delivered' as const, inRange: nowInRange },
          ]) {
            const reached = new Set([...delivered].filter(([, k]) => k.size > 0).map(([id]) => id));
            const to = recipientsFor(decision(s.kind, s.audience), new Set(s.inRange), delivered);
            if (s.kind === last) expect(to).toEqual(reached);
            for (const id of to) sent.push(`${id}:${s.kind}`);
            delivered = recordDelivery(delivered, s.kind, to);
          }
          expect(new Set(sent).size).toBe(sent.length);
        },
      ),
    );
  });
});

describe('recordDelivery and mergeDeliveryLogs', () => {
  it('records without mutating the old log', () => {
    const before = log({ a: ['reported'] });
    const after = recordDelivery(before, 'confirmed', ['a', 'b']);
    expect(after).toEqual(log({ a: ['reported', 'confirmed'], b: ['confirmed'] }));
    expect(before).toEqual(log({ a: ['reported'] }));
  });

  it('carries what the absorbed incident told people, but not its update', () => {
    const merged = mergeDeliveryLogs(
      log({ a: ['unconfirmed', 'update'], b: ['update'] }),
      log({ a: ['reported'], c: ['confirmed'] }),
    );
    expect(merged).toEqual(log({ a: ['reported', 'unconfirmed'], c: ['confirmed'] }));
    expect(
      recipientsFor(decision('unconfirmed', 'unconfirmed'), new Set(['a', 'c']), merged),
    ).toEqual(new Set(['c']));
    expect(recipientsFor(decision('all_clear', 'delivered'), new Set(), merged)).toEqual(
      new Set(['a', 'c']),
    );
  });
});
