import { describe, expect, it } from 'vitest';
import { checkEvent, checkNewEvent, eventCatalog } from './catalog';
import { communityEvents } from './community';
import { membershipEvents } from './membership';
import { organizingEvents } from './organizing';
import { rapidResponseEvents } from './rapid-response';

const memberId = '7d1f6f5e-3b8a-4a55-9a51-0f0c4d8e2b11';
const areaId = '0b8a2c44-5f7e-4e1d-8c3a-9d2e6f1a7b35';

function envelope(name: string, payload: unknown, version = 1): unknown {
  return { id: 'e1', name, version, occurredAt: '2026-12-05T09:00:00.000Z', payload };
}

describe('event catalog', () => {
  it('holds every group, with no name in two groups', () => {
    const groups = [membershipEvents, rapidResponseEvents, organizingEvents, communityEvents];
    const names = groups.flatMap((group) => Object.keys(group));
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(eventCatalog).sort()).toEqual([...names].sort());
  });

  it('names events <noun>.<past participle>, usable as one NATS subject token pair', () => {
    for (const name of Object.keys(eventCatalog)) expect(name).toMatch(/^[a-z_]+\.[a-z_]+$/);
  });

  it('gives every event a positive integer version', () => {
    for (const { version } of Object.values(eventCatalog)) {
      expect(Number.isInteger(version) && version >= 1).toBe(true);
    }
  });
});

describe('checkNewEvent', () => {
  it('takes a catalog event whose payload fits its schema', () => {
    const event = { name: 'member.updated', payload: { memberId, change: 'roles', areaId } };
    expect(checkNewEvent(event)).toEqual({ ok: true, event });
  });

  it('refuses a name outside the catalog and a payload that does not fit', () => {
    expect(checkNewEvent({ name: 'member.deleted', payload: { memberId } })).toEqual({
      ok: false,
      name: 'member.deleted',
      reason: 'unknown_name',
    });
    // roles changes say in which area; a field the event does not define is refused too.
    for (const payload of [
      { memberId, change: 'roles' },
      { memberId, change: 'shift', lat: 51.5 },
      { memberId: 'someone', change: 'shift' },
    ]) {
      expect(checkNewEvent({ name: 'member.updated', payload })).toEqual({
        ok: false,
        name: 'member.updated',
        reason: 'invalid_payload',
      });
    }
  });

  it('does not take a name inherited from Object', () => {
    expect(checkNewEvent({ name: 'toString', payload: {} })).toMatchObject({
      ok: false,
      reason: 'unknown_name',
    });
  });
});

describe('checkEvent', () => {
  it('takes a well-formed envelope of the current version', () => {
    const raw = envelope('member.suspended', { memberId });
    expect(checkEvent(raw)).toEqual({ ok: true, event: raw });
  });

  it('says why an arriving event is refused, naming it and nothing else', () => {
    expect(checkEvent(null)).toEqual({ ok: false, name: '?', reason: 'malformed' });
    expect(checkEvent({ name: 'member.suspended', payload: { memberId } })).toEqual({
      ok: false,
      name: 'member.suspended',
      reason: 'malformed',
    });
    expect(checkEvent(envelope('alert.created', {}))).toEqual({
      ok: false,
      name: 'alert.created',
      reason: 'unknown_name',
    });
    expect(checkEvent(envelope('member.suspended', { memberId }, 2))).toEqual({
      ok: false,
      name: 'member.suspended',
      reason: 'unknown_version',
    });
    expect(checkEvent(envelope('member.suspended', { memberId: 7 }))).toEqual({
      ok: false,
      name: 'member.suspended',
      reason: 'invalid_payload',
    });
  });
});
