import { expect, type Locator, type Page } from '@playwright/test';

/** Page model of the Translate wizard: its steps, the controls each step offers, and Apply. */
export class TranslateWizard {
  constructor(private readonly page: Page) {}

  /** Opens the wizard from a unit page's "Translate from parent OKRs" action. */
  async openFromUnit(orgId: string, unitId: string): Promise<void> {
    await this.page.goto(`/org/${orgId}/units/${unitId}/okrs`);
    await this.page.getByRole('link', { name: 'Translate from parent OKRs' }).click();
    await expect(this.page.getByRole('heading', { name: /^Translate OKRs into/ })).toBeVisible();
  }

  select(label: string | RegExp): Locator {
    return this.page.getByLabel(label);
  }

  async next(name: 'Propose' | 'Next' = 'Next'): Promise<void> {
    await this.page.getByRole('button', { name, exact: true }).click();
  }

  async expectStep(name: string): Promise<void> {
    await expect(this.page.getByRole('region', { name })).toBeVisible();
  }

  /** A grid cell of step 7, by the titles of its row and column items. */
  cell(rowTitle: string, columnTitle: string): Locator {
    return this.page.getByRole('button', {
      name: new RegExp(`^${escape(rowTitle)} × ${escape(columnTitle)}: `),
    });
  }

  async apply(): Promise<void> {
    await this.page.getByRole('button', { name: 'Apply', exact: true }).click();
  }
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
