import { expect, type Locator, type Page } from '@playwright/test';

/** Page model of the X-matrix page: the hooks the web app exposes for tests, in one place. */
export class MatrixPage {
  readonly matrix: Locator;

  constructor(private readonly page: Page) {
    this.matrix = page.getByTestId('matrix');
  }

  async openDemo(): Promise<void> {
    await this.page.goto('/');
    await expect(this.matrix).toBeVisible();
  }

  async open(orgId: string, unitId: string, year: number): Promise<void> {
    await this.page.goto(`/org/${orgId}/units/${unitId}/matrix/${year}`);
    await expect(this.matrix).toBeVisible();
  }

  /** A corner-grid cell, named by its two items in the grid's stored orientation. */
  cell(fromId: string, toId: string): Locator {
    return this.page.getByTestId(`cell-${fromId}-${toId}`);
  }

  ownerCell(initiativeId: string, whoId: string): Locator {
    return this.page.getByTestId(`owner-${initiativeId}-${whoId}`);
  }

  item(id: string): Locator {
    return this.page.getByTestId(`item-${id}`);
  }

  /** The "+" slots that add items (one per part, Who included); none in a read-only matrix. */
  get addSlots(): Locator {
    return this.matrix.getByTestId(/^add-/);
  }

  /** The detail drawer of an initiative or a KPI (opened by a click or Enter on the item). */
  get detail(): Locator {
    return this.page.getByTestId('item-detail');
  }

  async strengthOf(cell: Locator): Promise<string> {
    return (await cell.getAttribute('data-strength')) ?? '';
  }
}
