import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor, Incident, IncidentReport, IncidentState, MemberRole } from './incident';
import { isOpen, openRank } from './incident';
import { isConfirmedBy, isCorroborated } from './roles';
import type { VerificationOutcome } from './state-machine';
import {
  applyEnd,
  applyMerge,
  applyReport,
  applyVerification,
  openIncident,
} from './state-machine';
import { buildIncident, LAKE_AND_CHICAGO, MIN, T0 } from './test-factories';
import type { Result, TimelineEntry, Transition } from './transition';

const ROLES: MemberRole[] = ['member', 'verifier', 'dispatcher', 'responder', 'admin'];
const MEMBERS = Array.from({ length: 8 }, (_, i) => `m${i}`);
// A small vouch forest: m0 and m1 are roots; the rest hang below them.
const SPONSOR: Record<string, string | null> = {
  m0: null,
  m1: null,
  m2: 'm0',
  m3: 'm0',
  m4: 'm1',
  m5: 'm2',
  m6: 'm2',
  m7: 'm4',
};

const actor = fc.record({
  memberId: fc.constantFrom(...MEMBERS),
  role: fc.constantFrom(...ROLES),
  onShift: fc.boolean(),
});
const event = fc.oneof(
  fc.record({ type: fc.constant('report' as const), actor }),
  fc.record({
    type: fc.constant('verify' as const),
    actor,
    outcome: fc.constantFrom<VerificationOutcome>('confirmed', 'false_alarm', 'not_seen'),
  }),
  fc.record({
    type: fc.constant('end' as const),
    by: fc.oneof(fc.constant('auto' as const), actor),
  }),
  fc.record({
    type: fc.constant('merge' as const),
    by: fc.oneof(fc.constant('auto' as const), actor),
    otherState: fc.constantFrom<IncidentState>('reported', 'corroborated', 'confirmed', 'ended'),
    other: fc.constantFrom(...MEMBERS),
    absorbOther: fc.boolean(),
  }),
);
type Event = typeof event extends fc.Arbitrary<infer E> ? E : never;

const LEGAL: Record<IncidentState, readonly IncidentState[]> = {
  reported: ['reported', 'corroborated', 'confirmed', 'false_alarm', 'ended', 'merged'],
  corroborated: ['corroborated', 'confirmed', 'false_alarm', 'ended', 'merged'],
  confirmed: ['confirmed', 'false_alarm', 'ended', 'merged'],
  false_alarm: [],
  ended: [],
  merged: [],
};

function reportBy(a: Actor, at: number): IncidentReport {
  return { ...a, sponsorId: SPONSOR[a.memberId] ?? null, at };
}

function verifierOf(a: Actor) {
  return { ...a, sponsorId: SPONSOR[a.memberId] ?? null };
}

function apply(incident: Incident, e: Event, at: number): Result<Transition> {
  switch (e.type) {
    case 'report':
      return applyReport(incident, reportBy(e.actor, at));
    case 'verify':
      return applyVerification(incident, e.outcome, verifierOf(e.actor), at);
    case 'end':
      return applyEnd(incident, e.by, at);
    case 'merge': {
      const other = buildIncident({
        id: 'other',
        state: e.otherState,
        reporters: [{ memberId: e.other, sponsorId: SPONSOR[e.other] ?? null }],
        corroboratedAt: e.otherState === 'reported' ? null : T0,
        confirmedAt: e.otherState === 'confirmed' ? T0 : null,
        trustedReport: e.otherState === 'corroborated',
      });
      const merged = e.absorbOther
        ? applyMerge(other, incident, e.by, at)
        : applyMerge(incident, other, e.by, at);
      if (!merged.ok) return merged;
      return { ok: true, value: e.absorbOther ? merged.value.into : merged.value.from };
    }
  }
}

function expectWellFormed(i: Incident): void {
  expect(new Set(i.reporters.map((r) => r.memberId)).size).toBe(i.reporters.length);
  if (i.state === 'reported') {
    expect(isCorroborated(i.reporters, i.trustedReport)).toBe(false);
    expect(i.corroboratedAt).toBeNull();
  }
  // Corroborated by independent reports, a trusted report or one confirmation short of two.
  if (i.state === 'corroborated') {
    expect(isCorroborated(i.reporters, i.trustedReport) || i.confirmers.length > 0).toBe(true);
  }
  if (i.state === 'corroborated' || i.state === 'confirmed')
    expect(i.corroboratedAt).not.toBeNull();
  if (i.state === 'confirmed') expect(i.confirmedAt).not.toBeNull();
  expect(i.closedAt === null).toBe(isOpen(i.state));
  expect(i.mergedInto === null).toBe(i.state !== 'merged');
}

describe('incident state machine (properties)', () => {
  it('never reaches an illegal state, keeps terminal states terminal and logs every transition', () => {
    fc.assert(
      fc.property(actor, fc.array(event, { maxLength: 25 }), (first, events) => {
        const opened = openIncident(
          { id: 'inc', ...LAKE_AND_CHICAGO, areaId: null },
          reportBy(first, T0),
        );
        let incident = opened.incident;
        const timeline: TimelineEntry[] = [...opened.timeline];
        const states: IncidentState[] = [incident.state];
        expectWellFormed(incident);
        events.forEach((e, n) => {
          const result = apply(incident, e, T0 + (n + 1) * MIN);
          if (!isOpen(incident.state)) {
            expect(result.ok).toBe(false);
          }
          if (!result.ok) return;
          const next = result.value.incident;
          expect(LEGAL[incident.state]).toContain(next.state);
          if (isOpen(incident.state) && isOpen(next.state)) {
            expect(openRank(next.state)).toBeGreaterThanOrEqual(openRank(incident.state));
          }
          expect(result.value.timeline[0]?.from).toBe(incident.state);
          expect(result.value.timeline.at(-1)?.to).toBe(next.state);
          expectWellFormed(next);
          timeline.push(...result.value.timeline);
          states.push(next.state);
          incident = next;
        });
        // One line per accepted event, chained: replaying the timeline gives every state passed.
        expect(timeline.map((t) => t.to)).toEqual(states);
        for (const [k, t] of timeline.entries()) {
          if (k > 0) expect(t.from).toBe(timeline[k - 1]?.to);
          expect([...ROLES, 'system']).toContain(t.actorRole);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('never sends a general alert for any number of reports by one family of plain members', () => {
    const family = fc.constantFrom('m2', 'm5', 'm6'); // m2 and its two invitees
    fc.assert(
      fc.property(family, fc.array(family, { maxLength: 20 }), (first, rest) => {
        const plain = (memberId: string, at: number) =>
          reportBy({ memberId, role: 'member', onShift: false }, at);
        const opened = openIncident(
          { id: 'inc', ...LAKE_AND_CHICAGO, areaId: null },
          plain(first, T0),
        );
        let incident = opened.incident;
        const kinds = opened.alerts.map((a) => a.kind);
        for (const [n, id] of rest.entries()) {
          const result = applyReport(incident, plain(id, T0 + n * MIN));
          if (!result.ok) throw new Error('refused');
          kinds.push(...result.value.alerts.map((a) => a.kind));
          incident = result.value.incident;
        }
        expect(kinds.filter((k) => k !== 'reported')).toEqual([]);
      }),
    );
  });

  it('confirms only on a confirmation that makes two independent outside confirmers', () => {
    const verifying = fc.array(
      fc.oneof(
        fc.record({ type: fc.constant('report' as const), actor }),
        fc.record({
          type: fc.constant('verify' as const),
          actor,
          outcome: fc.constant<VerificationOutcome>('confirmed'),
        }),
      ),
      { maxLength: 20 },
    );
    fc.assert(
      fc.property(actor, verifying, (first, events) => {
        let incident = openIncident(
          { id: 'inc', ...LAKE_AND_CHICAGO, areaId: null },
          reportBy(first, T0),
        ).incident;
        for (const [n, e] of events.entries()) {
          const result = apply(incident, e, T0 + (n + 1) * MIN);
          if (!result.ok) continue;
          const next = result.value.incident;
          if (next.state === 'confirmed' && incident.state !== 'confirmed') {
            expect(e.type).toBe('verify');
            expect(isConfirmedBy(next.confirmers, next.reporters)).toBe(true);
            expect(isConfirmedBy(incident.confirmers, incident.reporters)).toBe(false);
          }
          incident = next;
        }
      }),
      { numRuns: 400 },
    );
  });

  it('one family confirms nothing: invitees of one sponsor never confirm what the family reported', () => {
    const family = fc.constantFrom('m2', 'm5', 'm6', 'm0', 'm3'); // m0, its invitees and theirs
    const staff = fc.constantFrom<MemberRole>('verifier', 'dispatcher', 'admin', 'responder');
    fc.assert(
      fc.property(
        family,
        fc.array(fc.tuple(family, staff, fc.boolean()), { maxLength: 20 }),
        (first, steps) => {
          const opened = openIncident(
            { id: 'inc', ...LAKE_AND_CHICAGO, areaId: null },
            reportBy({ memberId: first, role: 'member', onShift: false }, T0),
          );
          let incident = opened.incident;
          for (const [n, [memberId, role, confirm]] of steps.entries()) {
            const who = { memberId, role, onShift: false };
            const at = T0 + (n + 1) * MIN;
            const result = confirm
              ? applyVerification(incident, 'confirmed', verifierOf(who), at)
              : applyReport(incident, reportBy(who, at));
            if (result.ok) incident = result.value.incident;
          }
          expect(incident.state).not.toBe('confirmed');
        },
      ),
    );
  });
});
