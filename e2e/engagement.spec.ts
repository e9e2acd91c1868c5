import { mkdirSync, readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { EMPTY_ADMIN, ENGAGEMENT_PORT } from '../playwright.config';
import { ImportPage } from './pages/import-page';
import { MatrixPage } from './pages/matrix-page';
import { SignInPage } from './pages/sign-in-page';
import { TranslateWizard } from './pages/translate-wizard';

/**
 * Issue 12's "done when": a coach's whole engagement in the browser, from an empty store (its own
 * server, see playwright.config.ts) to an X-matrix exported and imported as a copy. Nothing but the
 * sign-in form touches the API. Every page is kept as test-results/engagement/NN-name.png.
 */
test.use({ baseURL: `http://localhost:${String(ENGAGEMENT_PORT)}` });
test.setTimeout(180_000);

const SHOTS = 'test-results/engagement';
let shots = 0;
async function shot(page: Page, name: string) {
  shots += 1;
  await page.screenshot({ path: `${SHOTS}/${String(shots).padStart(2, '0')}-${name}.png` });
}

const ORG = 'fabrikam';
const CIO = 'Office of the CIO';
const CSO = 'Security (CSO)';
const SOC = 'Security Operations';
const YEAR = 2026;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const tab = (page: Page, name: RegExp) =>
  page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name });

/** The id of an item the page shows, read from its test hook (`<prefix>-<id>`). */
async function idOf(locator: Locator, prefix: string): Promise<string> {
  const hook = (await locator.getAttribute('data-testid')) ?? '';
  return hook.slice(prefix.length + 1);
}

/** Opens a unit from the unit tree, then one of its tabs. */
async function openUnit(page: Page, name: string, tabName: string) {
  await page.goto(`/org/${ORG}`);
  await page.locator('[data-testid^="unit-"]', { hasText: name }).first().click();
  await page.getByRole('link', { name: tabName, exact: true }).click();
  await expect(page).toHaveURL(/\/units\/[^/]+\//);
}
const unitOf = (page: Page) => /\/units\/([^/?]+)/.exec(page.url())?.[1] ?? '';

/** Waits for the answer of the write a click sends. */
const saved = (page: Page, method: RegExp, url: RegExp) =>
  page.waitForResponse((r) => method.test(r.request().method()) && url.test(r.url()) && r.ok());

test('a coach runs an engagement from an empty store to an exported and re-imported X-matrix', async ({
  page,
}) => {
  mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 1440, height: 900 });

  await test.step('sign in and create the organisation', async () => {
    const signIn = new SignInPage(page);
    await signIn.open();
    await shot(page, 'sign-in');
    await signIn.signIn(EMPTY_ADMIN.email, EMPTY_ADMIN.password);
    const create = page.getByRole('form', { name: 'Create your organisation' });
    await create.getByLabel('Organisation name').fill('Fabrikam');
    await expect(create.getByLabel('Organisation id')).toHaveValue(ORG);
    await shot(page, 'onboarding');
    await create.getByRole('button', { name: 'Create organisation' }).click();
    await expect(page).toHaveURL(new RegExp(`/org/${ORG}/settings/units$`));
  });

  await test.step('three levels of units', async () => {
    const addUnit = page.getByRole('form', { name: 'Add a unit' });
    const units = page.getByRole('table', { name: 'Units' });
    const add = async (name: string, parentLabel?: string) => {
      await addUnit.getByLabel('Unit name').fill(name);
      if (parentLabel) await addUnit.getByLabel('Parent unit').selectOption({ label: parentLabel });
      await addUnit.getByRole('button', { name: 'Add unit' }).click();
      await expect(units.getByRole('rowheader', { name, exact: true })).toBeVisible();
    };
    await add(CIO);
    await add(CSO, `\u2002${CIO}`);
    await add(SOC, `\u2002\u2002${CSO}`);
    await add('Platform Engineering', `\u2002${CIO}`);
    await shot(page, 'settings-units');
  });

  await test.step('people with skills and capacity, pasted', async () => {
    await tab(page, /^People/).click();
    const paste = page.getByRole('form', { name: 'Paste people' });
    await paste
      .getByLabel('Rows: name, e-mail, skills, capacity')
      .fill(
        [
          'Name\tE-mail\tSkills\tCapacity',
          'Margaret Osei\tmargaret@fabrikam.example\tStrategy\t4',
          'Daniel Kovacs\tdaniel@fabrikam.example\tSecurity architecture, Risk\t8',
          'Aisha Bello\taisha@fabrikam.example\tThreat hunting, SIEM\t16',
          'Kenji Watanabe\tkenji@fabrikam.example\tSOAR, Automation\t15',
        ].join('\n'),
      );
    await expect(paste.getByRole('table', { name: 'Preview' }).getByRole('row')).toHaveCount(5);
    await paste.getByRole('button', { name: 'Add 4 people' }).click();
    const people = page.getByRole('table', { name: 'People' });
    await expect(people.getByRole('row', { name: /Aisha Bello/ })).toContainText('16 d/mo');
    await shot(page, 'settings-people');
  });

  await test.step('a calendar-year cycle', async () => {
    await tab(page, /^Cycles/).click();
    const addCycle = page.getByRole('form', { name: 'Add a cycle' });
    await addCycle.getByLabel('Year', { exact: true }).fill(String(YEAR));
    await addCycle.getByLabel('Starts in').selectOption({ label: 'January (calendar year)' });
    await addCycle.getByRole('button', { name: 'Add cycle' }).click();
    await expect(page.getByRole('table', { name: 'Cycles' }).getByRole('row')).toHaveCount(2);
    await shot(page, 'settings-cycles');
  });

  let cioUnit = '';
  await test.step('OKRs typed in on the CIO unit', async () => {
    await openUnit(page, CIO, 'OKRs');
    cioUnit = unitOf(page);
    await shot(page, 'okrs-empty');

    await page.getByRole('button', { name: 'Add objective' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add an objective' });
    await dialog.getByLabel('Title').fill('Make security part of daily IT operations');
    await dialog.getByRole('button', { name: 'Add objective' }).click();
    await expect(dialog).toBeHidden();
    const card = page.locator('article.objective', { hasText: 'Make security part of daily IT operations' });
    const addKr = async (
      title: string,
      unit: string,
      baseline: string,
      target: string,
      kind = 'decrease',
    ) => {
      await card.getByRole('button', { name: 'Add key result' }).click();
      const krDialog = page.getByRole('dialog', { name: 'Add a key result' });
      await krDialog.getByLabel('Title').fill(title);
      await krDialog.getByLabel('Kind').selectOption(kind);
      await krDialog.getByLabel('Unit of measure').fill(unit);
      await krDialog.getByLabel('Baseline').fill(baseline);
      await krDialog.getByLabel('Target').fill(target);
      await krDialog.locator('select[name="ownerId"]').selectOption({ label: 'Margaret Osei' });
      await krDialog.getByRole('button', { name: 'Add key result' }).click();
      await expect(krDialog).toBeHidden();
    };
    await addKr('Reduce mean time to detect from 24 h to 6 h', 'h', '24', '6');
    await addKr('Raise alerts triaged automatically from 5 % to 50 %', '%', '5', '50', 'increase');
    await expect(card.locator('.kr')).toHaveCount(2);
    await shot(page, 'okrs-cio-typed');
  });

  await test.step('more OKRs imported from a CSV', async () => {
    const importer = new ImportPage(page);
    await importer.open(ORG, cioUnit);
    await shot(page, 'okr-import');
    await importer.upload('cio-okrs.csv', [
      ['Objective', 'Key Result', 'Owner', 'UoM', 'Baseline', 'Target', 'Due date'],
      [
        'Keep the lights on, cheaper',
        'Cut unplanned downtime',
        'Margaret Osei',
        'h',
        '40',
        '10',
        '2026-12-31',
      ],
      [
        'Keep the lights on, cheaper',
        'Patch critical CVEs within',
        'Daniel Kovacs',
        'days',
        '30',
        '7',
        '2026-12-31',
      ],
    ]);
    await expect(importer.preview).toContainText('1 objective');
    await expect(importer.preview).toContainText('2 key results');
    // Owners by name, never their ids.
    await expect(importer.preview).toContainText('Daniel Kovacs');
    await expect(importer.preview).not.toContainText('person_');
    await shot(page, 'okr-import-preview');
    await importer.confirm.click();
    await expect(page.getByRole('heading', { name: 'Imported' })).toBeVisible();
    await page.getByRole('link', { name: 'Open the OKRs' }).click();
    await expect(page.getByText('Keep the lights on, cheaper')).toBeVisible();
    await shot(page, 'okrs-cio');
  });

  let csoUnit = '';
  await test.step('translated into the CSO unit', async () => {
    await page.goto(`/org/${ORG}/map`);
    await shot(page, 'strategy-map');
    await openUnit(page, CSO, 'OKRs');
    csoUnit = unitOf(page);
    const wizard = new TranslateWizard(page);
    await wizard.openFromUnit(ORG, csoUnit);
    await wizard.select('Parent unit (its OKRs are translated)').selectOption({ label: CIO });
    await wizard.select('Child unit (receives the X-matrix)').selectOption(csoUnit);
    await shot(page, 'translate-scope');
    await wizard.next('Propose');
    await wizard.expectStep('What');
    await shot(page, 'translate-what');
    await wizard.next();
    await wizard.expectStep('How Far');
    await wizard.next();
    await wizard.expectStep('How');
    await page.getByLabel('New initiative').fill('Automated containment for the top incidents');
    await page.getByRole('button', { name: 'Add initiative' }).click();
    await shot(page, 'translate-how');
    await wizard.next();
    await wizard.expectStep('How Much');
    await wizard.next();
    await wizard.expectStep('Who');
    // No one is ticked in a new organisation: its people belong to no unit yet.
    const who = page.getByRole('group', { name: 'People in the Who block' });
    for (const name of ['Aisha Bello', 'Kenji Watanabe']) await who.getByLabel(name).check();
    await shot(page, 'translate-who');
    await page
      .getByLabel('Primary owner of Automated containment for the top incidents')
      .selectOption({ label: 'Kenji Watanabe' });
    await wizard.next();
    await wizard.expectStep('Grids');
    await shot(page, 'translate-grids');
    await wizard.apply();
    await expect(new MatrixPage(page).matrix).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/units/${csoUnit}/matrix/${YEAR}$`));
  });

  const matrix = new MatrixPage(page);
  const initiative = page.locator('[data-testid^="item-"]', {
    hasText: 'Automated containment for the top incidents',
  });
  const mttdKpi = page
    .locator('[data-testid^="item-"].part-how_much', { hasText: /time to detect/i })
    .first();
  let kpiId = '';
  await test.step('an initiative planned with impacts and efforts', async () => {
    await shot(page, 'x-matrix-translated');
    await matrix.addSlots.and(page.getByTestId('add-how')).click();
    await page.getByLabel(/^New .* item$/).fill('Threat-hunting programme');
    await page.keyboard.press('Enter');
    await expect(
      page.locator('[data-testid^="item-"]', { hasText: 'Threat-hunting programme' }),
    ).toBeVisible();
    await page.keyboard.press('Escape');

    await initiative.locator('.mx-item-title').click();
    const detail = matrix.detail;
    await expect(detail).toBeVisible();
    const plan = detail.getByTestId('initiative-plan');
    await plan.getByLabel('Start').fill('2026-03-01');
    await plan.getByLabel('End').fill('2026-10-31');
    const planSaved = saved(page, /PATCH/, /\/api\/matrix-items\/[^/]+$/);
    await plan.getByRole('button', { name: 'Save plan' }).click();
    await planSaved;

    const effort = detail.getByTestId('effort-grid');
    await effort.getByLabel('Skill', { exact: true }).fill('SOAR');
    await effort.getByLabel('Total').fill('48');
    await effort.getByRole('button', { name: /^Spread evenly over 8 months/ }).click();
    const effortSaved = saved(page, /PUT/, /\/efforts$/);
    await effort.getByRole('button', { name: 'Save effort' }).click();
    await effortSaved;

    kpiId = await idOf(mttdKpi, 'item');
    let impact = detail.getByTestId(`impact-${kpiId}`);
    if ((await impact.count()) === 0) {
      await detail.getByLabel('Add a KPI').selectOption(kpiId);
      impact = detail.getByTestId(`impact-${kpiId}`);
    }
    await impact.getByLabel(/^Low impact on/).fill('4');
    await impact.getByLabel(/^Likely impact on/).fill('8');
    await impact.getByLabel(/^High impact on/).fill('12');
    const impactSaved = saved(page, /POST|PATCH/, /\/api\/impacts/);
    await impact.getByRole('button', { name: /^(Add|Save)$/ }).click();
    await impactSaved;
    await shot(page, 'initiative-detail');
    await page.keyboard.press('Escape');
    await expect(detail).toBeHidden();
  });

  await test.step('the KPI planned month by month', async () => {
    await mttdKpi.focus();
    await page.keyboard.press('Enter');
    const detail = matrix.detail;
    await expect(detail).toBeVisible();
    const kpi = detail.getByTestId('kpi-form');
    const months = [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ];
    for (const [index, month] of months.entries())
      await kpi
        .getByLabel(`${month} planned value`, { exact: true })
        .and(page.locator('input'))
        .fill(String(24 - Math.round((index * 18) / 11)));
    const kpiSaved = saved(page, /PATCH/, /\/api\/matrix-items\/[^/]+$/);
    await kpi.getByRole('button', { name: 'Save KPI' }).click();
    await kpiSaved;
    await shot(page, 'kpi-detail');
    await page.keyboard.press('Escape');
    await expect(detail).toBeHidden();

    // The impact stated in the drawer leaves the initiatives × KPIs grid blank: marked by hand.
    const initiativeId = await idOf(initiative, 'item');
    const cell = page.locator(
      `[data-testid="cell-${initiativeId}-${kpiId}"], [data-testid="cell-${kpiId}-${initiativeId}"]`,
    );
    await expect(cell).toHaveAttribute('data-strength', '');
    await cell.click();
    await expect(cell).toHaveAttribute('data-strength', 'strong');
    await page.mouse.move(0, 0);
    await shot(page, 'x-matrix-planned');
  });

  await test.step('the pressure test reads a probability', async () => {
    await page.goto(`/org/${ORG}/units/${csoUnit}/pressure/${YEAR}`);
    await expect(page.getByRole('heading', { name: /Targets/ })).toBeVisible();
    const probability = page.getByTestId('probability').first();
    await expect(probability).toBeVisible({ timeout: 30_000 });
    const value = Number(await probability.getAttribute('data-probability'));
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThanOrEqual(1);
    await shot(page, 'pressure-test');
  });

  await test.step('three months of back-dated check-ins on the KPI', async () => {
    await page.goto(`/org/${ORG}/units/${csoUnit}/bowling/${YEAR}`);
    await expect(page.getByTestId('bowling-chart')).toBeVisible();
    await shot(page, 'bowling-empty');
    for (const [date, value] of [
      ['2026-09-30', '18'],
      ['2026-10-31', '17'],
      ['2026-11-30', '15'],
    ] as const) {
      await page.getByTestId(`check-in-${kpiId}`).click();
      const form = page.getByRole('form', { name: /^Check in on / });
      await form.getByLabel('Value').fill(value);
      await form.getByLabel('Date').fill(date);
      await form.getByLabel('Comment').fill(`Month end ${date}`);
      await form.getByRole('button', { name: 'Save check-in' }).click();
      await expect(form).toBeHidden();
    }
    await expect(page.getByTestId(`frame-${kpiId}-11`)).toHaveAttribute('data-colour', /red|amber|green/);
  });

  await test.step('a countermeasure on a red month', async () => {
    const red = page.locator(`[data-testid^="frame-${kpiId}-"][data-colour="red"]`).first();
    await red.getByRole('button').click();
    const dialog = page.getByRole('dialog', { name: 'Countermeasure' });
    await dialog.getByLabel('Problem').fill('MTTD above plan: detections wait for the morning shift');
    await dialog.getByLabel('Root cause').fill('No on-call hunter overnight');
    await dialog.getByLabel('Action').fill('Rotate an on-call hunter');
    await dialog.getByLabel('Owner').selectOption({ label: 'Aisha Bello' });
    await dialog.getByLabel('Due').fill('2026-12-20');
    await shot(page, 'countermeasure');
    await dialog.getByRole('button', { name: 'Open countermeasure' }).click();
    await expect(dialog).toBeHidden();
    await expect(red).toHaveAttribute('data-countermeasures', '1');
    await shot(page, 'bowling-chart');
  });

  await test.step("three months of the CIO's key result uploaded from a CSV", async () => {
    // The CIO's key results so far are measured by the CSO's KPIs now, which the upload refuses
    // (its message asks for an override the file has no column for): a key result of its own.
    await openUnit(page, CIO, 'OKRs');
    const card = page.locator('article.objective', { hasText: 'Keep the lights on, cheaper' });
    await card.getByRole('button', { name: 'Add key result' }).click();
    const krDialog = page.getByRole('dialog', { name: 'Add a key result' });
    await krDialog.getByLabel('Title').fill('Run a disaster-recovery test every month');
    await krDialog.getByLabel('Kind').selectOption('increase');
    await krDialog.getByLabel('Unit of measure').fill('tests');
    await krDialog.getByLabel('Baseline').fill('0');
    await krDialog.getByLabel('Target').fill('12');
    await krDialog.getByRole('button', { name: 'Add key result' }).click();
    await expect(krDialog).toBeHidden();
    await page.getByRole('link', { name: 'Upload check-ins' }).click();
    await expect(page.getByRole('heading', { name: 'Upload check-ins' })).toBeVisible();
    await page.getByText(/^Item ids of Office of the CIO/).click();
    const row = page.locator('.check-in-template tbody tr', { hasText: 'Run a disaster-recovery test' });
    const krId = ((await row.locator('td').first().textContent()) ?? '').trim();
    await shot(page, 'check-in-upload');
    await page.getByTestId('check-in-upload-file').setInputFiles({
      name: 'cio-check-ins.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        [
          'item,date,value,confidence,comment',
          `${krId},2026-09-30,8,0.6,September review`,
          `${krId},2026-10-31,9,0.6,October review`,
          `${krId},2026-11-30,10,0.7,November review`,
        ].join('\n'),
      ),
    });
    await expect(page.getByTestId('check-in-upload-preview')).toContainText('no problems');
    await shot(page, 'check-in-upload-preview');
    await page.getByTestId('check-in-upload-confirm').click();
    await expect(page.getByText('3 check-ins written in one go.')).toBeVisible();
    await page.getByRole('link', { name: 'Open the OKRs' }).click();
    await expect(page.getByTestId(`kr-${krId}`)).toContainText('10');
    await shot(page, 'okrs-cio-checked-in');
  });

  await test.step('the X-matrix exported to XLSX and imported into another unit as a copy', async () => {
    await matrix.open(ORG, csoUnit, YEAR);
    await page.getByText('Export', { exact: true }).click();
    await shot(page, 'export-menu');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-xlsx').click(),
    ]);
    const file = {
      name: download.suggestedFilename(),
      mimeType: XLSX,
      buffer: readFileSync(await download.path()),
    };
    await page.getByTestId('import-matrix-xlsx').click();
    await expect(page.getByRole('heading', { name: 'Import X-matrix from a spreadsheet' })).toBeVisible();
    await page.getByTestId('matrix-import-unit').selectOption({ label: SOC });
    await page.getByTestId('matrix-import-file').setInputFiles(file);
    await expect(page.getByTestId('matrix-import-preview')).toBeVisible();
    await expect(page.getByTestId('matrix-import-mode-copy')).toBeChecked();
    await shot(page, 'matrix-import-preview');
    await page.getByTestId('matrix-import-confirm').click();
    await expect(matrix.matrix).toBeVisible();
    await expect(matrix.matrix.getByTitle('Automated containment for the top incidents')).toBeVisible();
    await expect(page).not.toHaveURL(new RegExp(`/units/${csoUnit}/`));
    await shot(page, 'x-matrix-copied');
  });
});
