import { randomUUID, webcrypto } from 'node:crypto';
import { rm } from 'node:fs/promises';
import {
  ballotReceipt,
  blindToken,
  countScottishStv,
  finalizeToken,
  parseBlt,
  toBase64Url,
  fromBase64Url,
  type BallotList,
  type BodyElections,
  type ElectionSummary,
  type ElectionView,
  type NominationView,
  type RecallView,
} from '@tocsin/core';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../src/app';
import { loadCityPack } from '../src/membership/city/city.service';
import { remindEndingTerms, sweepElections } from '../src/organizing';
import { ManualClock } from '../src/platform/clock';
import { writeCityPack } from './helpers/city-packs';
import { dumpTables } from './helpers/dump';
import { buildMember, type BuiltMember } from './helpers/factories';
import { createTestContext, describeEachDatabase, type TestContext } from './helpers/harness';

// Each election makes an RSA key and every voter blinds and unblinds one: slow on a busy machine.
vi.setConfig({ testTimeout: 180_000 });

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describeEachDatabase('elections', (kind) => {
  let t: TestContext;
  let app: FastifyInstance;
  let pack: string;
  const clock = new ManualClock('2026-12-01T12:00:00Z');
  const m: Record<string, BuiltMember> = {};
  let bodyId = '';

  type Method = 'GET' | 'POST';
  const call = (method: Method, url: string, who: BuiltMember, payload?: object) =>
    app.inject({
      method,
      url: `/api/v1${url}`,
      headers: who.auth,
      ...(payload ? { payload } : {}),
    });
  const write = (url: string, who: BuiltMember, payload: object = {}) =>
    call('POST', url, who, { requestId: randomUUID(), ...payload });
  const ok = async <T>(
    response: Promise<{ statusCode: number; body: string; json: <J>() => J }>,
    status = 200,
  ) => {
    const r = await response;
    expect(r.statusCode, r.body).toBe(status);
    return r.json<T>();
  };
  const election = (id: string, who: BuiltMember = m.m1!) =>
    ok<ElectionView>(call('GET', `/elections/${id}`, who));

  /** The voter's browser: blind a fresh message, get it signed, finalize. */
  async function token(electionId: string, who: BuiltMember) {
    // The key is public to the roll; any member's view gives it.
    const view = await election(electionId, m.m1);
    const publicKey = await webcrypto.subtle.importKey(
      'spki',
      fromBase64Url(view.publicKey)!,
      { name: 'RSA-PSS', hash: 'SHA-384' },
      true,
      ['verify'],
    );
    const message = webcrypto.getRandomValues(new Uint8Array(32));
    const { prepared, blindedMsg, inv } = await blindToken(publicKey, message);
    const issued = await write(`/elections/${electionId}/tokens`, who, {
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
  /** The ballot box: no session, no cookie. */
  const cast = (
    electionId: string,
    body: { message: string; signature: string; ranking: string[] },
    headers: Record<string, string> = {},
  ) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/elections/${electionId}/ballots`,
      headers,
      payload: body,
    });

  async function callElection(seats: number, who: BuiltMember = m.organizer!) {
    const now = clock.now().getTime();
    return ok<ElectionSummary>(
      write(`/bodies/${bodyId}/elections`, who, {
        office: 'delegate',
        seats,
        termMonths: 12,
        votingOpensAt: new Date(now + DAY).toISOString(),
        votingClosesAt: new Date(now + 2 * DAY).toISOString(),
      }),
      201,
    );
  }

  beforeAll(async () => {
    t = await createTestContext({ kind, clock, env: { TOCSIN_RATE_LIMIT: '1000000' } });
    app = await createApp(t.ctx);
    await app.ready();
    pack = await writeCityPack();
    await loadCityPack(t.ctx, pack);
    const snapshot = await t.ctx.areas.get();
    const id = (slug: string) => snapshot.all.find((a) => a.slug === slug)?.id ?? '';
    m.organizer = await buildMember(t.ctx, {
      roles: [{ areaId: id('north-side'), role: 'organizer' }],
    });
    for (const n of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) {
      m[`m${n}`] = await buildMember(t.ctx, {
        roles: [{ areaId: id('north-side'), role: 'member' }],
      });
    }
    m.outsider = await buildMember(t.ctx, {
      roles: [{ areaId: id('south-side'), role: 'member' }],
    });
    const body = await t.ctx.db
      .selectFrom('bodies')
      .select('id')
      .where('area_id', '=', id('north-side'))
      .executeTakeFirstOrThrow();
    bodyId = body.id;
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await t.close();
    await rm(pack, { recursive: true, force: true });
  });

  describe('an election for two seats, counted by Scottish STV on secret ballots', () => {
    let e: ElectionSummary;
    const candidates: Record<string, NominationView> = {};
    const receipts: string[] = [];
    const tokens: { message: string; signature: string }[] = [];

    it('is called by the organizer, not by a member; a bad schedule names its field', async () => {
      expect(
        (
          await write(`/bodies/${bodyId}/elections`, m.m1!, {
            office: 'delegate',
            seats: 2,
            termMonths: 12,
            votingOpensAt: new Date(clock.now().getTime() + DAY).toISOString(),
            votingClosesAt: new Date(clock.now().getTime() + 2 * DAY).toISOString(),
          })
        ).statusCode,
      ).toBe(403);
      const past = await write(`/bodies/${bodyId}/elections`, m.organizer!, {
        office: 'delegate',
        seats: 2,
        termMonths: 12,
        votingOpensAt: new Date(clock.now().getTime() - DAY).toISOString(),
        votingClosesAt: new Date(clock.now().getTime() + DAY).toISOString(),
      });
      expect(past.statusCode).toBe(400);
      expect(past.json<{ error: { details: { path: string }[] } }>().error.details[0]?.path).toBe(
        'votingOpensAt',
      );
      e = await callElection(2);
      expect(e.phase).toBe('nominations');
      const list = await ok<BodyElections>(call('GET', `/bodies/${bodyId}/elections`, m.m1!));
      expect(list.elections.map((x) => x.id)).toContain(e.id);
      expect((await call('GET', `/elections/${e.id}`, m.outsider!)).statusCode).toBe(403);
    });

    it('takes nominations: self with a statement, by another member, accepted by the nominee', async () => {
      candidates.a = await ok<NominationView>(
        write(`/elections/${e.id}/nominations`, m.m1!, {
          nomineeId: m.m1!.id,
          statement: 'I will report back weekly',
        }),
        201,
      );
      expect(candidates.a.accepted).toBe(true);
      candidates.b = await ok<NominationView>(
        write(`/elections/${e.id}/nominations`, m.m1!, { nomineeId: m.m2!.id }),
        201,
      );
      expect(candidates.b.accepted).toBe(false);
      candidates.c = await ok<NominationView>(
        write(`/elections/${e.id}/nominations`, m.m4!, { nomineeId: m.m3!.id }),
        201,
      );
      // Only the nominee accepts; a nominee must be on the roll; one nomination per member.
      expect(
        (await write(`/nominations/${candidates.b.id}/accept`, m.m3!, { statement: 'x' }))
          .statusCode,
      ).toBe(403);
      const outsider = await write(`/elections/${e.id}/nominations`, m.m1!, {
        nomineeId: m.outsider!.id,
      });
      expect(outsider.statusCode).toBe(400);
      expect(outsider.body).toContain('nomineeId');
      expect(
        (await write(`/elections/${e.id}/nominations`, m.m5!, { nomineeId: m.m2!.id })).statusCode,
      ).toBe(409);
      const b = await ok<NominationView>(
        write(`/nominations/${candidates.b.id}/accept`, m.m2!, { statement: 'Housing first' }),
      );
      expect(b).toMatchObject({ accepted: true, statement: 'Housing first' });
      const c = await ok<NominationView>(
        write(`/nominations/${candidates.c.id}/accept`, m.m3!, { statement: 'Tenants union' }),
      );
      expect(c.accepted).toBe(true);
      const view = await election(e.id);
      expect(view.options.map((o) => o.id).sort()).toEqual(
        [candidates.a.id, candidates.b.id, candidates.c.id].sort(),
      );
    });

    it('nominates another member by handle; the nominee alone accepts; the roll by name only to its viewers', async () => {
      // Any member of the roll may name another by handle (case does not matter) ...
      const byHandle = await ok<NominationView>(
        write(`/elections/${e.id}/nominations`, m.m5!, {
          nomineeHandle: m.m6!.handle.toUpperCase(),
        }),
        201,
      );
      expect(byHandle).toMatchObject({
        nominee: { id: m.m6!.id },
        nominatedBy: { id: m.m5!.id },
        accepted: false,
        statement: null,
      });
      // ... and the nominee sees it pending on their own view (not a candidate until accepted).
      const theirs = await election(e.id, m.m6);
      expect(theirs.nominations.find((n) => n.id === byHandle.id)?.accepted).toBe(false);
      expect(theirs.options.map((o) => o.id)).not.toContain(byHandle.id);
      // A handle off the roll and one that names no one get the same answer, naming the field.
      for (const handle of [m.outsider!.handle, 'no-such-handle-anywhere']) {
        const refused = await write(`/elections/${e.id}/nominations`, m.m5!, {
          nomineeHandle: handle,
        });
        expect(refused.statusCode).toBe(400);
        expect(
          refused.json<{ error: { details: { path: string; message: string }[] } }>().error.details,
        ).toEqual([{ path: 'nomineeHandle', message: 'not a member of this body' }]);
      }
      // Both or neither: 400 naming a field. A statement is the nominee's own.
      const both = await write(`/elections/${e.id}/nominations`, m.m5!, {
        nomineeId: m.m7!.id,
        nomineeHandle: m.m7!.handle,
      });
      expect(both.statusCode).toBe(400);
      expect(both.body).toContain('nomineeHandle');
      const neither = await write(`/elections/${e.id}/nominations`, m.m5!, {});
      expect(neither.statusCode).toBe(400);
      expect(neither.body).toContain('nomineeId');
      const forThem = await write(`/elections/${e.id}/nominations`, m.m5!, {
        nomineeHandle: m.m7!.handle,
        statement: 'words for them',
      });
      expect(forThem.statusCode).toBe(400);
      expect(forThem.body).toContain('statement');
      // The nominator cannot accept for them.
      expect(
        (await write(`/nominations/${byHandle.id}/accept`, m.m5!, { statement: 'x' })).statusCode,
      ).toBe(403);
      // Who may pick from the roll by name: the area's organizer (on the roll), not a member.
      expect((await election(e.id, m.m1)).me).toMatchObject({ onRoll: true, seesRoll: false });
      expect((await election(e.id, m.organizer)).me).toMatchObject({
        onRoll: true,
        seesRoll: true,
      });
      expect((await call('GET', `/bodies/${bodyId}/roll`, m.m1!)).statusCode).toBe(403);
      expect((await call('GET', `/bodies/${bodyId}/roll`, m.organizer!)).statusCode).toBe(200);
    });

    it('gives no token before voting opens', async () => {
      const early = await token(e.id, m.m1!);
      expect(early.issued.statusCode).toBe(409);
      expect(early.issued.json<{ error: { code: string } }>().error.code).toBe('election_phase');
    });

    it('lets the roll vote once each, secretly; refuses every bad ballot with a clear 4xx', async () => {
      clock.advance(DAY + HOUR);
      expect(
        (
          await write(`/elections/${e.id}/nominations`, m.m5!, {
            nomineeId: m.m5!.id,
            statement: 'late',
          })
        ).statusCode,
      ).toBe(409);
      const a = candidates.a!.id;
      const b = candidates.b!.id;
      const c = candidates.c!.id;
      const rankings = [[a, b], [a, c], [b], [c, b], [a], [b, a], [c]];
      for (const [i, ranking] of rankings.entries()) {
        const voter = m[`m${i + 1}`]!;
        const got = await token(e.id, voter);
        expect(got.issued.statusCode, got.issued.body).toBe(200);
        tokens.push(got.token!);
        const r = await cast(e.id, { ...got.token!, ranking });
        expect(r.statusCode, r.body).toBe(201);
        const { receipt, day } = r.json<{ receipt: string; day: string }>();
        expect(day).toBe(clock.now().toISOString().slice(0, 10));
        expect(receipt).toBe(await ballotReceipt(e.id, got.token!.message, ranking));
        receipts.push(receipt);
      }
      // Voting twice: a second token is refused.
      const twice = await token(e.id, m.m1!);
      expect(twice.issued.statusCode).toBe(409);
      expect(twice.issued.json<{ error: { code: string } }>().error.code).toBe('already_voted');
      // An outsider gets no token.
      expect((await token(e.id, m.outsider!)).issued.statusCode).toBe(403);
      // A token used twice: the same ballot again is a retry (same receipt, counted once) ...
      const retry = await cast(e.id, { ...tokens[0]!, ranking: rankings[0]! });
      expect(retry.statusCode).toBe(201);
      expect(retry.json<{ receipt: string }>().receipt).toBe(receipts[0]);
      // ... another ballot with it is refused.
      const reuse = await cast(e.id, { ...tokens[0]!, ranking: [c] });
      expect(reuse.statusCode).toBe(409);
      expect(reuse.json<{ error: { code: string } }>().error.code).toBe('token_used');
      // A forged token: a signature the key never made.
      const forged = await cast(e.id, {
        message: toBase64Url(webcrypto.getRandomValues(new Uint8Array(64))),
        signature: tokens[1]!.signature,
        ranking: [a],
      });
      expect(forged.statusCode).toBe(403);
      expect(forged.json<{ error: { code: string } }>().error.code).toBe('token_invalid');
      // A token of another election does not vote here.
      const other = await callElection(1);
      const fresh = await token(e.id, m.m8!);
      const wrongBox = await cast(other.id, { ...fresh.token!, ranking: ['yes'] });
      expect(wrongBox.statusCode).toBe(409); // that one is still taking nominations
      // A ballot naming a non-candidate, or one twice, names the place in the ranking.
      const stranger = await cast(e.id, { ...fresh.token!, ranking: [a, randomUUID()] });
      expect(stranger.statusCode).toBe(400);
      expect(stranger.body).toContain('ranking.1');
      const repeated = await cast(e.id, { ...fresh.token!, ranking: [a, a] });
      expect(repeated.statusCode).toBe(400);
      // The box refuses a session: it must not learn who casts.
      const withSession = await cast(e.id, { ...fresh.token!, ranking: [a] }, m.m8!.auth);
      expect(withSession.statusCode).toBe(400);
      expect(withSession.json<{ error: { code: string } }>().error.code).toBe(
        'credentials_not_allowed',
      );
      const withCookie = await cast(
        e.id,
        { ...fresh.token!, ranking: [a] },
        { cookie: '__Host-tocsin=x' },
      );
      expect(withCookie.statusCode).toBe(400);
      // Not valid JSON fields: 400 naming them.
      const bad = await cast(e.id, {
        message: '!!',
        signature: fresh.token!.signature,
        ranking: [a],
      });
      expect(bad.statusCode).toBe(400);
      // The published list shows every receipt, no ranking while voting runs.
      const list = await ok<BallotList>(call('GET', `/elections/${e.id}/ballots`, m.m9!));
      expect(list.ballots.map((x) => x.receipt).sort()).toEqual([...receipts].sort());
      expect(list.ballots.every((x) => x.ranking === null)).toBe(true);
      expect(list.ballots.map((x) => x.receipt)).toEqual(
        [...list.ballots.map((x) => x.receipt)].sort(),
      );
      const view = await election(e.id, m.m1);
      expect(view).toMatchObject({
        phase: 'voting',
        tokensIssued: 8,
        ballotsCast: 7,
        me: { tokenIssued: true },
      });
      // m8's token was never cast: after close it is refused.
      clock.advance(DAY);
      const late = await cast(e.id, { ...fresh.token!, ranking: [a] });
      expect(late.statusCode).toBe(409);
      expect(late.json<{ error: { code: string } }>().error.code).toBe('election_phase');
    });

    it('counts at close, once, and publishes results, rankings and a BLT that recounts the same', async () => {
      const view = await election(e.id);
      expect(view.phase).toBe('results');
      expect(view.result?.ballots).toBe(7);
      const stv = view.result!.stv!;
      expect(stv.quota).toBe('3.00000'); // floor(7 / 3) + 1
      expect(stv.elected).toHaveLength(2);
      expect(stv.stages[0]!.action).toBe('first');
      const names = Object.fromEntries(view.options.map((o) => [o.id, o.label]));
      expect(stv.stages[0]!.votes).toEqual({
        [names[candidates.a!.id]!]: '3.00000',
        [names[candidates.b!.id]!]: '2.00000',
        [names[candidates.c!.id]!]: '2.00000',
      });
      // A second read (and the sweeper) count nothing again.
      await sweepElections(t.ctx);
      expect((await election(e.id)).result).toEqual(view.result);
      const list = await ok<BallotList>(call('GET', `/elections/${e.id}/ballots`, m.m9!));
      expect(list.ballots).toHaveLength(7);
      expect(list.ballots.every((x) => x.ranking !== null)).toBe(true);
      const blt = await call('GET', `/elections/${e.id}/blt`, m.m9!);
      expect(blt.statusCode).toBe(200);
      expect(blt.headers['content-type']).toContain('text/plain');
      const parsed = parseBlt(blt.body);
      expect(parsed.ballots.reduce((n, line) => n + line.weight, 0)).toBe(7);
      const recount = countScottishStv(parsed, { seed: stv.seed });
      expect(recount.elected).toEqual(stv.elected);
      expect(recount.stages).toEqual(stv.stages);
      // The elected hold the office for the term.
      const body = await ok<BodyElections>(call('GET', `/bodies/${bodyId}/elections`, m.m1!));
      const holders = body.holders.filter((h) => h.electionId === e.id);
      expect(holders.map((h) => h.member.name).sort()).toEqual(
        stv.elected.map((label) => view.options.find((o) => o.label === label)?.label).sort(),
      );
      expect(holders.every((h) => h.source === 'election' && h.office === 'delegate')).toBe(true);
    });

    it('leaves no link from a member to a ballot anywhere in the database', async () => {
      const dump = await dumpTables(t.ctx);
      const ballots = dump.election_ballots!;
      expect(ballots.length).toBeGreaterThanOrEqual(7);
      const memberIds = new Set((dump.members ?? []).map((r) => String(r.id)));
      const sessionIds = new Set((dump.sessions ?? []).map((r) => String(r.id)));
      // The box: no column holds a member or session, and no time finer than the day.
      const columns = await sql<{ column_name: string; data_type: string }>`
        select column_name, data_type from information_schema.columns
        where table_schema = current_schema() and table_name = 'election_ballots'`.execute(
        t.ctx.db,
      );
      expect(columns.rows.map((c) => c.column_name).sort()).toEqual([
        'cast_day',
        'election_id',
        'id',
        'ranking',
        'receipt',
        'token_hash',
      ]);
      expect(columns.rows.find((c) => c.column_name === 'cast_day')?.data_type).toBe('date');
      expect(columns.rows.some((c) => /timestamp|serial/.test(c.data_type))).toBe(false);
      for (const row of ballots) {
        for (const value of Object.values(row)) {
          const text = JSON.stringify(value);
          for (const id of [...memberIds, ...sessionIds]) expect(text.includes(id)).toBe(false);
        }
      }
      // Everything that identifies a ballot (its id, receipt, token hash) and the token itself
      // appears nowhere else: not beside a member, in a request's answer, an event or the audit log.
      const needles = [
        ...ballots.flatMap((r) => [String(r.id), String(r.receipt), String(r.token_hash)]),
        ...tokens.flatMap((tk) => [tk.message, tk.signature]),
      ];
      for (const [table, rows] of Object.entries(dump)) {
        if (table === 'election_ballots') continue;
        const text = JSON.stringify(rows);
        for (const needle of needles)
          expect(text.includes(needle), `${table} holds ${needle}`).toBe(false);
      }
      // The roll side holds members and nothing of a token.
      const tokenColumns = Object.keys(dump.election_tokens![0] ?? {}).sort();
      expect(tokenColumns).toEqual(['election_id', 'member_id']);
    });
    it('after the count the box keeps no cast order: one transaction, receipt order, no old rows', async () => {
      // The count rewrote the box and the roll side in one transaction: every row has its xmin.
      for (const table of ['election_ballots', 'election_tokens'] as const) {
        const xmins = await sql<{ xmin: string }>`
          select distinct xmin::text as xmin from ${sql.table(table)}
          where election_id = ${e.id}`.execute(t.ctx.db);
        expect(xmins.rows, table).toHaveLength(1);
      }
      // The rows lie in the file in receipt order (the published order), not in cast order.
      const physical = await sql<{ receipt: string }>`
        select receipt from election_ballots where election_id = ${e.id}
        order by (ctid::text::point)[0], (ctid::text::point)[1]`.execute(t.ctx.db);
      expect(physical.rows.map((r) => r.receipt)).toEqual([...receipts].sort());
      expect(receipts).not.toEqual([...receipts].sort()); // cast order was another
      // The vacuum after the count left no dead version in the table's file: each receipt is
      // written there once (before it, each was there twice: as cast, and as rewritten).
      const file = await sql<{ bytes: Uint8Array }>`
        select pg_read_binary_file(pg_relation_filepath('election_ballots')) as bytes`.execute(
        t.ctx.db,
      );
      const heap = Buffer.from(file.rows[0]!.bytes);
      for (const receipt of receipts) {
        let times = 0;
        for (let at = heap.indexOf(receipt); at >= 0; at = heap.indexOf(receipt, at + 1)) {
          times += 1;
        }
        expect(times, receipt).toBe(1);
      }
    });
  });

  describe('recall', () => {
    it('a petition reaching 20% of the roll opens a secret recall vote; a majority removes the holder and a by-election opens', async () => {
      const holder = (
        await ok<BodyElections>(call('GET', `/bodies/${bodyId}/elections`, m.m1!))
      ).holders.find((h) => h.source === 'election')!;
      expect(holder).toBeDefined();
      // Roll: organizer + m1..m10 = 11 members; 20% -> threshold 3.
      const first = await ok<RecallView>(write(`/office-holders/${holder.id}/recall`, m.m5!));
      expect(first).toMatchObject({
        state: 'open',
        threshold: 3,
        signatures: null,
        reached: false,
        signedByMe: true,
      });
      expect((await write(`/office-holders/${holder.id}/recall`, m.m5!)).statusCode).toBe(409);
      expect((await write(`/office-holders/${holder.id}/recall`, m.outsider!)).statusCode).toBe(
        403,
      );
      // Others see a count only (none under 5) and not who signed.
      const seen = await ok<BodyElections>(call('GET', `/bodies/${bodyId}/elections`, m.m6!));
      expect(seen.holders.find((h) => h.id === holder.id)?.recall).toMatchObject({
        signatures: null,
        signedByMe: false,
      });
      await ok<RecallView>(write(`/office-holders/${holder.id}/recall`, m.m6!));
      const third = await ok<RecallView>(write(`/office-holders/${holder.id}/recall`, m.m7!));
      expect(third.state).toBe('voting');
      expect(third.reached).toBe(true);
      const recallId = third.electionId!;
      const vote = await election(recallId);
      expect(vote).toMatchObject({
        kind: 'recall',
        phase: 'voting',
        recallOf: { holderId: holder.id },
      });
      expect(vote.options.map((o) => o.id)).toEqual(['yes', 'no']);
      // Same ballot box: tokens, then ballots without a session.
      const choices = ['yes', 'yes', 'yes', 'no', 'no'];
      for (const [i, choice] of choices.entries()) {
        const got = await token(recallId, m[`m${i + 5}`]!);
        expect(got.issued.statusCode).toBe(200);
        expect((await cast(recallId, { ...got.token!, ranking: [choice] })).statusCode).toBe(201);
      }
      const maybe = await token(recallId, m.m10!);
      expect((await cast(recallId, { ...maybe.token!, ranking: ['maybe'] })).statusCode).toBe(400);
      clock.advance(8 * DAY);
      await sweepElections(t.ctx);
      const counted = await election(recallId);
      expect(counted.result?.recall).toEqual({ yes: 3, no: 2, removed: true });
      const after = await ok<BodyElections>(call('GET', `/bodies/${bodyId}/elections`, m.m1!));
      expect(after.holders.map((h) => h.id)).not.toContain(holder.id);
      const by = after.elections.find((x) => x.fillsVacancyOf === holder.id);
      expect(by).toMatchObject({
        kind: 'office',
        seats: 1,
        office: 'delegate',
        phase: 'nominations',
      });
      const blt = await call('GET', `/elections/${recallId}/blt`, m.m1!);
      expect(parseBlt(blt.body).candidates).toEqual(['yes', 'no']);
    });

    it('a petition short of its threshold lapses after the window', async () => {
      const holder = (await ok<BodyElections>(call('GET', `/bodies/${bodyId}/elections`, m.m1!)))
        .holders[0]!;
      await ok<RecallView>(write(`/office-holders/${holder.id}/recall`, m.m1!));
      clock.advance(15 * DAY);
      const later = await ok<BodyElections>(call('GET', `/bodies/${bodyId}/elections`, m.m1!));
      expect(later.holders.find((h) => h.id === holder.id)?.recall?.state).toBe('lapsed');
      // A new petition starts afresh.
      const again = await ok<RecallView>(write(`/office-holders/${holder.id}/recall`, m.m1!));
      expect(again.state).toBe('open');
    });
  });

  describe('terms', () => {
    it('reminds the body two weeks before a term ends, once, and proposes an election', async () => {
      const appointed = await write(`/bodies/${bodyId}/office-holders`, m.organizer!, {
        office: 'secretary',
        memberId: m.m9!.id,
        termMonths: 1,
      });
      expect(appointed.statusCode, appointed.body).toBe(201);
      expect(
        (
          await write(`/bodies/${bodyId}/office-holders`, m.m1!, {
            office: 'secretary',
            memberId: m.m9!.id,
            termMonths: 1,
          })
        ).statusCode,
      ).toBe(403);
      const id = appointed.json<{ id: string }>().id;
      expect(await remindEndingTerms(t.ctx)).toBe(0);
      clock.advance(20 * DAY);
      expect(await remindEndingTerms(t.ctx)).toBe(1);
      expect(await remindEndingTerms(t.ctx)).toBe(0);
      const events = await t.ctx.db
        .selectFrom('outbox')
        .select(['type', 'payload'])
        .where('type', '=', 'term.ending')
        .execute();
      expect(events.some((ev) => JSON.stringify(ev.payload).includes(id))).toBe(true);
      const body = await ok<BodyElections>(call('GET', `/bodies/${bodyId}/elections`, m.m1!));
      expect(body.endingTerms.map((x) => x.holderId)).toContain(id);
    });
  });
});
