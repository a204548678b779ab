import type { Phone } from '../phone';

/** The plate check: a form for active members, an explanation for members on probation. */
export class PlatesScreen {
  constructor(private readonly phone: Phone) {}

  private get page() {
    return this.phone.page;
  }

  /** Opens it from the bottom navigation, as a member would. */
  async open(): Promise<void> {
    await this.phone.nav('Plates');
    await this.page.getByRole('heading', { name: 'Check a plate', level: 1 }).waitFor();
  }

  get result() {
    return this.page.getByTestId('plate-result');
  }

  /** Checks a plate and waits for whatever the answer is; returns its text. */
  async check(plate: string): Promise<string> {
    await this.page.getByLabel('Licence plate').fill(plate);
    await this.page.getByRole('button', { name: 'Check', exact: true }).click();
    // The last answer goes as soon as a check starts; wait for the new one.
    await this.result.locator(':scope > *').first().waitFor();
    // One line per paragraph, however the browser spaces them.
    return (await this.result.innerText()).trim().replace(/\s*\n\s*/g, '\n');
  }

  /** "true" or "false" for an answer, null for no answer (an error, the rate limit). */
  async listed(): Promise<string | null> {
    const answer = this.result.locator('[data-listed]');
    return (await answer.count()) ? answer.getAttribute('data-listed') : null;
  }

  async formShown(): Promise<boolean> {
    return (await this.page.getByLabel('Licence plate').count()) > 0;
  }

  async closedText(): Promise<string> {
    return (await this.page.getByTestId('plates-closed').textContent()) ?? '';
  }
}
