import { describe, expect, it } from 'vitest';
import type { Incident, Verifier } from './incident';
import {
  applyEnd,
  applyMerge,
  applyReport,
  applyVerification,
  openIncident,
  shouldAutoEnd,
} from './state-machine';
import type { Result } from './transition';
import {
  buildActor,
  buildIncident,
  buildReport,
  LAKE_AND_CHICAGO,
  MIN,
  T0,
} from './test-factories';

const origin = { id: 'inc-1', ...LAKE_AND_CHICAGO, areaId: 'powderhorn' };
const verifier = buildActor();
const member = buildActor({ memberId: 'm9', role: 'member' });

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`refused: ${result.error.code}`);
  return result.value;
}

describe('openIncident', () => {
  it('opens as reported and dispatches to staff', () => {
    const t = openIncident(origin, buildReport());
    expect(t.incident).toMatchObject({
      state: 'reported',
      firstReportAt: T0,
      corroboratedAt: null,
    });
    expect(t.timeline).toEqual([
      { at: T0, kind: 'opened', from: null, to: 'reported', actorRole: 'member' },
    ]);
    expect(t.alerts).toEqual([{ incidentId: 'inc-1', kind: 'reported', audience: 'staff' }]);
  });

  it('opens corroborated when a verifier or on-shift responder reports', () => {
    for (const r of [
      buildReport({ role: 'verifier' }),
      buildReport({ role: 'responder', onShift: true }),
    ]) {
      const t = openIncident(origin, r);
      expect(t.incident).toMatchObject({
        state: 'corroborated',
        corroboratedAt: T0,
        trustedReport: true,
      });
      expect(t.alerts.map((a) => a.kind)).toEqual(['reported', 'unconfirmed']);
    }
  });

  it('does not trust an off-shift responder or a dispatcher on their own', () => {
    expect(
      openIncident(origin, buildReport({ role: 'responder', onShift: false })).incident.state,
    ).toBe('reported');
    expect(openIncident(origin, buildReport({ role: 'dispatcher' })).incident.state).toBe(
      'reported',
    );
  });
});

describe('applyReport', () => {
  const incident = buildIncident();

  it('corroborates on a second independent reporter', () => {
    const t = value(
      applyReport(incident, buildReport({ memberId: 'm2', sponsorId: 's2', at: T0 + 5 * MIN })),
    );
    expect(t.incident).toMatchObject({
      state: 'corroborated',
      corroboratedAt: T0 + 5 * MIN,
      lastReportAt: T0 + 5 * MIN,
    });
    expect(t.timeline).toEqual([
      {
        at: T0 + 5 * MIN,
        kind: 'report',
        from: 'reported',
        to: 'corroborated',
        actorRole: 'member',
      },
    ]);
    expect(t.alerts).toEqual([
      { incidentId: 'inc-1', kind: 'unconfirmed', audience: 'unconfirmed' },
    ]);
  });

  it('does not corroborate on a sibling, the sponsor, or the same member again', () => {
    for (const r of [
      buildReport({ memberId: 'm2', sponsorId: 's1' }),
      buildReport({ memberId: 's1', sponsorId: 'root' }),
      buildReport({ memberId: 'm1', sponsorId: 's1', at: T0 + MIN }),
    ]) {
      const t = value(applyReport(incident, r));
      expect(t.incident.state).toBe('reported');
      expect(t.alerts).toEqual([]);
      expect(t.timeline).toHaveLength(1);
    }
    expect(
      value(applyReport(incident, buildReport({ at: T0 + MIN }))).incident.reporters,
    ).toHaveLength(1);
  });

  it('does not corroborate on a member on probation, and keeps their report', () => {
    const t = value(
      applyReport(incident, buildReport({ memberId: 'm2', sponsorId: 's2', vouched: false })),
    );
    expect(t.incident.state).toBe('reported');
    expect(t.alerts).toEqual([]);
    expect(t.incident.reporters).toEqual([
      { memberId: 'm1', sponsorId: 's1' },
      { memberId: 'm2', sponsorId: 's2', vouched: false },
    ]);
    // A second vouched, independent reporter does corroborate.
    const next = value(
      applyReport(t.incident, buildReport({ memberId: 'm3', sponsorId: 's3', at: T0 + MIN })),
    );
    expect(next.incident.state).toBe('corroborated');
  });

  it('does not corroborate when the first reporter was on probation', () => {
    const opened = buildIncident({
      reporters: [{ memberId: 'm1', sponsorId: 's1', vouched: false }],
    });
    const t = value(applyReport(opened, buildReport({ memberId: 'm2', sponsorId: 's2' })));
    expect(t.incident.state).toBe('reported');
  });

  it('corroborates on one report by a verifier', () => {
    const t = value(
      applyReport(incident, buildReport({ memberId: 'v1', sponsorId: 's1', role: 'verifier' })),
    );
    expect(t.incident.state).toBe('corroborated');
  });

  it('keeps corroborated and confirmed as they are, sending nothing new', () => {
    for (const state of ['corroborated', 'confirmed'] as const) {
      const t = value(
        applyReport(buildIncident({ state }), buildReport({ memberId: 'm2', sponsorId: 's2' })),
      );
      expect(t.incident.state).toBe(state);
      expect(t.alerts).toEqual([]);
    }
  });

  it('keeps first and last report times when reports arrive out of order', () => {
    const t = value(
      applyReport(
        buildIncident({ lastReportAt: T0 + 10 * MIN, lastActivityAt: T0 + 10 * MIN }),
        buildReport({ memberId: 'm2', at: T0 - MIN }),
      ),
    );
    expect(t.incident).toMatchObject({
      firstReportAt: T0 - MIN,
      lastReportAt: T0 + 10 * MIN,
      lastActivityAt: T0 + 10 * MIN,
    });
  });

  it('refuses reports on closed incidents', () => {
    for (const state of ['false_alarm', 'ended', 'merged'] as const) {
      const result = applyReport(buildIncident({ state }), buildReport({ memberId: 'm2' }));
      expect(result).toMatchObject({ ok: false, error: { code: 'incident_closed', state } });
    }
  });
});

describe('applyVerification', () => {
  it('confirms from reported or corroborated on a second independent confirmation, telling everyone in range', () => {
    const second = buildActor({ memberId: 'v2', sponsorId: 'sv2' });
    for (const state of ['reported', 'corroborated'] as const) {
      const once = value(
        applyVerification(buildIncident({ state }), 'confirmed', verifier, T0 + 10 * MIN),
      );
      expect(once.incident).toMatchObject({ state: 'corroborated', confirmedAt: null });
      expect(once.alerts.map((a) => a.kind)).not.toContain('confirmed');
      const t = value(applyVerification(once.incident, 'confirmed', second, T0 + 20 * MIN));
      expect(t.incident).toMatchObject({
        state: 'confirmed',
        confirmedAt: T0 + 20 * MIN,
        lastActivityAt: T0 + 20 * MIN,
      });
      expect(t.timeline).toEqual([
        {
          at: T0 + 20 * MIN,
          kind: 'confirmed',
          from: 'corroborated',
          to: 'confirmed',
          actorRole: 'verifier',
        },
      ]);
      expect(t.alerts).toEqual([{ incidentId: 'inc-1', kind: 'confirmed', audience: 'everyone' }]);
    }
  });

  it("never confirms on one person, two of one family, or a reporter's own invitees", () => {
    const confirmTwice = (incident: Incident, a: Verifier, b: Verifier) => {
      const once = value(applyVerification(incident, 'confirmed', a, T0 + MIN));
      return value(applyVerification(once.incident, 'confirmed', b, T0 + 2 * MIN)).incident;
    };
    const v = (memberId: string, sponsorId: string | null) => buildActor({ memberId, sponsorId });
    // The same verifier twice.
    expect(confirmTwice(buildIncident(), v('v1', 'a'), v('v1', 'a')).state).toBe('corroborated');
    // Two verifiers invited by the same sponsor.
    expect(confirmTwice(buildIncident(), v('v1', 'o'), v('v2', 'o')).state).toBe('corroborated');
    // One verifier invited the other.
    expect(confirmTwice(buildIncident(), v('v1', 'a'), v('v2', 'v1')).state).toBe('corroborated');
    // The reporter (m1, invited by s1) invited one of them, or shares their sponsor.
    expect(confirmTwice(buildIncident(), v('v1', 'a'), v('v2', 'm1')).state).toBe('corroborated');
    expect(confirmTwice(buildIncident(), v('v1', 'a'), v('v2', 's1')).state).toBe('corroborated');
    // The reporter's sponsor confirming their invitee's report.
    expect(confirmTwice(buildIncident(), v('v1', 'a'), v('s1', null)).state).toBe('corroborated');
    // Two outsiders from different families confirm.
    expect(confirmTwice(buildIncident(), v('v1', 'a'), v('v2', 'b')).state).toBe('confirmed');
  });

  it('counts a direct confirmation as reaching general members for time-to-corroborate', () => {
    const t = value(applyVerification(buildIncident(), 'confirmed', verifier, T0 + 9 * MIN));
    expect(t.incident.corroboratedAt).toBe(T0 + 9 * MIN);
  });

  it('records a re-confirmation as activity without a second alert', () => {
    const confirmed = buildIncident({ state: 'confirmed', confirmedAt: T0, corroboratedAt: T0 });
    const t = value(applyVerification(confirmed, 'confirmed', verifier, T0 + 60 * MIN));
    expect(t.incident).toMatchObject({ confirmedAt: T0, lastActivityAt: T0 + 60 * MIN });
    expect(t.alerts).toEqual([]);
    expect(t.timeline[0]).toMatchObject({ from: 'confirmed', to: 'confirmed' });
  });

  it('retracts a false alarm from everyone it reached', () => {
    for (const state of ['reported', 'corroborated', 'confirmed'] as const) {
      const t = value(
        applyVerification(buildIncident({ state }), 'false_alarm', verifier, T0 + MIN),
      );
      expect(t.incident).toMatchObject({ state: 'false_alarm', closedAt: T0 + MIN });
      expect(t.alerts).toEqual([
        { incidentId: 'inc-1', kind: 'retraction', audience: 'delivered' },
      ]);
    }
  });

  it('records not_seen on the timeline without changing state, alerts or activity', () => {
    const incident = buildIncident({ state: 'corroborated' });
    const t = value(applyVerification(incident, 'not_seen', verifier, T0 + 30 * MIN));
    expect(t.incident).toEqual({ ...incident, notSeenCount: 1 });
    expect(t.alerts).toEqual([]);
    expect(t.timeline).toEqual([
      {
        at: T0 + 30 * MIN,
        kind: 'not_seen',
        from: 'corroborated',
        to: 'corroborated',
        actorRole: 'verifier',
      },
    ]);
  });

  it('refuses closed incidents: a false alarm is never re-confirmed', () => {
    for (const state of ['false_alarm', 'ended', 'merged'] as const) {
      for (const outcome of ['confirmed', 'false_alarm', 'not_seen'] as const) {
        expect(applyVerification(buildIncident({ state }), outcome, verifier, T0)).toMatchObject({
          ok: false,
          error: { code: 'incident_closed', state },
        });
      }
    }
  });

  it('lets verifiers, dispatchers and responders verify, and refuses members and admins', () => {
    for (const role of ['verifier', 'dispatcher', 'responder'] as const) {
      const result = applyVerification(buildIncident(), 'confirmed', buildActor({ role }), T0);
      expect(result.ok).toBe(true);
    }
    for (const role of ['member', 'admin'] as const) {
      const result = applyVerification(
        buildIncident(),
        'confirmed',
        buildActor({ role, onShift: true }),
        T0,
      );
      expect(result).toMatchObject({ ok: false, error: { code: 'role_not_allowed' } });
    }
  });
});

describe('applyEnd and shouldAutoEnd', () => {
  it('gives the all clear to everyone alerted', () => {
    const t = value(
      applyEnd(buildIncident({ state: 'confirmed' }), buildActor({ role: 'dispatcher' }), T0 + MIN),
    );
    expect(t.incident).toMatchObject({ state: 'ended', closedAt: T0 + MIN });
    expect(t.timeline).toEqual([
      { at: T0 + MIN, kind: 'all_clear', from: 'confirmed', to: 'ended', actorRole: 'dispatcher' },
    ]);
    expect(t.alerts).toEqual([{ incidentId: 'inc-1', kind: 'all_clear', audience: 'delivered' }]);
  });

  it('ends automatically as the system', () => {
    const t = value(applyEnd(buildIncident(), 'auto', T0 + 180 * MIN));
    expect(t.timeline[0]).toMatchObject({ kind: 'auto_end', actorRole: 'system' });
  });

  it('lets staff end but not plain members or off-shift responders', () => {
    expect(applyEnd(buildIncident(), buildActor({ role: 'responder', onShift: true }), T0).ok).toBe(
      true,
    );
    expect(applyEnd(buildIncident(), buildActor({ role: 'responder' }), T0)).toMatchObject({
      error: { code: 'role_not_allowed' },
    });
    expect(applyEnd(buildIncident(), member, T0)).toMatchObject({
      error: { code: 'role_not_allowed' },
    });
  });

  it('refuses to end what is already closed', () => {
    for (const state of ['false_alarm', 'ended', 'merged'] as const) {
      expect(applyEnd(buildIncident({ state }), 'auto', T0)).toMatchObject({
        error: { code: 'incident_closed' },
      });
    }
  });

  it('is due after the quiet period since the last activity', () => {
    const incident = buildIncident({ lastActivityAt: T0 + 10 * MIN });
    expect(shouldAutoEnd(incident, T0 + 189 * MIN)).toBe(false);
    expect(shouldAutoEnd(incident, T0 + 190 * MIN)).toBe(true);
    expect(shouldAutoEnd(incident, T0 + 40 * MIN, 30)).toBe(true);
    expect(shouldAutoEnd(buildIncident({ state: 'ended' }), T0 + 999 * MIN)).toBe(false);
  });

  it('is not postponed by not_seen checks', () => {
    const t = value(applyVerification(buildIncident(), 'not_seen', verifier, T0 + 170 * MIN));
    expect(shouldAutoEnd(t.incident, T0 + 180 * MIN)).toBe(true);
  });
});

describe('applyMerge', () => {
  const into = buildIncident({ id: 'into' });
  const from = buildIncident({
    id: 'from',
    reporters: [{ memberId: 'm2', sponsorId: 's2' }],
    firstReportAt: T0 - 5 * MIN,
  });

  it('corroborates by the union of independent reporters', () => {
    const m = value(applyMerge(from, into, 'auto', T0 + MIN));
    expect(m.into.incident).toMatchObject({
      id: 'into',
      state: 'corroborated',
      corroboratedAt: T0 + MIN,
      firstReportAt: T0 - 5 * MIN,
    });
    expect(m.into.incident.reporters.map((r) => r.memberId)).toEqual(['m1', 'm2']);
    expect(m.into.timeline).toEqual([
      { at: T0 + MIN, kind: 'absorbed', from: 'reported', to: 'corroborated', actorRole: 'system' },
    ]);
    expect(m.into.alerts).toEqual([
      { incidentId: 'into', kind: 'unconfirmed', audience: 'unconfirmed' },
    ]);
    expect(m.from.incident).toMatchObject({
      state: 'merged',
      mergedInto: 'into',
      closedAt: T0 + MIN,
    });
    expect(m.from.timeline).toEqual([
      { at: T0 + MIN, kind: 'merged_into', from: 'reported', to: 'merged', actorRole: 'system' },
    ]);
    expect(m.from.alerts).toEqual([
      { incidentId: 'from', kind: 'update', audience: 'delivered', mergedInto: 'into' },
    ]);
  });

  it('keeps the further state and the earlier confirmation', () => {
    const confirmed = {
      ...from,
      state: 'confirmed' as const,
      confirmedAt: T0 - MIN,
      corroboratedAt: T0 - 2 * MIN,
    };
    const m = value(applyMerge(confirmed, into, verifier, T0 + MIN));
    expect(m.into.incident).toMatchObject({
      state: 'confirmed',
      confirmedAt: T0 - MIN,
      corroboratedAt: T0 - 2 * MIN,
    });
    expect(m.into.alerts.map((a) => a.kind)).toEqual(['confirmed']);
    const back = value(applyMerge(into, confirmed, verifier, T0 + MIN));
    expect(back.into.alerts).toEqual([]);
  });

  it('sends nothing new to the surviving incident when it gains nothing', () => {
    const m = value(applyMerge(buildIncident({ id: 'from' }), into, 'auto', T0));
    expect(m.into.incident.state).toBe('reported');
    expect(m.into.alerts).toEqual([]);
  });

  it('refuses self-merge, closed incidents and plain members', () => {
    expect(applyMerge(into, into, 'auto', T0)).toMatchObject({ error: { code: 'same_incident' } });
    const ended: Incident = { ...from, state: 'ended' };
    expect(applyMerge(ended, into, 'auto', T0)).toMatchObject({
      error: { code: 'incident_closed', state: 'ended' },
    });
    expect(applyMerge(from, { ...into, state: 'false_alarm' }, 'auto', T0)).toMatchObject({
      error: { code: 'incident_closed', state: 'false_alarm' },
    });
    expect(applyMerge(from, into, member, T0)).toMatchObject({
      error: { code: 'role_not_allowed' },
    });
  });
});
