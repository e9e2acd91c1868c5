import type { ConnectorValue } from '../../../contracts';
import type { DatedValue } from '../../../core/connector-values';
import type { LocatedRow, createCheckInsService } from '../execution/check-ins.service';

type CheckIns = ReturnType<typeof createCheckInsService>;

/** What a run would do with the values it read: create, correct, leave unchanged or skip each. */
export interface RunPlan {
  values: ConnectorValue[];
  creates: LocatedRow[];
  corrections: { checkInId: string; value: number; date: string }[];
}

const COMMENT = 'Recorded by the KPI connector';

/**
 * Plans the check-ins for `read` on KPI `kpiId`, idempotent per date: a date that already has a
 * check-in from the connector with the same value is unchanged, one with another value is
 * corrected (the history keeps both), a new date is created. A date the check-in service would
 * refuse (outside the KPI's cycle, after today, in a locked cycle) is skipped with its reason;
 * check-ins entered by people on the same date are left alone.
 */
export async function planRun(
  checkIns: CheckIns,
  kpiId: string,
  unitId: string,
  read: readonly DatedValue[],
): Promise<RunPlan> {
  const history = await checkIns.history({ kpiId, includeCorrected: false });
  const fromConnector = new Map<string, { id: string; value: number }>();
  // History is newest first: the first seen per date is its latest.
  for (const entry of history)
    if (entry.source === 'connector' && !fromConnector.has(entry.date))
      fromConnector.set(entry.date, { id: entry.id, value: entry.value });
  const candidates: LocatedRow[] = read.map((point, index) => ({
    path: `values[${String(index)}]`,
    item: kpiId,
    date: point.date,
    value: point.value,
    comment: COMMENT,
  }));
  const { problems } = await checkIns.check(candidates, await checkIns.scopeOf(unitId));
  const values: ConnectorValue[] = [];
  const creates: LocatedRow[] = [];
  const corrections: RunPlan['corrections'] = [];
  candidates.forEach((row, index) => {
    const point = { date: row.date, value: row.value };
    const existing = fromConnector.get(row.date);
    const refused = problems.filter((problem) => problem.path.startsWith(`values[${String(index)}]`));
    if (existing && existing.value === row.value) {
      values.push({ ...point, action: 'unchanged', note: 'already recorded' });
    } else if (refused.length > 0) {
      values.push({
        ...point,
        action: 'skipped',
        note: refused.map((problem) => problem.message).join('; '),
      });
    } else if (existing) {
      values.push({ ...point, action: 'correct', note: `corrects ${String(existing.value)}` });
      corrections.push({ checkInId: existing.id, value: row.value, date: row.date });
    } else {
      values.push({ ...point, action: 'create', note: '' });
      creates.push(row);
    }
  });
  return { values, creates, corrections };
}

/** Writes a plan: the new check-ins in one transaction, then each correction. */
export async function applyRun(checkIns: CheckIns, plan: RunPlan): Promise<void> {
  if (plan.creates.length > 0) await checkIns.bulk(plan.creates, 'connector');
  for (const correction of plan.corrections)
    await checkIns.correct(correction.checkInId, { value: correction.value, comment: COMMENT });
}
