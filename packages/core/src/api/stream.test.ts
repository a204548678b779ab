import { describe, expect, it } from 'vitest';
import {
  clientMessageSchema,
  helloSchema,
  helloVersionError,
  serverMessageSchema,
  streamErrorSchema,
} from './stream';
import { STREAM_PROTOCOL_VERSION } from './stream-protocol';

const ID = '0b6c6f1e-4f39-4c6e-9a43-5d0f3c1a2b7e';
const AT = '2026-12-05T09:00:00.000Z';

describe('helloVersionError', () => {
  it('lets a hello of the current version through', () => {
    expect(helloVersionError({ type: 'hello', v: STREAM_PROTOCOL_VERSION })).toBeNull();
  });

  it('answers a hello with no version with the supported one', () => {
    const error = helloVersionError({ type: 'hello', token: 'x' });
    expect(streamErrorSchema.parse(error)).toEqual(error);
    expect(error?.code).toBe('unsupported_version');
    expect(error?.supported).toBe(STREAM_PROTOCOL_VERSION);
    expect(error?.message).toContain('no version');
    expect(error?.message).toContain(`v: ${STREAM_PROTOCOL_VERSION}`);
  });

  it('names the version a hello asked for, however odd, in a short message', () => {
    expect(helloVersionError({ type: 'hello', v: 2 })?.message).toContain('version 2');
    expect(helloVersionError({ type: 'hello', v: '1' })?.message).toContain('version "1"');
    const long = helloVersionError({ type: 'hello', v: 'x'.repeat(500) });
    expect(long?.message.length).toBeLessThan(120);
  });

  it('leaves what is not a hello to the schemas', () => {
    for (const message of [null, 'hello', 7, [], { type: 'ack', id: ID }, {}]) {
      expect(helloVersionError(message)).toBeNull();
    }
  });
});

describe('stream messages', () => {
  it('takes a hello only with the current version', () => {
    expect(helloSchema.safeParse({ type: 'hello', v: STREAM_PROTOCOL_VERSION }).success).toBe(true);
    expect(helloSchema.safeParse({ type: 'hello' }).success).toBe(false);
    expect(helloSchema.safeParse({ type: 'hello', v: STREAM_PROTOCOL_VERSION + 1 }).success).toBe(
      false,
    );
  });

  it('takes acks and locations after hello, and nothing unknown', () => {
    expect(clientMessageSchema.safeParse({ type: 'ack', id: ID }).success).toBe(true);
    expect(clientMessageSchema.safeParse({ type: 'location', location: null }).success).toBe(true);
    expect(
      clientMessageSchema.safeParse({ type: 'location', location: { lat: 91, lng: 0 } }).success,
    ).toBe(false);
    expect(clientMessageSchema.safeParse({ type: 'ack', id: ID, extra: 1 }).success).toBe(false);
  });

  it('describes every message the server sends', () => {
    const incident = {
      id: ID,
      state: 'corroborated',
      activity: 'checkpoint',
      area: { id: ID, name: 'Phillips' },
      location: { lat: 44.95, lng: -93.26 },
      reporters: 2,
    };
    const summary = {
      ...incident,
      firstReportAt: AT,
      lastReportAt: AT,
      corroboratedAt: AT,
      confirmedAt: null,
      closedAt: null,
      mergedInto: null,
    };
    const messages = [
      { type: 'ready', seq: 12 },
      { type: 'alert', id: ID, seq: 13, kind: 'unconfirmed', incident: { ...incident, at: AT } },
      { type: 'dispatch', id: ID, state: 'offered', incident: summary },
      { type: 'dispatch', id: ID, state: 'stood_down', incident: null },
      { type: 'console', kind: 'reported', incident: { ...incident, at: AT } },
      { type: 'member.updated', change: 'roles' },
      { type: 'member.updated', change: 'activated' },
      helloVersionError({ type: 'hello' }),
    ];
    for (const message of messages) expect(serverMessageSchema.parse(message)).toEqual(message);
    expect(serverMessageSchema.safeParse({ type: 'alert', id: ID, seq: 1 }).success).toBe(false);
    expect(serverMessageSchema.safeParse({ type: 'member.updated', change: 'x' }).success).toBe(
      false,
    );
  });
});
