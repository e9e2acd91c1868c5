import { expect, test } from './support/sign-in';
import { MatrixPage } from './pages/matrix-page';
import { TranslateWizard } from './pages/translate-wizard';

const TRIAGE_KR = 'Raise share of L1 security alerts triaged by AI from 5 % to 60 %';
const INITIATIVE = 'Automated SOAR containment for the top incident types';

test("the wizard translates the CIO's OKRs into the SOC's X-matrix, the links show, and a trace works", async ({
  page,
  csrfToken,
}) => {
  const wizard = new TranslateWizard(page);
  await wizard.openFromUnit('acme', 'secops');

  // Step 1: the CIO's OKRs for FY2026 into Security Operations (SOC).
  await wizard.select('Parent unit (its OKRs are translated)').selectOption({ label: 'Office of the CIO' });
  await wizard.select('Child unit (receives the X-matrix)').selectOption('secops');
  await wizard.next('Propose');

  // Step 2: one What per CIO objective; rename one, split another.
  await wizard.expectStep('What');
  const firstWhat = page.getByLabel('Breakthrough objective').first();
  await expect(firstWhat).toHaveValue('Make AI part of daily IT and security operations');
  await firstWhat.fill('AI triages, analysts decide');
  await page.getByRole('button', { name: 'Split' }).nth(1).click();
  await expect(page.getByLabel('Breakthrough objective')).toHaveCount(4);
  await page.screenshot({ path: 'test-results/translate-wizard-what.png', fullPage: true });
  await wizard.next();

  // Step 3: How Far, one per key result, targets carried in the titles.
  await wizard.expectStep('How Far');
  await expect(page.getByLabel('Annual objective')).toHaveCount(8);
  await wizard.next();

  // Step 4: the SOC proposes an initiative.
  await wizard.expectStep('How');
  await page.getByLabel('New initiative').fill(INITIATIVE);
  await page.getByRole('button', { name: 'Add initiative' }).click();
  await wizard.next();

  // Step 5: KPIs, one per key-result target, editable.
  await wizard.expectStep('How Much');
  await expect(page.getByLabel('KPI')).toHaveCount(8);
  await wizard.next();

  // Step 6: Who, and the initiative's primary owner.
  await wizard.expectStep('Who');
  await page.getByLabel(`Primary owner of ${INITIATIVE}`).selectOption({ label: 'Kenji Watanabe' });
  await wizard.next();

  // Step 7: grids pre-filled from the links; the user adds the initiative's mark.
  await wizard.expectStep('Grids');
  await expect(wizard.cell('AI triages, analysts decide', TRIAGE_KR)).toHaveText('●');
  await wizard.cell(TRIAGE_KR, INITIATIVE).click();
  await expect(wizard.cell(TRIAGE_KR, INITIATIVE)).toHaveText('●');
  await page.screenshot({ path: 'test-results/translate-wizard-grids.png', fullPage: true });
  await wizard.apply();

  // The new matrix opens with its links back to the CIO's OKRs.
  const matrix = new MatrixPage(page);
  await expect(matrix.matrix).toBeVisible();
  await expect(page).toHaveURL(/\/org\/acme\/units\/secops\/matrix\/2026$/);
  await expect(
    page.getByRole('img', { name: /^from Office of the CIO objective: Make AI part of daily IT/ }),
  ).toBeVisible();
  await expect(
    page.getByRole('img', { name: `from Office of the CIO KR: ${TRIAGE_KR}` }).first(),
  ).toBeVisible();
  await page.screenshot({ path: 'test-results/translated-matrix.png', fullPage: true });

  // The CIO moves a target: the translated items show "source changed" until someone accepts.
  const kr = (await (await page.request.get('/api/key-results/cio-kr2-1')).json()) as { version: number };
  await page.request.patch('/api/key-results/cio-kr2-1', {
    data: { version: kr.version, title: 'Reduce mean time to detect (MTTD) from 24 h to 2 h', target: 2 },
    headers: { 'x-csrf-token': csrfToken },
  });
  await page.reload();
  const badges = page.locator('[data-testid^="source-changed-"]');
  await expect(badges).toHaveCount(2);
  const changes = page.locator('[data-testid^="source-change-"]');
  await changes.first().getByRole('button', { name: 'Accept' }).click();
  await expect(badges).toHaveCount(1);
  await changes.first().getByRole('button', { name: 'Answer' }).click();
  await page.getByLabel('Why the item keeps its own text').fill('4 h is what the SOC can reach this year');
  await page.getByRole('button', { name: 'Send answer' }).click();
  await expect(badges).toHaveCount(0);
  await expect(
    page.getByText('Kept against its source: “4 h is what the SOC can reach this year”'),
  ).toBeVisible();

  // Trace the initiative: up through the annual objective to the CIO's key result and objective.
  await page.getByText('Trace', { exact: true }).click();
  await page.getByRole('link', { name: INITIATIVE }).click();
  await expect(page.getByRole('heading', { name: `Trace: ${INITIATIVE}` })).toBeVisible();
  await expect(page.getByTestId('trace-key_result:cio-kr1-1')).toBeVisible();
  await expect(page.getByTestId('trace-objective:cio-o1')).toBeVisible();

  // The strategy map shows the SOC with its new matrix, linked to the units above.
  await page.goto('/org/acme/map');
  await expect(page.getByTestId('map-unit-secops')).toContainText('X-matrix 2026');
  await page.screenshot({ path: 'test-results/strategy-map.png', fullPage: true });
});

test("a parent's initiative cascades into a unit below, and the link drills down and back up", async ({
  page,
}) => {
  const matrix = new MatrixPage(page);
  await matrix.open('acme', 'cso', 2026);
  const form = page.getByRole('form', { name: 'Cascade an initiative' });
  await form.getByLabel('Initiative to cascade').selectOption('cso-i4');
  await form.getByLabel('Unit below').selectOption({ label: 'Security Architecture' });
  await form.getByLabel('Becomes').selectOption('what');
  await form.getByRole('button', { name: 'Cascade' }).click();

  const link = page.locator('[data-testid^="cascade-link-"]');
  await expect(link).toContainText('as breakthrough');
  await link.getByRole('link', { name: 'Security Architecture' }).click();
  await expect(page).toHaveURL(/\/org\/acme\/units\/sec-arch\/matrix\/2026$/);
  await expect(matrix.matrix).toBeVisible();
  await page.getByRole('link', { name: /^Security \(CSO\): / }).click();
  await expect(page).toHaveURL(/\/org\/acme\/units\/cso\/matrix\/2026$/);

  // A key result traces too: from the OKRs page, down into the matrices that took it up.
  await page.goto('/org/acme/units/cio/okrs');
  await page.getByTestId('kr-cio-kr2-1').getByRole('link').click();
  await expect(page.getByTestId('trace-objective:cio-o2')).toBeVisible();
  await expect(page.getByTestId('trace-item:cso-af2')).toBeVisible();
  await expect(page.getByTestId('trace-objective:cso-o2')).toBeVisible();
});
