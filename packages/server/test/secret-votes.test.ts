import { randomUUID, webcrypto } from 'node:crypto';
import { rm } from 'node:fs/promises';
import {
  blindToken,
  finalizeToken,
  fromBase64Url,
  motionBallotReceipt,
  toBase64Url,
  type BodyView,
  type MeetingSummary,
  type MeetingView,
  type MotionReceipts,
  type MotionView,
  type VoteChoice,
  type VoteResult,
} from '@tocsin/core';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createApp } from '../src/app';
import { loadCityPack } from '../src/membership/city/city.service';
import { writeCityPack } from './helpers/city-packs';
import { dumpTables } from './helpers/dump';
import { buildMember, type BuiltMember } from './helpers/factories';
import { createTestContext, describeEachDatabase, type TestContext } from './helpers/harness';

// Secret votes on motions (issue 16, ADR 0025): the ballot box of elections in a meeting. Each
// vote makes an RSA key and every voter blinds and unblinds a token: slow on a busy machine.
vi.setConfig({ testTimeout: 180_000 });

type Token = { message: string; signature: string };

describeEachDatabase('secret votes on motions', (kind) => {
  let t: TestContext;
  let app: FastifyInstance;
  let pack: string;
  const m: Record<string, BuiltMember> = {};
  let bodyId = '';
  let meetingId = '';
  let motionId = '';
  const tokens: Token[] = [];
  const receipts: string[] = [];

  type Method = 'GET' | 'POST' | 'PUT';
  const call = (method: Method, url: string, who: BuiltMember, payload?: object) =>
    app.inject({
      method,
      url: `/api/v1${url}`,
      headers: who.auth,
      ...(payload ? { payload } : {}),
    });
  const write = (method: Method, url: string, who: BuiltMember, payload: object = {}) =>
    call(method, url, who, { requestId: randomUUID(), ...payload });
  const ok = async <T>(
    response: Promise<{ statusCode: number; body: string; json: <J>() => J }>,
    status = 200,
  ) => {
    const r = await response;
    expect(r.statusCode, r.body).toBe(status);
    return r.json<T>();
  };
  const code = (r: { json: <J>() => J }) => r.json<{ error: { code: string } }>().error.code;
  const motion = async (who: BuiltMember = m.m1!) =>
    (await ok<MeetingView>(call('GET', `/meetings/${meetingId}`, who))).motions.find(
      (x) => x.id === motionId,
    )!;

  /** The voter's phone: blind a fresh message with the vote's key, get it signed, finalize. */
  async function token(who: BuiltMember) {
    const box = await ok<MotionReceipts>(call('GET', `/motions/${motionId}/receipts`, m.m1!));
    const publicKey = await webcrypto.subtle.importKey(
      'spki',
      fromBase64Url(box.publicKey!)!,
      { name: 'RSA-PSS', hash: 'SHA-384' },
      true,
      ['verify'],
    );
    const { prepared, blindedMsg, inv } = await blindToken(
      publicKey,
      webcrypto.getRandomValues(new Uint8Array(32)),
    );
    const issued = await write('POST', `/motions/${motionId}/tokens`, who, {
      blindedMessage: toBase64Url(blindedMsg),
    });
    if (issued.statusCode !== 200) return { issued, token: null };
    const { blindSignature } = issued.json<{ blindSignature: string }>();
    const signature = await finalizeToken(publicKey, prepared, fromBase64Url(blindSignature)!, inv);
    return {
      issued,
      token: { message: toBase64Url(prepared), signature: toBase64Url(signature) },
    };
  }
  /** The box: no session, no cookie. */
  const cast = (body: Token & { choice: VoteChoice }, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/motions/${motionId}/secret-ballots`,
      headers,
      payload: body,
    });

  beforeAll(async () => {
    t = await createTestContext({ kind, env: { TOCSIN_RATE_LIMIT: '1000000' } });
    app = await createApp(t.ctx);
    await app.ready();
    pack = await writeCityPack();
    await loadCityPack(t.ctx, pack);
    const snapshot = await t.ctx.areas.get();
    const id = (slug: string) => snapshot.all.find((a) => a.slug === slug)?.id ?? '';
    const as = (slug: string, role: 'member' | 'organizer') =>
      buildMember(t.ctx, { roles: [{ areaId: id(slug), role }] });
    m.organizer = await as('north-side', 'organizer');
    m.chair = await as('north-side', 'member');
    for (const n of [1, 2, 3, 4, 5, 6]) m[`m${n}`] = await as('north-side', 'member');
    m.outsider = await as('south-side', 'member');
    const bodies = await ok<BodyView[]>(call('GET', '/bodies', m.m1!));
    bodyId = bodies.find((b) => b.areaId === id('north-side'))!.id;
    await ok(write('PUT', `/bodies/${bodyId}/officers`, m.organizer, { chair: m.chair.id }));
    const { meeting } = await ok<{ meeting: MeetingSummary }>(
      write('POST', `/bodies/${bodyId}/meetings`, m.chair, {
        title: 'Strike vote',
        startsAt: '2026-12-20T18:00:00Z',
        remote: true,
        quorum: { members: 3 },
        agenda: [],
      }),
      201,
    );
    meetingId = meeting.id;
    await ok(write('POST', `/meetings/${meetingId}/open`, m.chair));
    // m6 stays out of the room.
    for (const who of [m.chair, m.m1!, m.m2!, m.m3!, m.m4!, m.m5!]) {
      await ok(write('POST', `/meetings/${meetingId}/check-in`, who, {}));
    }
    const moved = await ok<MotionView>(
      write('POST', `/meetings/${meetingId}/motions`, m.m1!, { text: 'Strike on Monday' }),
      201,
    );
    motionId = moved.id;
    await ok(write('POST', `/motions/${motionId}/second`, m.m2!));
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await t.close();
    await rm(pack, { recursive: true, force: true });
  });

  it('is opened by the chair with method secret; the room sees only how many ballots are in', async () => {
    expect(
      (
        await write('POST', `/motions/${motionId}/vote`, m.m1!, {
          method: 'secret',
          majority: 'simple',
        })
      ).statusCode,
    ).toBe(403);
    const opened = await ok<MotionView>(
      write('POST', `/motions/${motionId}/vote`, m.chair!, {
        method: 'secret',
        majority: 'simple',
      }),
    );
    expect(opened.vote).toMatchObject({ method: 'secret', voted: 0, tally: null });
    const box = await ok<MotionReceipts>(call('GET', `/motions/${motionId}/receipts`, m.m3!));
    expect(box).toMatchObject({ closed: false, ballots: [] });
    expect(box.publicKey).toMatch(/^[A-Za-z0-9_-]+$/);
    expect((await call('GET', `/motions/${motionId}/receipts`, m.outsider!)).statusCode).toBe(403);
    // A secret vote takes no ballot on the open route (it would sit beside the member).
    const open = await write('POST', `/motions/${motionId}/ballots`, m.m1!, { choice: 'yes' });
    expect(open.statusCode).toBe(409);
    expect(code(open)).toBe('vote_method');
  });

  it('gives each checked-in member one token and counts each ballot once', async () => {
    const choices: VoteChoice[] = ['yes', 'yes', 'no', 'yes', 'abstain'];
    for (const [i, choice] of choices.entries()) {
      const got = await token(m[`m${i + 1}`]!);
      expect(got.issued.statusCode, got.issued.body).toBe(200);
      tokens.push(got.token!);
      const r = await cast({ ...got.token!, choice });
      expect(r.statusCode, r.body).toBe(201);
      const { receipt, day } = r.json<{ receipt: string; day: string }>();
      expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(receipt).toBe(await motionBallotReceipt(motionId, got.token!.message, choice));
      receipts.push(receipt);
    }
    const live = await motion();
    expect(live.vote?.voted).toBeGreaterThanOrEqual(5);
    expect(live.vote?.tally).toBeNull();
    const listed = await ok<MotionReceipts>(call('GET', `/motions/${motionId}/receipts`, m.m2!));
    expect(listed.ballots.map((b) => b.receipt)).toEqual([...receipts].sort());
    expect(listed.ballots.every((b) => b.choice === null)).toBe(true);
  });

  it('refuses a second token, a member not checked in, an outsider, a reused or forged token and a session', async () => {
    const twice = await token(m.m1!);
    expect(twice.issued.statusCode).toBe(409);
    expect(code(twice.issued)).toBe('already_voted');
    const absent = await token(m.m6!);
    expect(absent.issued.statusCode).toBe(403);
    expect(code(absent.issued)).toBe('check_in_first');
    expect((await token(m.outsider!)).issued.statusCode).toBe(403);
    const bad = await write('POST', `/motions/${motionId}/tokens`, m.chair!, {
      blindedMessage: 'not base64!',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('blindedMessage');
    // The same ballot again is a retry: same receipt, counted once.
    const retry = await cast({ ...tokens[0]!, choice: 'yes' });
    expect(retry.statusCode).toBe(201);
    expect(retry.json<{ receipt: string }>().receipt).toBe(receipts[0]);
    // The token used for another choice is refused.
    const reuse = await cast({ ...tokens[0]!, choice: 'no' });
    expect(reuse.statusCode).toBe(409);
    expect(code(reuse)).toBe('token_used');
    const forged = await cast({
      message: toBase64Url(webcrypto.getRandomValues(new Uint8Array(64))),
      signature: tokens[1]!.signature,
      choice: 'no',
    });
    expect(forged.statusCode).toBe(403);
    expect(code(forged)).toBe('token_invalid');
    const garbled = await cast({ message: '***', signature: tokens[1]!.signature, choice: 'no' });
    expect(garbled.statusCode).toBe(400);
    expect(garbled.body).toContain('message');
    const badChoice = await app.inject({
      method: 'POST',
      url: `/api/v1/motions/${motionId}/secret-ballots`,
      payload: { ...tokens[1]!, choice: 'maybe' },
    });
    expect(badChoice.statusCode).toBe(400);
    expect(badChoice.body).toContain('choice');
    // The box refuses a session or a cookie: it must not learn who casts.
    const chairToken = await token(m.chair!);
    expect(chairToken.issued.statusCode).toBe(200);
    tokens.push(chairToken.token!);
    const withSession = await cast({ ...chairToken.token!, choice: 'no' }, m.chair!.auth);
    expect(withSession.statusCode).toBe(400);
    expect(code(withSession)).toBe('credentials_not_allowed');
    const withCookie = await cast({ ...chairToken.token!, choice: 'no' }, { cookie: 'a=b' });
    expect(withCookie.statusCode).toBe(400);
    expect((await motion()).vote?.voted).toBe(5);
  });

  it('counts the box at close, shows the choices with the receipts, refuses a ballot after close', async () => {
    const result = await ok<VoteResult>(write('POST', `/motions/${motionId}/close-vote`, m.chair!));
    expect(result).toEqual({ yes: 3, no: 1, abstain: 1, carried: true, quorate: true });
    const closed = await motion();
    expect(closed.state).toBe('carried');
    expect(closed.result).toMatchObject({ yes: 3, no: 1, abstain: 1 });
    const listed = await ok<MotionReceipts>(call('GET', `/motions/${motionId}/receipts`, m.m4!));
    expect(listed.closed).toBe(true);
    expect(listed.publicKey).toBeNull();
    expect(listed.ballots.map((b) => b.receipt)).toEqual([...receipts].sort());
    expect(listed.ballots.map((b) => b.choice).sort()).toEqual([
      'abstain',
      'no',
      'yes',
      'yes',
      'yes',
    ]);
    const late = await cast({ ...tokens.at(-1)!, choice: 'no' });
    expect(late.statusCode).toBe(409);
    expect(code(late)).toBe('vote_closed');
    const lateToken = await write('POST', `/motions/${motionId}/tokens`, m.m5!, {
      blindedMessage: 'AAAA',
    });
    expect(lateToken.statusCode).toBe(409);
    expect(code(lateToken)).toBe('vote_closed');
    const again = await write('POST', `/motions/${motionId}/close-vote`, m.chair!);
    expect(again.statusCode).toBe(409);
  });

  it('keeps no cast order after the close: one transaction, receipt order, no old rows', async () => {
    for (const table of ['motion_secret_ballots', 'motion_tokens'] as const) {
      const xmins = await sql<{ xmin: string }>`
        select distinct xmin::text as xmin from ${sql.table(table)}
        where motion_id = ${motionId}`.execute(t.ctx.db);
      expect(xmins.rows, table).toHaveLength(1);
    }
    const physical = await sql<{ receipt: string }>`
      select receipt from motion_secret_ballots where motion_id = ${motionId}
      order by (ctid::text::point)[0], (ctid::text::point)[1]`.execute(t.ctx.db);
    expect(physical.rows.map((r) => r.receipt)).toEqual([...receipts].sort());
    const file = await sql<{ bytes: Uint8Array }>`
      select pg_read_binary_file(pg_relation_filepath('motion_secret_ballots')) as bytes`.execute(
      t.ctx.db,
    );
    const heap = Buffer.from(file.rows[0]!.bytes);
    for (const receipt of receipts) {
      let times = 0;
      for (let at = heap.indexOf(receipt); at >= 0; at = heap.indexOf(receipt, at + 1)) times += 1;
      expect(times, receipt).toBe(1);
    }
  });

  it('leaves no link from a member to a choice anywhere in the database', async () => {
    const dump = await dumpTables(t.ctx);
    const ballots = dump.motion_secret_ballots!;
    expect(ballots).toHaveLength(5);
    const memberIds = new Set((dump.members ?? []).map((r) => String(r.id)));
    const sessionIds = new Set((dump.sessions ?? []).map((r) => String(r.id)));
    const columns = await sql<{ column_name: string; data_type: string }>`
      select column_name, data_type from information_schema.columns
      where table_schema = current_schema() and table_name = 'motion_secret_ballots'`.execute(
      t.ctx.db,
    );
    expect(columns.rows.map((c) => c.column_name).sort()).toEqual([
      'cast_day',
      'choice',
      'id',
      'motion_id',
      'receipt',
      'token_hash',
    ]);
    expect(columns.rows.find((c) => c.column_name === 'cast_day')?.data_type).toBe('date');
    expect(columns.rows.some((c) => /timestamp|serial/.test(c.data_type))).toBe(false);
    for (const row of ballots) {
      const text = JSON.stringify(row);
      for (const id of [...memberIds, ...sessionIds]) expect(text.includes(id)).toBe(false);
    }
    // What identifies a ballot (its id, receipt, token hash) and the tokens themselves appear in
    // no other table: not beside a member, in a stored answer, an event or the audit log.
    const needles = [
      ...ballots.flatMap((r) => [String(r.id), String(r.receipt), String(r.token_hash)]),
      ...tokens.flatMap((tk) => [tk.message, tk.signature]),
    ];
    for (const [table, rows] of Object.entries(dump)) {
      if (table === 'motion_secret_ballots') continue;
      const text = JSON.stringify(rows);
      for (const needle of needles)
        expect(text.includes(needle), `${table} holds ${needle}`).toBe(false);
    }
    // The roll side: members and the motion, nothing of a token or a time.
    expect(Object.keys(dump.motion_tokens![0] ?? {}).sort()).toEqual(['member_id', 'motion_id']);
    expect(dump.motion_tokens).toHaveLength(6);
    // Nothing of this vote sits in the open votes' table, and the key is gone.
    expect((dump.ballots ?? []).filter((r) => r.motion_id === motionId)).toEqual([]);
    expect((dump.motion_ballot_keys ?? []).filter((r) => r.motion_id === motionId)).toEqual([]);
  });
});
