import { describe, expect, it } from 'vitest';
import { TEST_BROWSER } from './browser';
import { browserWorld } from './browser-world';
import type { Phone } from './phone';
import type { ApiClient } from './api-client';
import { approve, approvedMember, POWDERHORN } from './world';

const suite = TEST_BROWSER ? describe : describe.skip;
const title = TEST_BROWSER
  ? 'quick choices in the reader language (issue 20)'
  : 'quick choices in the reader language (skipped: TEST_BROWSER is not set)';

/** About 1.3 km south of Powderhorn, still in the neighborhood: a separate incident. */
const POWDERHORN_1300M_SOUTH = { latitude: 44.9358, longitude: -93.2555 };

suite(title, () => {
  const stage = browserWorld();
  const { phone } = stage;
  let maria: Phone; // reads and reports in Spanish
  let alice: Phone; // reads and reports in English

  const inLanguage = async (p: Phone, lang: string, path: string) => {
    await p.page.evaluate(`localStorage.setItem('tocsin.lang', '${lang}')`);
    await p.goto(path);
  };

  /** Taps a quick choice by its code, checks its words, sends; returns the incident's id. */
  const reportQuick = async (p: Phone, code: string, words: string) => {
    const chip = p.page.locator(`.chips [data-code="${code}"]`);
    await chip.waitFor();
    expect(await chip.textContent()).toBe(words);
    await chip.click();
    expect(await chip.getAttribute('aria-pressed')).toBe('true');
    await p.page.getByTestId('location-found').waitFor();
    await p.page.locator('form.report-form button[type="submit"]').click();
    const item = p.page.getByTestId('outbox-item').first();
    await expect.poll(() => item.getAttribute('data-status'), { timeout: 15_000 }).toBe('sent');
    const href = await item.locator('a[href^="/incidents/"]').getAttribute('href');
    return {
      reportId: (await item.getAttribute('data-id')) ?? '',
      incidentId: href!.split('/').pop()!,
    };
  };

  /** A member invited by `sponsor` reports the same sighting in their own words (API). */
  const corroborate = async (
    sponsor: ApiClient,
    at: { latitude: number; longitude: number },
    incidentId: string,
  ) => {
    const client = await approvedMember(stage.world, sponsor);
    const answer = await client.ok<{ incident: { id: string; state: string } }>(
      'POST',
      '/reports',
      {
        id: crypto.randomUUID(),
        salute: { activity: 'la migra aquí', location: { lat: at.latitude, lng: at.longitude } },
      },
    );
    expect(answer.incident).toMatchObject({ id: incidentId, state: 'corroborated' });
  };

  const heading = (p: Phone) => p.page.locator('#incident-title').textContent();
  /** Opens an incident and waits for its heading to read `words`. */
  const openIncident = async (p: Phone, id: string, words: string) => {
    await p.goto(`/incidents/${id}`);
    await expect.poll(() => heading(p), { timeout: 15_000 }).toBe(words);
  };

  it('a Spanish reporter taps "Retén"; an English reader sees "Checkpoint"', async () => {
    maria = await phone('maria', POWDERHORN);
    await maria.join.joinWith(await stage.world.sponsors[0].invite(), 'Powderhorn Park');
    await approve(stage.world, maria);
    alice = await phone('alice', POWDERHORN);
    await alice.join.joinWith(await stage.world.sponsors[1].invite(), 'Powderhorn Park');
    await approve(stage.world, alice);

    await inLanguage(maria, 'es', '/report');
    const { reportId, incidentId } = await reportQuick(maria, 'checkpoint', 'Retén');
    // Stored as the code: no words of the reporter's language.
    const stored = await stage.world.server.ctx.db
      .selectFrom('reports')
      .select('salute')
      .where('id', '=', reportId)
      .executeTakeFirstOrThrow();
    expect(stored.salute).toMatchObject({ activityCode: 'checkpoint' });
    expect(stored.salute).not.toHaveProperty('activity');
    // Her own outbox and the incident read in Spanish for her.
    expect(await maria.page.getByTestId('outbox-item').first().textContent()).toContain('Retén');
    await openIncident(maria, incidentId, 'Retén');

    // A second, independent member (their own words) makes it visible to every member there.
    await corroborate(stage.world.sponsors[1], POWDERHORN, incidentId);
    await openIncident(alice, incidentId, 'Checkpoint');
    await alice.nav('Alerts');
    await expect.poll(() => alice.home.card(incidentId).textContent()).toContain('Checkpoint');
    await alice.expectAccessible('home (a quick choice from a Spanish reporter)');
  });

  it('an English reporter taps "Agents knocking on doors"; a Spanish reader sees it in Spanish', async () => {
    await alice.context.setGeolocation(POWDERHORN_1300M_SOUTH);
    await alice.goto('/report');
    const { incidentId } = await reportQuick(alice, 'doors', 'Agents knocking on doors');
    await corroborate(stage.world.sponsors[0], POWDERHORN_1300M_SOUTH, incidentId);
    await openIncident(maria, incidentId, 'Agentes tocando puertas');
    await maria.expectAccessible('incident (es, a quick choice from an English reporter)');
    // Somali and Hmong readers get their own words too.
    await inLanguage(maria, 'so', `/incidents/${incidentId}`);
    await expect.poll(() => heading(maria)).toBe('Wakiillo albaabada garaacaya');
    await inLanguage(maria, 'hmn', `/incidents/${incidentId}`);
    await expect.poll(() => heading(maria)).toBe('Tub ceev xwm khob qhov rooj');
    await maria.page.evaluate(`localStorage.setItem('tocsin.lang', 'en')`);
  });
});
