import type { IncidentDetailView, IncidentSummaryView } from '@tocsin/core';
import { expect, it } from 'vitest';
import { buildIncident, headersOf } from './authz/targets';
import type { Persona } from './authz/types';
import { useWorld } from './authz/world';
import { confirmByTwo } from './helpers/confirm';
import { describeEachDatabase } from './helpers/harness';

// Issue 14.4: a false alarm stops spreading. Once an incident that was never confirmed ends as a
// false alarm, is merged away or ends, members who are not the area's staff are served only that
// it was retracted or ended, its area and its times: no report text, exact location or
// reporters, on the incident page and in lists (the feed is made of them). The area's verifiers
// and dispatchers keep the full view.

const ACTIVITY = 'agents at a door'; // what buildIncident reports

describeEachDatabase('a withdrawn incident stops spreading', (kind) => {
  const world = useWorld(kind);

  async function get<T>(persona: Persona, url: string): Promise<T> {
    const response = await world().app.inject({
      method: 'GET',
      url,
      headers: headersOf(world(), persona),
    });
    expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
    return response.json<T>();
  }
  async function post(persona: Persona, url: string, payload: object): Promise<void> {
    const response = await world().app.inject({
      method: 'POST',
      url,
      headers: headersOf(world(), persona),
      payload,
    });
    expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
  }
  async function listed(persona: Persona, id: string): Promise<IncidentSummaryView | undefined> {
    const list = await get<IncidentSummaryView[]>(
      persona,
      `/api/v1/incidents?areaId=${world().area.id}`,
    );
    return list.find((i) => i.id === id);
  }

  function expectRetracted(view: IncidentSummaryView | undefined, state: string): void {
    expect(view).toBeDefined();
    expect(view?.state).toBe(state);
    expect(view?.activity).toBeNull();
    expect(view?.reporters).toBe(0);
    expect(view?.location).not.toEqual(world().point);
    expect(view?.area?.id).toBe(world().area.id);
    expect(view?.firstReportAt).toBeTruthy();
  }

  async function expectStaffKeepsAll(id: string): Promise<void> {
    for (const persona of ['verifier', 'dispatcher'] as const) {
      const page = await get<IncidentDetailView>(persona, `/api/v1/incidents/${id}`);
      expect(page.activity).toBe(ACTIVITY);
      expect(page.location).toEqual(world().point);
      expect(page.reports).toBeDefined();
      const inList = await listed(persona, id);
      if (inList) expect(inList.activity).toBe(ACTIVITY);
    }
  }

  for (const [how, state] of [
    ['a false alarm', 'false_alarm'],
    ['ended', 'ended'],
  ] as const) {
    it(`${how}, never confirmed: members get the outline only; staff keep the full view`, async () => {
      const id = await buildIncident(world());
      expect((await get<IncidentDetailView>('member', `/api/v1/incidents/${id}`)).activity).toBe(
        ACTIVITY,
      );
      if (state === 'false_alarm') {
        await post('verifier', `/api/v1/incidents/${id}/verification`, {
          outcome: 'false_alarm',
          note: 'the van was a plumber',
        });
      } else {
        await post('verifier', `/api/v1/incidents/${id}/end`, { note: 'nobody there' });
      }
      for (const persona of ['member', 'probation', 'responder', 'organizer'] as const) {
        const page = await get<IncidentDetailView>(persona, `/api/v1/incidents/${id}`);
        expectRetracted(page, state);
        expect(page.reports).toBeUndefined();
        expect(page.timeline.length).toBeLessThanOrEqual(1);
        expect(JSON.stringify(page)).not.toContain('plumber');
        expect(JSON.stringify(page)).not.toContain('nobody there');
        expectRetracted(await listed(persona, id), state);
      }
      await expectStaffKeepsAll(id);
    });
  }

  it('merged away, never confirmed: the same', async () => {
    const id = await buildIncident(world());
    const into = await buildIncident(world());
    await post('verifier', `/api/v1/incidents/${id}/merge`, { into });
    expectRetracted(await get<IncidentDetailView>('member', `/api/v1/incidents/${id}`), 'merged');
    // Lists leave merged incidents out; if one is there, it is the outline.
    const inList = await listed('member', id);
    if (inList) expectRetracted(inList, 'merged');
    await expectStaffKeepsAll(id);
  });

  it('a confirmed incident that ends stays in full view', async () => {
    const id = await buildIncident(world());
    // Confirmed by two verifiers independent of each other and of the reporters.
    await confirmByTwo(world().app, world().ctx, id, world().area.id);
    await post('verifier', `/api/v1/incidents/${id}/end`, {});
    const page = await get<IncidentDetailView>('member', `/api/v1/incidents/${id}`);
    expect(page.state).toBe('ended');
    expect(page.activity).toBe(ACTIVITY);
    expect(page.location).toEqual(world().point);
  });
});
