import { describe, expect, it } from 'vitest';
import { generateMinutes, type MinutesInput, type MinutesMotion } from './minutes';

const base: MinutesInput = {
  bodyName: 'Powderhorn action committee',
  title: 'December mass meeting',
  startsAt: '2026-12-10T18:00:00.000Z',
  place: 'Church hall',
  openedAt: '2026-12-10T18:02:00.000Z',
  closedAt: '2026-12-10T19:30:00.000Z',
  attendance: 5,
  rollSize: 40,
  quorum: { members: 4 },
  recurrence: null,
  agenda: [
    { title: 'Report back', minutes: 10 },
    { title: 'Rent strike', minutes: 30 },
  ],
  motions: [],
};

const motion: MinutesMotion = {
  id: 'm1',
  originalText: 'We hold a rally on Friday',
  text: 'We hold a rally on Saturday',
  mover: 'ana',
  seconder: 'bo',
  amends: null,
  state: 'carried',
  method: 'open',
  majority: 'simple',
  result: { yes: 3, no: 1, abstain: 1 },
  quorate: true,
  rollCall: null,
  decision: {
    actionItems: [{ text: 'Book the park', owner: 'cy', due: '2026-12-12', status: 'open' }],
  },
};
const amendment: MinutesMotion = {
  ...motion,
  id: 'a1',
  amends: 'm1',
  originalText: 'We hold a rally on Friday',
  text: 'We hold a rally on Saturday',
  decision: null,
};

describe('generateMinutes', () => {
  it('has the attendance count, agenda, the amendment as a diff, the result and action items', () => {
    const md = generateMinutes({ ...base, motions: [motion, amendment] });
    expect(md).toContain('Attendance: 5 of 40');
    expect(md).toContain('1. Report back (10 min)');
    expect(md).toContain('### Amendment 1.1');
    expect(md).toContain('~~Friday~~ **Saturday**');
    expect(md).toContain('3 yes, 1 no, 1 abstain');
    expect(md).toContain('**carried**');
    expect(md).toContain('- [ ] Book the park — cy, due 2026-12-12');
    expect(md).not.toContain('| Member | Vote |');
  });

  it('names voters only for roll calls', () => {
    const roll = {
      ...motion,
      method: 'roll_call' as const,
      rollCall: [
        { name: 'ana', choice: 'yes' as const },
        { name: 'bo', choice: 'no' as const },
      ],
    };
    const md = generateMinutes({ ...base, motions: [roll] });
    expect(md).toContain('| ana | yes |');
    expect(md).toContain('| bo | no |');
  });

  it('marks a vote of an inquorate meeting as not valid and keeps members text as text', () => {
    const md = generateMinutes({
      ...base,
      title: '# not a *heading*',
      motions: [{ ...motion, state: 'invalid', quorate: false, decision: null }],
    });
    expect(md).toContain('not valid');
    expect(md).toContain('\\# not a \\*heading\\*');
  });
});
