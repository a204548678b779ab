import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ApiClient } from './api-client';
import { TEST_BROWSER } from './browser';
import { browserWorld } from './browser-world';
import type { Phone } from './phone';

// Issue 16 in the browser: nominations (the chair picks a member from the roll, a member names
// another by nickname), two candidates accept, five members vote secretly from five phones (360 px
// wide), the count runs at close, the results page shows the stage table and the ballot list every
// receipt; then a recall petition reaches its threshold, the secret recall vote removes a holder
// and a one-seat by-election opens. Time is moved by rewriting the election's schedule in the
// database (the server runs on the real clock); everything else goes through the app.

const suite = TEST_BROWSER ? describe : describe.skip;
const title = TEST_BROWSER
  ? 'elections in the browser'
  : 'elections in the browser (skipped: TEST_BROWSER is not set)';
const HOUR = 3_600_000;
/** features/session/member-marker.ts: where the app notes that this phone has signed in. */
const MEMBER_MARKER = 'tocsin.member';
/** "Nominate another member" in the other three languages. */
const OTHER_TITLE = {
  es: 'Nominar a otro miembro',
  so: 'Magacaab xubin kale',
  hmn: 'Xaiv lwm tus tswv cuab',
};

suite(title, () => {
  // Five phones share one address here (in a hall they would share one NAT too).
  const stage = browserWorld({ rateLimitPerMinute: 100_000 });
  const { phone } = stage;
  const voters: { client: ApiClient; id: string; phone?: Phone }[] = [];
  let electionId = '';
  let bodyId = '';
  const receipts: string[] = [];

  /** A phone signed in as the member: their session cookie, as the join flow would set it. */
  async function signedIn(name: string, client: ApiClient): Promise<Phone> {
    const p = await phone(name);
    await p.page.setViewportSize({ width: 360, height: 780 });
    await p.context.addCookies([
      {
        name: '__Host-tocsin',
        value: client.token ?? '',
        // The session cookie is Secure: set it for the https origin; Chromium sends it to
        // http://localhost too (a secure context), as it does after the join flow.
        url: stage.world.url.replace('http:', 'https:'),
        secure: true,
        httpOnly: true,
        sameSite: 'Strict',
      },
    ]);
    // The app asks the server who it is only on a phone that has signed in before.
    await p.context.addInitScript({
      content: `localStorage.setItem('${MEMBER_MARKER}', 'signed_in');`,
    });
    return p;
  }

  async function schedule(opensAt: Date, closesAt: Date): Promise<void> {
    await sql`update elections set voting_opens_at = ${opensAt}, voting_closes_at = ${closesAt}
      where id = ${electionId}`.execute(stage.world.server.ctx.db);
  }

  it('calls an election of two delegates and takes nominations', async () => {
    const { world } = stage;
    for (let i = 0; i < 5; i += 1) {
      const invite = await world.admin.invite({ areaId: world.areas.powderhornId, role: 'member' });
      const joined = await ApiClient.join(world.server.url, invite);
      await world.admin.ok('POST', `/members/${joined.id}/approve`, {});
      voters.push(joined);
    }
    const ctx = world.server.ctx;
    bodyId = (
      await ctx.db
        .selectFrom('bodies')
        .select('id')
        .where('area_id', '=', world.areas.powderhornId)
        .executeTakeFirstOrThrow()
    ).id;
    const now = Date.now();
    const election = await world.admin.ok<{ id: string }>('POST', `/bodies/${bodyId}/elections`, {
      requestId: crypto.randomUUID(),
      office: 'delegate',
      seats: 2,
      termMonths: 12,
      votingOpensAt: new Date(now + HOUR).toISOString(),
      votingClosesAt: new Date(now + 2 * HOUR).toISOString(),
    });
    electionId = election.id;
    const handles = await ctx.db
      .selectFrom('members')
      .select(['id', 'handle'])
      .where(
        'id',
        'in',
        voters.map((v) => v.id),
      )
      .execute();
    const handleOf = (i: number) => handles.find((h) => h.id === voters[i]!.id)!.handle;
    // The chair sees the roll by name and picks the first nominee from it ...
    await world.admin.ok('PUT', `/bodies/${bodyId}/officers`, {
      requestId: crypto.randomUUID(),
      chair: voters[3]!.id,
    });
    const chair = await signedIn('chair', voters[3]!.client);
    voters[3]!.phone = chair;
    await chair.goto(`/elections/${electionId}`);
    const picker = chair.page.getByLabel('Member of the committee');
    await picker.locator('option', { hasText: handleOf(0) }).waitFor({ state: 'attached' });
    await chair.expectAccessible('election: nominate from the roll');
    await picker.selectOption({ label: handleOf(0) });
    await chair.page.getByRole('button', { name: 'Nominate', exact: true }).click();
    await chair.page.getByText(`${handleOf(0)} is nominated.`).waitFor();
    await chair.screenshot('elections-00-nominate-from-roll');
    // ... a member of the roll sees no list and names the second by nickname.
    const member = await signedIn('voter-3', voters[2]!.client);
    voters[2]!.phone = member;
    await member.goto(`/elections/${electionId}`);
    await member.page.getByRole('heading', { name: 'Nominate another member' }).waitFor();
    expect(await member.page.getByLabel('Member of the committee').count()).toBe(0);
    await member.expectAccessible('election: nominate by nickname');
    await member.page.getByLabel('Their nickname').fill(handleOf(1).toUpperCase());
    await member.page.getByRole('button', { name: 'Nominate', exact: true }).click();
    await member.page.getByText(`${handleOf(1)} is nominated.`).waitFor();
    for (const [lang, heading] of Object.entries(OTHER_TITLE)) {
      await member.page.evaluate(`localStorage.setItem('tocsin.lang', '${lang}')`);
      await member.goto(`/elections/${electionId}`);
      await member.page.getByRole('heading', { name: heading }).waitFor();
      expect(
        await member.page.evaluate('document.documentElement.scrollWidth'),
      ).toBeLessThanOrEqual(360);
      await member.expectAccessible(`election: nominations (${lang})`);
    }
    await member.page.evaluate(`localStorage.setItem('tocsin.lang', 'en')`);
    // Two members nominated by others; each accepts on their own phone with a statement.
    for (const [i, statement] of ['Rent strike first', 'Safe streets for all'].entries()) {
      const p = await signedIn(`candidate-${i + 1}`, voters[i]!.client);
      voters[i]!.phone = p;
      await p.goto(`/elections/${electionId}`);
      await p.page.getByRole('heading', { name: 'Nominations' }).waitFor();
      if (i === 0) await p.expectAccessible('election: nominations');
      await p.page.getByLabel('Your statement to the members').fill(statement);
      await p.page.getByRole('button', { name: 'Accept the nomination' }).click();
      await p.page.getByText('You are standing in this election.').waitFor();
      await p.screenshot(`elections-0${i + 1}-accepted`);
    }
    const view = await voters[3]!.client.ok<{ options: { label: string }[] }>(
      'GET',
      `/elections/${electionId}`,
    );
    expect(view.options).toHaveLength(2);
  }, 180_000);

  it('five members vote secretly from five phones; the box never sees a cookie', async () => {
    await schedule(new Date(Date.now() - 1000), new Date(Date.now() + HOUR));
    for (let i = 2; i < 5; i += 1)
      voters[i]!.phone ??= await signedIn(`voter-${i + 1}`, voters[i]!.client);
    const ballotRequests: { cookie: boolean; authorization: boolean }[] = [];
    const candidates = (
      await voters[0]!.client.ok<{ options: { label: string }[] }>(
        'GET',
        `/elections/${electionId}`,
      )
    ).options.map((o) => o.label);
    // Three put the first candidate first, two the second.
    const firsts = [0, 1, 0, 1, 0];
    await Promise.all(
      voters.map(async (voter, i) => {
        const p = voter.phone!;
        p.page.on('request', (request) => {
          if (request.method() !== 'POST' || !request.url().endsWith('/ballots')) return;
          void request.allHeaders().then((headers) =>
            ballotRequests.push({
              cookie: 'cookie' in headers,
              authorization: 'authorization' in headers,
            }),
          );
        });
        await p.goto(`/elections/${electionId}`);
        await p.page.getByRole('heading', { name: 'Your secret ballot' }).waitFor();
        if (i === 2) await p.expectAccessible('election: ballot');
        const first = candidates[firsts[i]!]!;
        const second = candidates[1 - firsts[i]!]!;
        await p.page.getByRole('button', { name: `Add ${first} to your ranking` }).click();
        if (i !== 4)
          await p.page.getByRole('button', { name: `Add ${second} to your ranking` }).click();
        if (i === 2) await p.screenshot('elections-03-ranked-360px');
        await p.page.getByRole('button', { name: 'Cast my ballot' }).click();
        const receipt = p.page.getByTestId('receipt');
        const failed = p.page.locator('.ballot .notice--error');
        await receipt.or(failed).waitFor({ timeout: 30_000 });
        const why = (await failed.count()) > 0 ? await failed.first().textContent() : null;
        expect(why ?? '').toBe('');
        receipts.push((await receipt.textContent())?.trim() ?? '');
      }),
    );
    expect(receipts).toHaveLength(5);
    expect(new Set(receipts).size).toBe(5);
    expect(ballotRequests).toHaveLength(5);
    expect(ballotRequests.every((r) => !r.cookie && !r.authorization)).toBe(true);
    const p = voters[2]!.phone!;
    await p.expectAccessible('election: receipt');
    await p.screenshot('elections-04-receipt');
    // The roll knows five tokens were issued; the box holds five ballots, with no member.
    const counts = await sql<{ tokens: number; ballots: number }>`
      select (select count(*)::int from election_tokens where election_id = ${electionId}) as tokens,
             (select count(*)::int from election_ballots where election_id = ${electionId}) as ballots`.execute(
      stage.world.server.ctx.db,
    );
    expect(counts.rows[0]).toEqual({ tokens: 5, ballots: 5 });
  }, 120_000);

  it('counts at close: the results page shows the stage table and the ballot list every receipt', async () => {
    await schedule(new Date(Date.now() - 2000), new Date(Date.now() - 1000));
    const p = voters[2]!.phone!;
    await p.goto(`/elections/${electionId}`);
    await p.page.getByRole('heading', { name: 'Results' }).waitFor();
    const table = p.page.getByTestId('stage-table');
    await table.waitFor();
    expect(await table.textContent()).toContain('First preferences');
    await p.page.getByTestId('transfer-chart').waitFor();
    const list = p.page.getByTestId('ballot-list');
    await list.waitFor();
    const shown = await list.locator('code').allTextContents();
    expect(shown.sort()).toEqual([...receipts].sort());
    expect(await p.page.getByText('(yours)').count()).toBe(1);
    await p.expectAccessible('election: results');
    await p.screenshot('elections-05-results');
    // The body's page: elections and the two elected delegates.
    await p.goto(`/bodies/${bodyId}/elections`);
    await p.page.getByRole('heading', { name: 'Office holders' }).waitFor();
    await expect.poll(() => p.page.getByTestId('holder').count()).toBe(2);
    await p.expectAccessible('elections: body');
    await p.screenshot('elections-06-holders');
  });

  it('recall: a petition reaches its threshold, the secret recall vote removes the holder, a by-election opens', async () => {
    const { world } = stage;
    const db = world.server.ctx.db;
    const holders = await db
      .selectFrom('office_holders')
      .innerJoin('members', 'members.id', 'office_holders.member_id')
      .select(['office_holders.id', 'office_holders.member_id', 'members.handle'])
      .where('office_holders.election_id', '=', electionId)
      .orderBy('members.handle')
      .execute();
    expect(holders).toHaveLength(2);
    const target = holders[0]!;
    const holderItem = (p: Phone) =>
      p.page.getByTestId('holder').filter({ hasText: target.handle });
    // The others sign on their phones, one by one, until the petition reaches its threshold
    // (20% of the roll by default): then the recall vote opens at once.
    const signers = voters.filter((v) => v.id !== target.member_id);
    let signed = 0;
    for (const voter of signers) {
      const p = voter.phone!;
      await p.goto(`/bodies/${bodyId}/elections`);
      const item = holderItem(p);
      await item.waitFor();
      if ((await item.getByText('A recall vote is open.').count()) > 0) break;
      await item.getByRole('button', { name: 'Sign a recall petition' }).click();
      await item
        .getByText('You signed the recall petition.')
        .or(item.getByText('A recall vote is open.'))
        .waitFor();
      signed += 1;
      if (signed === 1) {
        await p.expectAccessible('elections: recall petition');
        await p.screenshot('elections-07-petition');
      }
    }
    const petition = await db
      .selectFrom('recall_petitions')
      .select(['threshold', 'state', 'election_id'])
      .where('holder_id', '=', target.id)
      .executeTakeFirstOrThrow();
    const roll = await sql<{ n: number }>`select count(distinct r.member_id)::int as n
      from area_roles r join members m on m.id = r.member_id
      where r.area_id = ${world.areas.powderhornId} and m.status <> 'suspended'`.execute(db);
    expect(petition.threshold).toBe(Math.ceil((roll.rows[0]!.n * 20) / 100));
    expect(signed).toBe(petition.threshold);
    expect(petition.state).toBe('voting');
    const recallId = petition.election_id!;
    // The secret recall vote, from four phones: three yes, one no.
    const p0 = voters[2]!.phone!;
    await p0.goto(`/bodies/${bodyId}/elections`);
    await holderItem(p0).getByRole('link', { name: 'Go to the vote' }).click();
    await p0.page.getByRole('heading', { name: 'Your secret ballot' }).waitFor();
    await p0.expectAccessible('election: recall ballot');
    const choices = ['Yes, remove', 'Yes, remove', 'Yes, remove', 'No, keep'];
    const recallReceipts: string[] = [];
    await Promise.all(
      signers.slice(0, 4).map(async (voter, i) => {
        const p = voter.phone!;
        await p.goto(`/elections/${recallId}`);
        await p.page.getByRole('heading', { name: 'Your secret ballot' }).waitFor();
        await p.page.getByRole('button', { name: choices[i]! }).click();
        const receipt = p.page.getByTestId('receipt');
        const failed = p.page.locator('.ballot .notice--error');
        await receipt.or(failed).waitFor({ timeout: 30_000 });
        const why = (await failed.count()) > 0 ? await failed.first().textContent() : null;
        expect(why ?? '').toBe('');
        recallReceipts.push((await receipt.textContent())?.trim() ?? '');
      }),
    );
    expect(new Set(recallReceipts).size).toBe(4);
    // The vote closes (its seven days pass): the count at close removes the holder.
    await sql`update elections set voting_opens_at = ${new Date(Date.now() - 2000)},
      voting_closes_at = ${new Date(Date.now() - 1000)} where id = ${recallId}`.execute(db);
    await p0.goto(`/elections/${recallId}`);
    const outcome = p0.page.getByTestId('recall-result');
    await outcome.waitFor();
    expect(await outcome.textContent()).toContain('Yes: 3, no: 1.');
    expect(await outcome.textContent()).toContain('The holder is removed; a by-election opens.');
    await p0.expectAccessible('election: recall result');
    await p0.screenshot('elections-08-recalled');
    // The body's page: one holder left, and a one-seat by-election taking nominations.
    await p0.goto(`/bodies/${bodyId}/elections`);
    await p0.page.getByRole('heading', { name: 'Office holders' }).waitFor();
    await expect.poll(() => p0.page.getByTestId('holder').count()).toBe(1);
    expect(await holderItem(p0).count()).toBe(0);
    const byElection = p0.page
      .getByTestId('election-list')
      .getByRole('link', { name: 'Election: Delegate to the council (1 seats)' });
    await byElection.waitFor();
    await byElection.click();
    await p0.page.getByTestId('phase').filter({ hasText: 'Nominations' }).waitFor();
    const vacancy = await db
      .selectFrom('elections')
      .select(['seats', 'fills_vacancy_of'])
      .where('body_id', '=', bodyId)
      .where('fills_vacancy_of', '=', target.id)
      .executeTakeFirstOrThrow();
    expect(vacancy.seats).toBe(1);
    await p0.screenshot('elections-09-by-election');
  }, 180_000);
});
