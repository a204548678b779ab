import type { CDPSession, Page } from 'playwright-core';

/**
 * Gives the page a platform authenticator with user verification, as a phone with a fingerprint
 * reader has: Chromium's virtual WebAuthn device over CDP, answering without a prompt.
 */
export async function addPlatformAuthenticator(
  page: Page,
): Promise<{ cdp: CDPSession; authenticatorId: string }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable', { enableUI: false });
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { cdp, authenticatorId };
}
