import { DEMO_ACCOUNTS, expect, newSession, test } from './support/sign-in';
import { ExecutionPages } from './pages/execution-pages';
import { scratchUrl } from '../playwright.config';

/** A demo server of its own: this spec changes the demo other specs read. */
test.use({ baseURL: scratchUrl('okrEditing') });

/** Screenshots of these flows go to SHOTS (a scratch folder) when set, never into the repository. */
const SHOTS = process.env.E2E_SHOTS;
const shot = async (page: import('@playwright/test').Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png` });
};

test.use({ viewport: { width: 1440, height: 900 } });

test('an editor edits a key result in place, and a target against its kind is refused at the field', async ({
  page,
}) => {
  const views = new ExecutionPages(page);
  await views.openOkrs('acme', 'cso', 'fy2026');
  const kr = views.keyResult('cso-kr1-3');
  await kr.hover();
  await shot(page, 'okrs-page');
  await kr.getByRole('button', { name: /^Edit Analysts accept/ }).click();
  const dialog = page.getByRole('dialog', { name: /^Edit Analysts accept/ });
  await dialog.getByLabel('Target').fill('30');
  await dialog.getByRole('button', { name: 'Save key result' }).click();
  // An increase needs a target above its baseline (40): core's rule, named at the field.
  await expect(dialog.locator('.field-error')).toContainText('above its baseline (40)');
  await shot(page, 'kr-edit-refused');
  await dialog.getByLabel('Target').fill('80');
  await dialog.getByLabel('Confidence').fill('0.8');
  await dialog.locator('select[name="ownerId"]').selectOption({ label: 'Kenji Watanabe' });
  await dialog.getByRole('button', { name: 'Save key result' }).click();
  await expect(dialog).toBeHidden();
  await expect(kr.locator('.kr-target')).toContainText('80%');
  await expect(kr.locator('.kr-owner')).toContainText('Kenji Watanabe');
  await expect(kr).toContainText('80%');
});

test('an editor adds an objective aligned to a parent key result, then a band key result', async ({
  page,
}) => {
  const views = new ExecutionPages(page);
  await views.openOkrs('acme', 'cso', 'fy2026');
  await page.getByRole('button', { name: 'Add objective' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add an objective' });
  await dialog.getByLabel('Title').fill('Keep the SOC calm at night');
  await dialog.getByLabel('Kind').selectOption('aspirational');
  const aligned = dialog.getByLabel('Aligned to');
  const firstKr = await aligned.locator('option[value^="kr:"]').first().textContent();
  await aligned.selectOption({ index: 2 });
  await shot(page, 'objective-add');
  await dialog.getByRole('button', { name: 'Add objective' }).click();
  await expect(dialog).toBeHidden();

  const card = page.locator('article.objective', { hasText: 'Keep the SOC calm at night' });
  await expect(card).toContainText('Aspirational');
  await expect(card).toContainText((firstKr ?? '').replace(/^KR: /, ''));
  await card.getByRole('button', { name: 'Add key result' }).click();
  const krDialog = page.getByRole('dialog', { name: 'Add a key result' });
  await krDialog.getByLabel('Title').fill('Keep night pages between 1 and 4 a week');
  await krDialog.getByLabel('Kind').selectOption('band');
  await krDialog.getByLabel('Unit of measure').fill('pages');
  await krDialog.getByLabel('Lower bound').fill('4');
  await krDialog.getByLabel('Upper bound').fill('1');
  await krDialog.getByRole('button', { name: 'Add key result' }).click();
  await expect(krDialog.locator('.field-error')).toContainText('below its lower bound');
  await krDialog.locator('input[name="target"]').fill('1');
  await krDialog.locator('input[name="targetHigh"]').fill('4');
  await shot(page, 'kr-add-band');
  await krDialog.getByRole('button', { name: 'Add key result' }).click();
  await expect(krDialog).toBeHidden();
  await expect(card.locator('.kr')).toHaveCount(1);
  await expect(card.locator('.kr')).toContainText('stay 1–4 pages');
  await expect(card).toContainText('1 key result');
});

test('an editor reorders objectives with the keyboard and clones one into the next cycle', async ({
  page,
  csrfToken,
}) => {
  const created = await page.request.post('/api/cycles', {
    data: { organisationId: 'acme', name: 'FY2027', year: 2027 },
    headers: { 'x-csrf-token': csrfToken },
  });
  expect(created.status()).toBe(201);
  const next = ((await created.json()) as { id: string }).id;

  const views = new ExecutionPages(page);
  await views.openOkrs('acme', 'cso', 'fy2026');
  const titles = () => page.locator('article.objective h2').allTextContents();
  const before = await titles();
  await page.getByRole('button', { name: `Move ${before[1]} up` }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(titles).toEqual([before[1], before[0], ...before.slice(2)]);

  const card = views.objective('cso-o2');
  const krCount = await card.locator('.kr').count();
  await card.getByRole('button', { name: 'Clone to next cycle…' }).click();
  const dialog = page.getByRole('dialog', { name: /^Clone / });
  await expect(dialog.getByLabel('Cycle')).toHaveValue(next);
  await shot(page, 'objective-clone');
  await dialog.getByRole('button', { name: 'Clone objective' }).click();
  await expect(dialog).toBeHidden();

  await page.goto(`/org/acme/units/cso/okrs?cycle=${next}`);
  const clone = page.locator('article.objective', { hasText: 'Detect faster and contain automatically' });
  await expect(clone).toBeVisible();
  await expect(clone.locator('.kr')).toHaveCount(krCount);
  await expect(clone).toContainText('Not aligned to a parent');
});

test('a check-in is back-dated inside the cycle, refused outside it at the date, and corrected', async ({
  page,
}) => {
  const views = new ExecutionPages(page);
  await views.openOkrs('acme', 'cso', 'fy2026');
  const kr = views.keyResult('cso-kr2-1');
  await kr.getByRole('button', { name: 'Check in' }).click();
  const form = kr.getByRole('form');
  await form.getByLabel('Value').fill('18');
  await form.getByLabel('Date').fill('2025-12-15');
  await form.getByRole('button', { name: 'Save check-in' }).click();
  await expect(form.getByRole('alert')).toContainText('Date: 2025-12-15 is outside cycle');
  await expect(form.getByLabel('Date')).toHaveAttribute('aria-invalid', 'true');
  await shot(page, 'check-in-refused');
  await form.getByLabel('Date').fill('2026-03-15');
  await form.getByLabel('Comment').fill('Back-dated: the March review');
  await form.getByRole('button', { name: 'Save check-in' }).click();
  await expect(form).toBeHidden();

  await kr.getByRole('button', { name: /^Check-ins of / }).click();
  const history = page.getByRole('dialog', { name: /^Check-ins of / });
  const entry = history.locator('li', { hasText: '2026-03-15' });
  await expect(entry).toContainText('18 h');
  await entry.getByRole('button', { name: 'Correct the check-in of 2026-03-15' }).click();
  const correction = entry.getByRole('form');
  await correction.getByLabel('Value').fill('17');
  await correction.getByRole('button', { name: 'Save correction' }).click();
  await expect(history.locator('li', { hasText: '17 h' })).toContainText('correction');
  await expect(history.locator('li', { hasText: '18 h' })).toContainText('corrected');
  await shot(page, 'check-in-history');
});

test('check-ins are uploaded from a CSV through preview and confirmation', async ({ page }) => {
  await page.goto('/org/acme/units/cso/okrs?cycle=fy2026');
  await page.getByRole('link', { name: 'Upload check-ins' }).click();
  await expect(page.getByRole('heading', { name: 'Upload check-ins' })).toBeVisible();
  await expect(page.getByLabel('Unit', { exact: true })).toHaveValue('cso');
  await page.getByText(/^Item ids of Security \(CSO\)/).click();
  await expect(page.locator('.check-in-template')).toContainText('cso-kr2-2');
  await expect(page.locator('.check-in-template')).toContainText('cso-k1');
  const template = page.getByRole('link', { name: 'Download a CSV template with these items' });
  expect(await template.getAttribute('href')).toContain(encodeURIComponent('item,date,value'));
  await shot(page, 'check-in-upload-template');
  const input = page.getByTestId('check-in-upload-file');
  await input.setInputFiles({
    name: 'bad.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('item,date,value\ncso-kr2-2,2026-04-30,nine\n'),
  });
  await expect(page.getByTestId('check-in-upload-problems')).toContainText('row 2, column C (value)');
  await expect(page.getByTestId('check-in-upload-confirm')).toBeDisabled();

  await input.setInputFiles({
    name: 'check-ins.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      'item,date,value,confidence,comment\ncso-kr2-2,2026-04-30,9,0.7,April\ncso-kr2-2,2026-05-31,11,0.75,May\n',
    ),
  });
  const rows = page.getByTestId('check-in-upload-rows');
  await expect(rows).toContainText('Cover 20 incident types');
  await expect(page.getByTestId('check-in-upload-preview')).toContainText('no problems');
  await shot(page, 'check-in-upload-preview');
  await page.getByTestId('check-in-upload-confirm').click();
  await expect(page.getByRole('heading', { name: 'Checked in' })).toBeVisible();
  await expect(page.getByText('2 check-ins written in one go.')).toBeVisible();
  await page.getByRole('link', { name: 'Open the OKRs' }).click();
  const kr = new ExecutionPages(page).keyResult('cso-kr2-2');
  await kr.getByRole('button', { name: /^Check-ins of / }).click();
  await expect(page.getByRole('dialog').locator('li', { hasText: '“May”' })).toContainText('2026-05-31');
});

test('a viewer sees the OKRs read-only: no editing, no check-ins, no upload', async ({
  playwright,
  browser,
  baseURL,
}) => {
  const viewer = await newSession(playwright, baseURL, DEMO_ACCOUNTS.viewer.email);
  const context = await browser.newContext({ storageState: viewer.storageState });
  const page = await context.newPage();
  await new ExecutionPages(page).openOkrs('acme', 'cso', 'fy2026');
  await expect(page.getByRole('button', { name: /^Check-ins of / }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add objective' })).toHaveCount(0);
  await expect(page.getByRole('toolbar')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Check in' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Upload check-ins' })).toHaveCount(0);
  await page
    .getByRole('button', { name: /^Check-ins of / })
    .first()
    .click();
  await expect(page.getByRole('dialog').locator('li').first()).toBeVisible();
  await expect(page.getByRole('button', { name: /^Correct the check-in/ })).toHaveCount(0);
  await context.close();
});
