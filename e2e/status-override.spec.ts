import { expect, test } from './support/sign-in';
import { ExecutionPages } from './pages/execution-pages';

/**
 * An owner overrules a key result's derived status with a reason, sees it marked as theirs (with
 * the reason on hover), and hands it back to the derived status: all from the status pill.
 */
test('a key result’s status is set by its owner with a reason, then derived again', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const views = new ExecutionPages(page);
  await views.openOkrs('acme', 'cso', 'fy2026');
  const title = 'Keep AI triage false positives between 2 and 5 %';
  const kr = views.keyResult('cso-kr1-2');
  const derived = await kr.getByTestId('status').getAttribute('data-status');
  const next = derived === 'off_track' ? 'At risk' : 'Off track';

  await kr.getByRole('button', { name: new RegExp(`^Status of ${title}`) }).click();
  const dialog = page.getByRole('dialog', { name: `Status of ${title}` });
  await dialog.locator('label', { hasText: next }).click();
  await dialog.getByRole('button', { name: 'Set status' }).click();
  await expect(dialog.getByText('Reason: say why the derived status is wrong')).toBeVisible();
  await dialog.getByLabel('Reason').fill('The vendor’s model update slips to March');
  await dialog.getByRole('button', { name: 'Set status' }).click();
  await expect(dialog).toBeHidden();
  await expect(kr.getByTestId('status')).toHaveAttribute(
    'data-status',
    next === 'At risk' ? 'at_risk' : 'off_track',
  );
  await expect(kr.getByTestId('status')).toContainText(`${next} ✎`);
  await expect(kr.getByTestId('status').locator('[title]')).toHaveAttribute(
    'title',
    /Set by the owner: The vendor’s model update slips to March/,
  );

  await kr
    .getByRole('button', { name: new RegExp(`^Status of ${title}: ${next}, set by its owner`) })
    .click();
  await page.getByRole('button', { name: /^Use the derived status/ }).click();
  await expect(kr.getByTestId('status')).toHaveAttribute('data-status', derived ?? '');
  await expect(kr.getByTestId('status')).not.toContainText('✎');
});
