import { expect, test, type Page } from '@playwright/test';
import { EMPTY_ADMIN, EMPTY_PORT, PORT } from '../playwright.config';
import { SignInPage } from './pages/sign-in-page';

/**
 * Organisation setup from nothing, in the browser only: the first administrator of an empty store
 * (the second e2e server, no demo) creates the organisation, three levels of units, a cycle and
 * people with skills and capacity, and sees a delete refused naming what depends on the unit.
 */
test.use({ baseURL: `http://localhost:${String(EMPTY_PORT)}`, viewport: { width: 1440, height: 900 } });

const SHOTS = process.env.SETUP_SHOTS;
async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** A tab of the settings (the setup steps above them link to the same sections). */
const tab = (page: Page, name: RegExp) =>
  page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name });

test('the first administrator builds an organisation in the web app', async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn(EMPTY_ADMIN.email, EMPTY_ADMIN.password);

  // Onboarding instead of "use the command line".
  const create = page.getByRole('form', { name: 'Create your organisation' });
  await expect(page.getByRole('heading', { name: 'Create your organisation' })).toBeVisible();
  await shot(page, 'onboarding');
  await create.getByRole('button', { name: 'Create organisation' }).click();
  await expect(create.getByRole('alert')).toContainText('Organisation name');
  await create.getByLabel('Organisation name').fill('Contoso Health');
  await expect(create.getByLabel('Organisation id')).toHaveValue('contoso-health');
  await create.getByLabel(/^South/).fill('Strategic pillars');
  await create.getByLabel('Breakthrough horizon (years)').fill('4');
  await create.getByRole('button', { name: 'Create organisation' }).click();

  // Units: three levels.
  await expect(page).toHaveURL(/\/org\/contoso-health\/settings\/units$/);
  await expect(page.getByText('No units yet')).toBeVisible();
  await shot(page, 'settings-units-empty');
  const addUnit = page.getByRole('form', { name: 'Add a unit' });
  const units = page.getByRole('table', { name: 'Units' });
  async function add(name: string, parent?: string) {
    await addUnit.getByLabel('Unit name').fill(name);
    if (parent)
      await addUnit.getByLabel('Parent unit').selectOption({
        label: `\u2002${'\u2002'.repeat(parent.split('/').length - 1)}${parent.split('/').at(-1) ?? ''}`,
      });
    await addUnit.getByRole('button', { name: 'Add unit' }).click();
    await expect(units.getByRole('rowheader', { name: name, exact: true })).toBeVisible();
  }
  await add('Contoso Health');
  await add('Clinical Services', 'Contoso Health');
  await add('Cardiology', 'Contoso Health/Clinical Services');
  await add('Operations', 'Contoso Health');
  await expect(units.getByRole('row')).toHaveCount(5);

  // People: one by one, then pasted from a spreadsheet (a bad row first: nothing is written).
  await tab(page, /^People/).click();
  await page.getByRole('button', { name: 'Add person' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a person' });
  await dialog.getByLabel('Name', { exact: true }).fill('Priya Raman');
  await dialog.getByLabel('E-mail').fill('priya@contoso.example');
  await dialog.getByLabel('Skills').fill('Cardiology, Clinical research');
  await dialog.getByLabel('Monthly capacity (person-days)').fill('12');
  await dialog.getByRole('button', { name: 'Add person' }).click();
  const people = page.getByRole('table', { name: 'People' });
  await expect(people.getByRole('row', { name: /Priya Raman/ })).toContainText('12 d/mo');

  const paste = page.getByRole('form', { name: 'Paste people' });
  const box = paste.getByLabel('Rows: name, e-mail, skills, capacity');
  await box.fill(
    'Name\tE-mail\tSkills\tCapacity\nTom Becker\ttom@contoso.example\tLean, Scheduling\t16\nBad Row\tnot-an-address\t\t40',
  );
  await expect(paste.getByRole('alert')).toContainText('row 3, e-mail');
  await expect(paste.getByRole('alert')).toContainText('row 3, capacity');
  await shot(page, 'settings-people-paste-problems');
  await paste.getByRole('button', { name: 'Add 2 people' }).click();
  await expect(people.getByRole('row')).toHaveCount(2);
  await box.fill('Tom Becker\ttom@contoso.example\tLean, Scheduling\t16\nAmara Okafor\t\tData analysis\t9.5');
  await expect(paste.getByRole('table', { name: 'Preview' }).getByRole('row')).toHaveCount(3);
  await paste.getByRole('button', { name: 'Add 2 people' }).click();
  await expect(page.getByText('Added 2 people')).toBeVisible();
  await expect(people.getByRole('row', { name: /Amara Okafor/ })).toContainText('9.5 d/mo');
  await expect(people.getByRole('row', { name: /Tom Becker/ })).toContainText('Scheduling');
  await shot(page, 'settings-people');

  // A unit owner, picked by name.
  await tab(page, /^Units/).click();
  await units.getByRole('button', { name: 'Edit Cardiology' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit Cardiology' });
  await edit.getByLabel('Owner').selectOption({ label: 'Priya Raman' });
  await edit.getByRole('button', { name: 'Save unit' }).click();
  await expect(units.getByRole('row', { name: /Cardiology/ })).toContainText('Priya Raman');
  await shot(page, 'settings-units');

  // A delete with units below is refused, naming them.
  await units.getByRole('button', { name: 'Delete Clinical Services' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete Clinical Services?' });
  await confirm.getByRole('button', { name: 'Delete unit' }).click();
  await expect(confirm).toContainText('Clinical Services has 1 unit below it; move or delete it first');
  await confirm.getByRole('button', { name: 'Cancel' }).click();

  // A fiscal-year cycle with its quarters.
  await tab(page, /^Cycles/).click();
  const addCycle = page.getByRole('form', { name: 'Add a cycle' });
  await addCycle.getByLabel('Year', { exact: true }).fill('2026');
  await addCycle.getByLabel('Starts in').selectOption({ label: 'April (fiscal year)' });
  await expect(addCycle.getByTestId('cycle-preview')).toContainText('1 Apr 2026 – 31 Mar 2027');
  await addCycle.getByRole('button', { name: 'Add cycle' }).click();
  const cycles = page.getByRole('table', { name: 'Cycles' });
  await expect(cycles.getByRole('row', { name: /FY2026/ })).toContainText('Q4 from 1 Jan 2027');
  await shot(page, 'settings-cycles');

  // General: the part labels chosen at the start.
  await tab(page, /^General$/).click();
  await expect(page.getByLabel(/^South/)).toHaveValue('Strategic pillars');
  await expect(page.getByLabel('Breakthrough horizon (years)')).toHaveValue('4');
  await shot(page, 'settings-general');

  // The organisation now opens on its units.
  await page.goto('/');
  await expect(page).toHaveURL(/\/org\/contoso-health\/units\//);
});

test.describe('on the demo organisation', () => {
  test.use({ baseURL: `http://localhost:${String(PORT)}` });

  test('a viewer reads the settings without a control to change them', async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.open();
    await signIn.signIn('viewer@northwind.example', 'catchball-demo');
    await expect(signIn.accountName).toBeVisible();
    await page.goto('/org/acme/settings/units');
    await expect(page.getByTestId('view-only')).toBeVisible();
    await expect(page.getByRole('table', { name: 'Units' })).toContainText('Security (CSO)');
    await expect(page.getByRole('form', { name: 'Add a unit' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^(Edit|Delete) / })).toHaveCount(0);
    await tab(page, /^People/).click();
    await expect(page.getByRole('form', { name: 'Paste people' })).toHaveCount(0);
    await tab(page, /^General$/).click();
    await expect(page.getByLabel('Organisation name')).toHaveAttribute('readonly', '');
    await expect(page.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
    await shot(page, 'settings-general-viewer');
  });

  test('an admin is told what keeps a unit from being deleted', async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.open();
    await signIn.signIn('admin@northwind.example', 'catchball-demo');
    await expect(signIn.accountName).toBeVisible();
    await page.goto('/org/acme/settings/units');
    const units = page.getByRole('table', { name: 'Units' });
    await units.getByRole('button', { name: 'Delete Security (CSO)' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete Security (CSO)?' });
    await confirm.getByRole('button', { name: 'Delete unit' }).click();
    await expect(confirm).toContainText(
      /Security \(CSO\) has \d+ units? below it, \d+ objectives and .*X-matri/,
    );
    await shot(page, 'settings-delete-refused');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(units).toContainText('Security (CSO)');
  });
});
