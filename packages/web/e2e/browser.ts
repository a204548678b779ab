import { chromium, type Browser } from 'playwright-core';

/** Flags for Debian's Chromium on a machine with no outside network (see ARCHITECTURE.md). */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const TEST_BROWSER = process.env.TEST_BROWSER;

/** Launches the Chromium named by TEST_BROWSER, with extra flags if given (a fake camera). */
export function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  if (!TEST_BROWSER) throw new Error('TEST_BROWSER is not set');
  return chromium.launch({
    executablePath: TEST_BROWSER,
    args: [...CHROMIUM_ARGS, ...extraArgs],
    headless: true,
  });
}
