import type { Phone } from '../phone';

/** Responder mode: shift and dispatches. */
export class RespondScreen {
  constructor(private readonly phone: Phone) {}

  private get page() {
    return this.phone.page;
  }

  async open(): Promise<void> {
    await this.phone.nav('Respond');
    await this.page.getByRole('heading', { name: 'Responder' }).waitFor();
  }

  async shift(): Promise<string | null> {
    return this.page.getByTestId('shift-state').textContent();
  }

  async goOnShift(): Promise<void> {
    await this.page.getByRole('button', { name: 'Go on shift' }).click();
    await this.page.getByText('You are on shift.').waitFor();
  }

  dispatch() {
    return this.page.getByTestId('dispatch').first();
  }

  async dispatchState(): Promise<string | null> {
    const card = this.dispatch();
    return (await card.count()) ? card.getAttribute('data-state') : null;
  }

  async answer(label: string): Promise<void> {
    await this.dispatch().getByRole('button', { name: label }).click();
  }
}
