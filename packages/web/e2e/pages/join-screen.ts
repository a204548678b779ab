import { expect } from 'vitest';
import type { Phone } from '../phone';

/** /join#<code>: create the account, save the recovery codes, choose language and areas. */
export class JoinScreen {
  constructor(private readonly phone: Phone) {}

  private get page() {
    return this.phone.page;
  }

  async open(code: string): Promise<void> {
    await this.phone.goto(`/join#${code}`);
    await this.page.getByRole('heading', { name: 'Join Tocsin' }).waitFor();
  }

  async createAccount(): Promise<void> {
    await this.page.getByRole('button', { name: 'Create my account' }).click();
    await this.page.getByRole('heading', { name: 'Save your recovery codes' }).waitFor();
  }

  async recoveryCodes(): Promise<string[]> {
    return this.page.getByTestId('recovery-codes').locator('code').allTextContents();
  }

  async continueEnabled(): Promise<boolean> {
    return this.page.getByRole('button', { name: 'Continue' }).isEnabled();
  }

  async confirmSaved(): Promise<void> {
    await this.page.getByLabel('I saved these codes somewhere safe').check();
    await this.page.getByRole('button', { name: 'Continue' }).click();
    await this.page.getByRole('heading', { name: 'Language and alerts' }).waitFor();
  }

  async chooseArea(name: string): Promise<void> {
    await this.page.getByLabel('Search neighborhoods').fill(name);
    await this.page.getByRole('checkbox', { name, exact: true }).check();
  }

  /** Saves the preferences; the notifications offer that follows (once per phone) is put off. */
  async finish(): Promise<void> {
    await this.save();
    if (await this.offer().isVisible()) await this.notNow();
    await this.home().waitFor();
  }

  /** Saves the preferences, and waits for what comes next: the notifications offer, or home. */
  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save and start' }).click();
    await this.offer().or(this.home()).waitFor();
  }

  /** The offer of notifications at the end of joining. */
  offer() {
    return this.page.getByTestId('notify-offer');
  }

  async acceptNotifications(): Promise<void> {
    await this.offer().getByRole('button', { name: 'Turn on notifications' }).click();
    await this.home().waitFor();
  }

  async notNow(): Promise<void> {
    await this.offer().getByRole('button', { name: 'Not now' }).click();
    await this.home().waitFor();
  }

  private home() {
    return this.page.getByRole('heading', { name: 'Alerts', exact: true });
  }

  /** The whole flow with a device key, for members the test only needs signed in. */
  async joinWith(code: string, area: string): Promise<void> {
    await this.open(code);
    await this.createAccount();
    expect(await this.recoveryCodes()).toHaveLength(10);
    await this.confirmSaved();
    await this.chooseArea(area);
    await this.finish();
  }
}
