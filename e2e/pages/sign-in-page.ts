import { expect, type Locator, type Page } from '@playwright/test';

/** Page model of `/sign-in` and of the account menu in the top bar. */
export class SignInPage {
  readonly form: Locator;
  readonly demoPanel: Locator;
  readonly accountName: Locator;

  constructor(private readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Sign in' });
    this.demoPanel = page.getByRole('region', { name: 'Demo accounts' });
    this.accountName = page.getByTestId('account-name');
  }

  async open(): Promise<void> {
    await this.page.goto('/sign-in');
    await expect(this.form).toBeVisible();
  }

  /** Fills the e-mail and password form and submits it. */
  async signIn(email: string, password: string): Promise<void> {
    await this.form.getByLabel('E-mail').fill(email);
    await this.form.getByLabel('Password').fill(password);
    await this.form.getByRole('button', { name: 'Sign in' }).click();
  }

  /** One click on a demo account of the "Demo accounts" panel. */
  async signInAsDemo(email: string): Promise<void> {
    await this.demoPanel.getByRole('button', { name: `Sign in as ${email}` }).click();
  }

  /** Opens the account menu and picks an item ("Sign out", "Sign out everywhere", …). */
  async accountMenu(item: string): Promise<void> {
    await this.page.getByRole('button', { name: /^Account: / }).click();
    await this.page.getByRole('menuitem', { name: item, exact: true }).click();
  }
}
