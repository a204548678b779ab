import type { Phone } from '../phone';

/** One incident: state, timeline, know-your-rights; verify buttons for verifiers. */
export class IncidentScreen {
  constructor(private readonly phone: Phone) {}

  private get page() {
    return this.phone.page;
  }

  async open(id: string): Promise<void> {
    await this.phone.goto(`/incidents/${id}`);
    await this.page.getByTestId('incident-state').waitFor();
  }

  async state(): Promise<string | null> {
    return this.page.getByTestId('incident-state').locator('.badge').textContent();
  }

  /** A verifier's action, confirmed with "Yes". */
  async act(label: string): Promise<void> {
    await this.page.getByRole('button', { name: label }).click();
    await this.page.getByRole('button', { name: 'Yes' }).click();
    await this.page.getByRole('button', { name: 'Yes' }).waitFor({ state: 'detached' });
  }
}
