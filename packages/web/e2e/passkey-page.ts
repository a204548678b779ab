import type { Browser, CDPSession, Page } from 'playwright-core';
import { addPlatformAuthenticator } from './webauthn';

export interface ApiAnswer {
  status: number;
  body: unknown;
}

// The browser globals the in-page code uses; this project compiles without the DOM library.
interface PageGlobals {
  fetch: typeof fetch;
  PublicKeyCredential: {
    parseCreationOptionsFromJSON(options: unknown): unknown;
    parseRequestOptionsFromJSON(options: unknown): unknown;
  };
  navigator: {
    credentials: {
      create(options: { publicKey: unknown }): Promise<{ toJSON(): unknown } | null>;
      get(options: { publicKey: unknown }): Promise<{ toJSON(): unknown } | null>;
    };
  };
}

type Ceremony = 'join' | 'add' | 'login';

/**
 * A page of the served app with a Chromium virtual authenticator (CTAP2, resident keys, user
 * verification) attached over CDP; it runs WebAuthn ceremonies against the real server the way
 * the web app will: options from the API, navigator.credentials, the answer back as JSON.
 */
export class PasskeyPage {
  private constructor(
    readonly page: Page,
    private readonly cdp: CDPSession,
    private readonly authenticatorId: string,
  ) {}

  static async open(browser: Browser, url: string): Promise<PasskeyPage> {
    const page = await browser.newPage();
    const response = await page.goto(url);
    if (response?.status() !== 200) throw new Error(`${url} answered ${response?.status()}`);
    const { cdp, authenticatorId } = await addPlatformAuthenticator(page);
    return new PasskeyPage(page, cdp, authenticatorId);
  }

  /**
   * Registers or logs in with a passkey: options → navigator.credentials → verify. `token`
   * signs the calls in as a member from another device (to add a passkey).
   */
  run(ceremony: Ceremony, input: { invite?: string; token?: string } = {}): Promise<ApiAnswer> {
    const { invite, token } = input;
    return this.page.evaluate(
      async ({ ceremony, invite, token }) => {
        const g = globalThis as unknown as PageGlobals;
        const post = async (path: string, body: object) => {
          const response = await g.fetch(`/api/v1/auth/passkey/${path}`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              ...(token ? { authorization: `Bearer ${token}` } : {}),
            },
            body: JSON.stringify(body),
          });
          return { status: response.status, body: await response.json() };
        };
        const login = ceremony === 'login';
        const stage = login ? 'login' : 'register';
        const opened = await post(`${stage}/options`, invite ? { invite } : {});
        if (opened.status !== 200) return opened;
        const { ceremonyId, options } = opened.body as { ceremonyId: string; options: unknown };
        const credential = login
          ? await g.navigator.credentials.get({
              publicKey: g.PublicKeyCredential.parseRequestOptionsFromJSON(options),
            })
          : await g.navigator.credentials.create({
              publicKey: g.PublicKeyCredential.parseCreationOptionsFromJSON(options),
            });
        if (!credential) return { status: 0, body: 'no credential' };
        return post(`${stage}/verify`, {
          ceremonyId,
          ...(invite ? { invite } : {}),
          response: credential.toJSON(),
        });
      },
      { ceremony, invite, token },
    );
  }

  /** GET an API path with the page's cookies. */
  get(path: string): Promise<ApiAnswer> {
    return this.page.evaluate(async (path) => {
      const g = globalThis as unknown as PageGlobals;
      const response = await g.fetch(`/api/v1${path}`);
      return { status: response.status, body: await response.json() };
    }, path);
  }

  /** The credentials the virtual authenticator holds. */
  async credentials() {
    const { credentials } = await this.cdp.send('WebAuthn.getCredentials', {
      authenticatorId: this.authenticatorId,
    });
    return credentials;
  }
}
