import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchBrowser } from './browser';
import { Phone } from './phone';
import { POWDERHORN, startWorld, type World } from './world';

/** One suite's world and browser, and the phones its tests open on them. */
export interface BrowserWorld {
  /** The running world; there from the suite's `beforeAll` on. */
  readonly world: World;
  /** Opens a phone on the world, at Powderhorn Park unless told; its problems fail the suite. */
  readonly phone: (
    name: string,
    geolocation?: { latitude: number; longitude: number },
  ) => Promise<Phone>;
}

/**
 * Starts a world and a browser before a suite's tests and closes them after, once it has checked
 * that no phone opened with `phone` had a page error, a CSP violation or a foreign request. Call
 * it in the body of the suite's `describe`.
 */
export function browserWorld(options: Parameters<typeof startWorld>[0] = {}): BrowserWorld {
  let world: World | undefined;
  let browser: Browser | undefined;
  const phones: Phone[] = [];
  beforeAll(async () => {
    world = await startWorld(options);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const p of phones) expect(p.problems, p.name).toEqual([]);
    await browser?.close();
    await world?.close();
  });
  const started = () => {
    if (!world || !browser) throw new Error('the suite has not started its world yet');
    return { world, browser };
  };
  return {
    get world() {
      return started().world;
    },
    phone: async (name, geolocation = POWDERHORN) => {
      const { world, browser } = started();
      const opened = await Phone.open(browser, world.url, name, { geolocation });
      phones.push(opened);
      return opened;
    },
  };
}
