import type { Locator } from 'playwright-core';
import { expect } from 'vitest';
import type { Phone } from '../phone';

type Section = 'Members' | 'Invites' | 'Working groups' | 'Statistics';

/** The organizer pages: members, invites, working groups and statistics of an area. */
export class OrganizerScreen {
  constructor(private readonly phone: Phone) {}

  private get page() {
    return this.phone.page;
  }

  /** Opens them from the bottom navigation (only organizers have the link). */
  async open(): Promise<void> {
    await this.phone.nav('Organize');
    await this.page.getByRole('heading', { name: 'Organize', level: 1 }).waitFor();
  }

  async section(name: Section): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Organizer pages' })
      .getByRole('link', { name })
      .click();
    await this.page
      .getByRole('navigation', { name: 'Organizer pages' })
      .locator('[aria-current="page"]', { hasText: name })
      .waitFor();
  }

  async area(): Promise<string> {
    const select = this.page.getByLabel('Area', { exact: true });
    return select.locator('option:checked').innerText();
  }

  /** Makes an invite link for a role in the area; returns the link as shown. */
  async createInvite(role: string): Promise<string> {
    await this.page.getByLabel('Their role').selectOption({ label: role });
    await this.page.getByRole('button', { name: 'Make an invite link' }).click();
    const link = this.page.getByTestId('invite-link').getByLabel('Invite link');
    await link.waitFor();
    return link.inputValue();
  }

  /** The states of my invites, newest first ("Open", "Used", "Withdrawn"…). */
  async inviteStates(): Promise<string[]> {
    return this.page.getByTestId('invites').locator('li strong').allInnerTexts();
  }

  async withdrawFirstOpenInvite(): Promise<void> {
    const open = this.page.getByTestId('invites').locator('li[data-state="open"]');
    const before = await open.count();
    await open.first().getByRole('button', { name: 'Withdraw' }).click();
    await expect.poll(() => open.count()).toBeLessThan(before);
  }

  waiting(handle: string): Locator {
    return this.page.getByTestId('waiting').locator(`li[data-member="${handle}"]`);
  }

  member(handle: string): Locator {
    return this.page.getByTestId('members').locator(`li[data-member="${handle}"]`);
  }

  /** What the last change said (in the status line above the lists). */
  async done(text: string): Promise<void> {
    await this.page.getByRole('status').filter({ hasText: text }).waitFor();
  }

  async approve(handle: string): Promise<void> {
    await this.waiting(handle)
      .getByRole('button', { name: `Approve ${handle}` })
      .click();
    await this.done(`${handle} is now an active member.`);
  }

  async openRoles(handle: string): Promise<void> {
    await this.member(handle)
      .getByRole('button', { name: `Change roles ${handle}` })
      .click();
  }

  /** Ticks exactly these roles (besides member) and saves. */
  async saveRoles(handle: string, roles: string[]): Promise<void> {
    const row = this.member(handle);
    for (const box of await row.getByRole('checkbox').all()) {
      const label = (await box.locator('xpath=..').innerText()).trim();
      await box.setChecked(roles.includes(label));
    }
    await row.getByRole('button', { name: 'Save roles' }).click();
    await this.done(`The roles of ${handle} were saved.`);
  }

  /** Ticks these roles and saves; the server refuses, and the row says why. */
  async saveRolesRefused(handle: string, roles: string[]): Promise<void> {
    const row = this.member(handle);
    for (const box of await row.getByRole('checkbox').all()) {
      const label = (await box.locator('xpath=..').innerText()).trim();
      await box.setChecked(roles.includes(label));
    }
    await row.getByRole('button', { name: 'Save roles' }).click();
    await row.getByRole('alert').waitFor();
  }

  async suspend(handle: string, reason: string): Promise<void> {
    const row = this.member(handle);
    await row.getByRole('button', { name: `Suspend ${handle}` }).click();
    await row.getByLabel('Reason (kept in the audit log)').fill(reason);
    await row.getByRole('button', { name: 'Yes, suspend' }).click();
    await this.done(`${handle} is suspended.`);
  }

  async reinstate(handle: string): Promise<void> {
    const row = this.member(handle);
    await row.getByRole('button', { name: `Reinstate ${handle}` }).click();
    await row.getByRole('button', { name: 'Yes, reinstate' }).click();
    await this.done(`The suspension of ${handle} was lifted.`);
  }

  group(name: string): Locator {
    return this.page.getByTestId('groups').locator(`li[data-group="${name}"]`);
  }

  async groupCount(name: string): Promise<string> {
    return this.group(name).getByTestId('group-count').innerText();
  }

  async joinGroup(name: string): Promise<void> {
    await this.group(name)
      .getByRole('button', { name: `Join ${name}` })
      .click();
    await this.group(name)
      .getByRole('button', { name: `Leave ${name}` })
      .waitFor();
  }

  async groupMembers(name: string): Promise<string[]> {
    await this.group(name)
      .getByRole('button', { name: `Who is in it ${name}` })
      .click();
    const list = this.group(name).locator('.group__members li');
    await list.first().waitFor();
    return list.allInnerTexts();
  }

  async addGroup(name: string): Promise<void> {
    await this.page.getByLabel('Name of the group').fill(name);
    await this.page.getByRole('button', { name: 'Add the group' }).click();
    await this.group(name).waitFor();
  }

  /** The statistics table as label → value. */
  async stats(): Promise<Record<string, string>> {
    const table = this.page.getByTestId('stats');
    await table.waitFor();
    const rows = await table.locator('tr').all();
    const out: Record<string, string> = {};
    for (const row of rows) {
      out[(await row.locator('th').innerText()).trim()] = (
        await row.locator('td').innerText()
      ).trim();
    }
    return out;
  }
}
