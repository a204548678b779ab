import type { Phone } from '../phone';

/** Settings: language, alerts, devices, panic wipe. */
export class SettingsScreen {
  constructor(private readonly phone: Phone) {}

  private get page() {
    return this.phone.page;
  }

  async open(): Promise<void> {
    await this.phone.nav('Settings');
    await this.page.getByRole('heading', { name: 'Settings' }).waitFor();
  }

  async chooseLanguage(code: string): Promise<void> {
    await this.page.getByTestId('language-select').selectOption(code);
  }

  /** The panic wipe: one tap, one confirmation. */
  async wipe(): Promise<void> {
    await this.page.getByRole('button', { name: 'Wipe this phone' }).click();
    await this.page.getByRole('button', { name: 'Yes, erase everything' }).click();
    await this.page.getByTestId('wipe-status').getByText('Done.').waitFor();
  }

  /** Everything the site has stored in this browser profile, as counts. */
  async storageLeft(): Promise<Record<string, number>> {
    const inPage = await this.page.evaluate<Record<string, number>>(`(async () => ({
      localStorage: localStorage.length,
      sessionStorage: sessionStorage.length,
      indexedDB: (await indexedDB.databases()).length,
      caches: (await caches.keys()).length,
      serviceWorkers: (await navigator.serviceWorker.getRegistrations()).length,
    }))()`);
    const cookies = await this.phone.context.cookies(this.phone.url);
    return { ...inPage, cookies: cookies.length };
  }
}
