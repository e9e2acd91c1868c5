import { expect, type Locator, type Page } from '@playwright/test';

/** Page model of the OKR import page: upload → preview → confirm. */
export class ImportPage {
  readonly preview: Locator;
  readonly problems: Locator;
  readonly confirm: Locator;

  constructor(private readonly page: Page) {
    this.preview = page.getByTestId('import-preview');
    this.problems = page.getByTestId('import-problems');
    this.confirm = page.getByTestId('import-confirm');
  }

  async open(orgId: string, unitId: string): Promise<void> {
    await this.page.goto(`/org/${orgId}/import?unit=${unitId}`);
    await expect(this.page.getByRole('heading', { name: 'Import OKRs' })).toBeVisible();
  }

  /** Chooses a CSV file with the given rows; the preview starts at once. */
  async upload(name: string, rows: string[][]): Promise<void> {
    const csv = rows
      .map((row) => row.map((cell) => (cell.includes(',') ? `"${cell}"` : cell)).join(','))
      .join('\n');
    await this.page
      .getByTestId('import-file')
      .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect(this.preview).toBeVisible();
  }
}
