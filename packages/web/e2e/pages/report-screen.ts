import type { Phone } from '../phone';

/** The one-screen SALUTE form, paste mode, and the status of what was sent. */
export class ReportScreen {
  constructor(private readonly phone: Phone) {}

  private get page() {
    return this.phone.page;
  }

  /** Opens the form through the bottom navigation (no reload, works offline). */
  async open(): Promise<void> {
    await this.phone.nav('Report');
    await this.page.getByRole('heading', { name: 'Report a sighting' }).waitFor();
  }

  async quick(label: string): Promise<void> {
    await this.page.getByRole('button', { name: label }).click();
  }

  async waitForLocation(): Promise<void> {
    await this.page.getByTestId('location-found').waitFor();
  }

  async chooseArea(name: string): Promise<void> {
    await this.page.getByLabel('Neighborhood').selectOption({ label: name });
  }

  /** Opens the map and taps its middle. */
  async pickOnMap(): Promise<void> {
    await this.page.getByRole('button', { name: 'Choose on the map' }).click();
    const map = this.page.getByRole('region', { name: 'Map: tap to choose the place' });
    await map.locator('.leaflet-control-zoom').waitFor();
    await map.click();
    await this.page.getByText('Place chosen on the map.').waitFor();
  }

  async paste(text: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Paste a message' }).click();
    await this.page.getByLabel('Message').fill(text);
    await this.page.getByRole('button', { name: 'Fill the form from this message' }).click();
  }

  async field(label: string): Promise<string> {
    return this.page.getByLabel(label).inputValue();
  }

  async openDetails(): Promise<void> {
    const details = this.page.locator('details.details');
    if ((await details.getAttribute('open')) === null) {
      await details.locator('summary').click();
    }
  }

  /** Sends and returns the report's client UUID. */
  async send(): Promise<string> {
    await this.page.getByRole('button', { name: 'Send report' }).click();
    const item = this.page.getByTestId('outbox-item').first();
    await item.waitFor();
    return (await item.getAttribute('data-id')) ?? '';
  }

  item(id: string) {
    return this.page.locator(`[data-testid="outbox-item"][data-id="${id}"]`);
  }

  async statusOf(id: string): Promise<string | null> {
    return this.item(id).getAttribute('data-status');
  }

  async incidentLink(id: string): Promise<string> {
    const href = await this.item(id)
      .getByRole('link', { name: 'See the incident' })
      .getAttribute('href');
    return href?.split('/').pop() ?? '';
  }
}
