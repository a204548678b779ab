import type { Phone } from '../phone';

/** Home: the live feed and the alert banner. */
export class HomeScreen {
  constructor(private readonly phone: Phone) {}

  private get page() {
    return this.phone.page;
  }

  /** The feed card of one incident. */
  card(incidentId: string) {
    return this.page.locator(`[data-incident="${incidentId}"]`);
  }

  /** The state word on an incident's card, e.g. "UNCONFIRMED". */
  async stateOf(incidentId: string): Promise<string | null> {
    const badge = this.card(incidentId).locator('.badge');
    if ((await badge.count()) === 0) return null;
    return badge.textContent();
  }

  banner() {
    return this.page.getByTestId('alert-banner');
  }

  async bannerText(): Promise<string | null> {
    return (await this.banner().count()) ? this.banner().textContent() : null;
  }
}
