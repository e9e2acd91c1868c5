import { expect, type Locator, type Page } from '@playwright/test';

/** The Pressure test tab of a unit: target outlooks, the proposal form and the catchball inbox. */
export class PressureTestPage {
  constructor(readonly page: Page) {}

  async open(orgId: string, unitId: string, year: number): Promise<void> {
    await this.page.goto(`/org/${orgId}/units/${unitId}/pressure/${year}`);
    await expect(this.page.getByRole('heading', { name: /Targets/ })).toBeVisible();
  }

  /** One target's outlook, e.g. ('key_result', 'cio-kr2-1'). */
  outlook(kind: string, id: string): Locator {
    return this.page.getByTestId(`outlook-${kind}-${id}`);
  }

  /** The saved plan's probability of a target, in per cent. */
  async probabilityOf(outlook: Locator): Promise<number> {
    return Number(await outlook.getByTestId('probability').getAttribute('data-probability')) * 100;
  }

  /** The only proposal in the inbox whose title matches. */
  proposal(title: RegExp): Locator {
    return this.page.locator('.proposal').filter({ hasText: title });
  }

  /** Takes an action on a proposal as the signed-in person, with an optional new target. */
  async act(proposal: Locator, button: RegExp, target?: number, comment = ''): Promise<void> {
    if (target !== undefined) await proposal.getByLabel('New target').fill(String(target));
    if (comment) await proposal.getByLabel('Comment').fill(comment);
    await proposal.getByRole('button', { name: button }).click();
  }
}
