import { DomainError } from '../../../core/errors';
import { assertTargetConsistent } from '../../../core/key-result';
import { checkKpi, type MonthlyPlan } from '../../../core/monthly-plan';
import type { Db } from '../../db/store';
import { getRow, toJson, updateVersioned, type Row } from '../../db/versioned';
import { presentItem } from '../../presenters/matrix.presenter';
import { presentKeyResult } from '../../presenters/okr.presenter';
import { recordTargetChange } from './target-history';

interface ChangeContext {
  organisationId: string;
  changedBy: string | null;
  reason: string;
  proposalId: string | null;
}

/** @throws inconsistent_target when `target` is on the wrong side of the KPI's baseline for its direction. */
export function assertKpiTarget(kpi: Row<'matrixItems'>, target: number): void {
  const issues = checkKpi({
    direction: kpi.direction ?? 'increase',
    baseline: kpi.baseline,
    target,
    targetHigh: kpi.targetHigh,
    monthlyPlan: kpi.monthlyPlan ?? Array<null>(12).fill(null),
  }).filter((issue) => issue.path !== 'monthlyPlan');
  if (issues.length > 0)
    throw new DomainError(
      'inconsistent_target',
      `The KPI's target does not fit its direction: ${issues.map((i) => i.message).join('; ')}`,
      { issues },
    );
}

/** Sets a key result's target (at its current version) and records the change; run inside a transaction. */
export async function setKeyResultTarget(trx: Db, id: string, target: number, change: ChangeContext) {
  const keyResult = await getRow(trx, 'keyResults', id);
  assertTargetConsistent({ ...keyResult, target });
  await updateVersioned(trx, 'keyResults', id, keyResult.version, { target }, presentKeyResult);
  await recordTargetChange(trx, {
    ...change,
    subject: { kind: 'key_result', id },
    oldTarget: keyResult.target,
    newTarget: target,
  });
}

/**
 * Sets a KPI's annual target (at its current version), with its re-pathed monthly plan when given,
 * and records the change; run inside a transaction.
 */
export async function setKpiTarget(
  trx: Db,
  id: string,
  target: number,
  change: ChangeContext,
  monthlyPlan?: MonthlyPlan,
) {
  const kpi = await getRow(trx, 'matrixItems', id);
  assertKpiTarget(kpi, target);
  await updateVersioned(
    trx,
    'matrixItems',
    id,
    kpi.version,
    monthlyPlan ? { target, monthlyPlan: toJson(monthlyPlan) } : { target },
    presentItem,
  );
  await recordTargetChange(trx, {
    ...change,
    subject: { kind: 'kpi', id },
    oldTarget: kpi.target,
    newTarget: target,
  });
}
