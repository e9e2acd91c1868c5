import { expect, type Locator, type Page } from '@playwright/test';

/** Page model of the execution views: OKRs with check-ins, the bowling chart and the dashboard. */
export class ExecutionPages {
  constructor(private readonly page: Page) {}

  async openOkrs(orgId: string, unitId: string, cycleId: string): Promise<void> {
    await this.page.goto(`/org/${orgId}/units/${unitId}/okrs?cycle=${cycleId}`);
    await expect(this.page.getByTestId(/^objective-/).first()).toBeVisible();
  }

  keyResult(id: string): Locator {
    return this.page.getByTestId(`kr-${id}`);
  }

  objective(id: string): Locator {
    return this.page.getByTestId(`objective-${id}`);
  }

  /** Opens the key result's check-in form, fills it and saves. */
  async checkIn(krId: string, value: string, confidence: string, comment: string): Promise<void> {
    const row = this.keyResult(krId);
    await row.getByRole('button', { name: 'Check in' }).click();
    const form = row.getByRole('form');
    await form.getByLabel('Value').fill(value);
    await form.getByLabel('Confidence').fill(confidence);
    await form.getByLabel('Comment').fill(comment);
    await form.getByRole('button', { name: 'Save check-in' }).click();
    await expect(form).toBeHidden();
  }

  async openBowling(orgId: string, unitId: string, year: number): Promise<void> {
    await this.page.goto(`/org/${orgId}/units/${unitId}/bowling/${year}`);
    await expect(this.page.getByTestId('bowling-chart')).toBeVisible();
  }

  frame(kpiId: string, month: number): Locator {
    return this.page.getByTestId(`frame-${kpiId}-${month}`);
  }

  /** The bowling chart's "Check in" on a KPI (only there when the user may check in on it). */
  kpiCheckIn(kpiId: string): Locator {
    return this.page.getByTestId(`check-in-${kpiId}`);
  }

  /** Checks in on a KPI from the bowling chart: opens the form, fills it and saves. */
  async checkInOnKpi(kpiId: string, value: string, confidence: string, comment: string): Promise<void> {
    await this.kpiCheckIn(kpiId).click();
    const form = this.page.getByRole('form', { name: /^Check in on / });
    await form.getByLabel('Value').fill(value);
    await form.getByLabel('Confidence').fill(confidence);
    await form.getByLabel('Comment').fill(comment);
    await form.getByRole('button', { name: 'Save check-in' }).click();
    await expect(form).toBeHidden();
  }

  async openDashboard(orgId: string, unitId: string, cycleId: string): Promise<void> {
    await this.page.goto(`/org/${orgId}/units/${unitId}/dashboard?cycle=${cycleId}`);
    await expect(this.page.getByTestId('dashboard')).toBeVisible();
  }
}
