import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { incidentDisclosure, RETRACTED_STATES } from './disclosure';
import type { IncidentState } from './incident';

const STATES: IncidentState[] = [
  'reported',
  'corroborated',
  'confirmed',
  'false_alarm',
  'ended',
  'merged',
];
const incident = fc.record({
  state: fc.constantFrom(...STATES),
  confirmedAt: fc.option(fc.date({ noInvalidDate: true }), { nil: null }),
});
const viewer = fc.record({ staff: fc.boolean(), involved: fc.boolean() });
const withdrawn = (state: IncidentState) =>
  (RETRACTED_STATES as readonly IncidentState[]).includes(state);

describe('incidentDisclosure', () => {
  it("keeps the area's staff on the full view, whatever happened", () => {
    fc.assert(
      fc.property(incident, fc.boolean(), (i, involved) => {
        expect(incidentDisclosure(i, { staff: true, involved })).toBe('full');
      }),
    );
  });

  it('never serves a withdrawn, never confirmed incident in full to anyone but staff', () => {
    fc.assert(
      fc.property(incident, viewer, (i, v) => {
        const d = incidentDisclosure(i, v);
        if (!v.staff && withdrawn(i.state) && i.confirmedAt === null) expect(d).toBe('retracted');
      }),
    );
  });

  it('leaves confirmed incidents and open ones as they were', () => {
    fc.assert(
      fc.property(incident, viewer, (i, v) => {
        const d = incidentDisclosure(i, v);
        if (i.confirmedAt !== null && i.state !== 'reported') expect(d).toBe('full');
        if (i.state === 'corroborated' || i.state === 'confirmed') expect(d).toBe('full');
        if (i.state === 'reported') expect(d).toBe(v.staff || v.involved ? 'full' : 'none');
      }),
    );
  });
});
