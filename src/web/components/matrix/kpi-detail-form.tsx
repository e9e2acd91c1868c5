/**
 * A KPI's measure (How Much): unit, direction, baseline, target (and the band's upper bound), owner,
 * tolerance, and the twelve monthly planned values (typed, or shaped on the curve; "Reset to even
 * path" is core's linearMonthlyPlan from baseline to target). "Save" sends the item's fields in one
 * PATCH, then the tolerance (its own endpoint) when it changed; the server's problem with a field
 * or a month shows beside it.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KPI_DIRECTIONS } from '../../../core/key-result';
import { defaultMonthlyPlan } from '../../../core/matrix-item';
import { linearMonthlyPlan, MONTHS_IN_YEAR } from '../../../core/monthly-plan';
import type { MatrixItem, Person, UpdateMatrixItemInput } from '../../../contracts';
import { setKpiTolerance } from '../../api-initiative';
import { queries } from '../../api/queries';
import { keys } from '../../api/query-keys';
import { Button } from '../button';
import { Field, TextField } from '../form/field';
import { FormAlert } from '../form/form-alert';
import { SubmitButton } from '../form/submit-button';
import { useSubmit } from '../form/use-submit';
import { monthNames, monthProblems, numberText, parseNumber } from './detail-format';
import { MonthlyPlanChart } from './monthly-plan-chart';

const FIELDS = [
  'unitOfMeasure',
  'direction',
  'baseline',
  'target',
  'targetHigh',
  'ownerId',
  'monthlyPlan',
  'tolerancePercent',
] as const;

interface KpiDetailFormProps {
  item: MatrixItem;
  unitId: string;
  year: number;
  people: readonly Person[];
  readOnly: boolean;
  onSave: (changes: Omit<UpdateMatrixItemInput, 'version'>) => Promise<unknown>;
}

export function KpiDetailForm({ item, unitId, year, people, readOnly, onSave }: KpiDetailFormProps) {
  const { t } = useTranslation('items');
  const monthShort = monthNames('short');
  const monthLong = monthNames('long');
  const client = useQueryClient();
  const bowling = useQuery(queries.bowling(unitId, year));
  const storedTolerance = bowling.data?.rows.find((row) => row.kpiId === item.id)?.tolerancePercent;
  const [tolerance, setTolerance] = useState<string | null>(null);
  const toleranceText = tolerance ?? numberText(storedTolerance);

  const [unit, setUnit] = useState(item.unitOfMeasure);
  const [direction, setDirection] = useState(item.direction ?? 'increase');
  const [baseline, setBaseline] = useState(numberText(item.baseline));
  const [target, setTarget] = useState(numberText(item.target));
  const [targetHigh, setTargetHigh] = useState(numberText(item.targetHigh));
  const [ownerId, setOwnerId] = useState(item.ownerId ?? '');
  const [plan, setPlan] = useState<string[]>(() =>
    (
      item.monthlyPlan ??
      defaultMonthlyPlan(item.baseline, item.target) ??
      Array(MONTHS_IN_YEAR).fill(null)
    ).map((value: number | null) => numberText(value)),
  );
  const numbers = {
    baseline: parseNumber(baseline),
    target: parseNumber(target),
    targetHigh: parseNumber(targetHigh),
  };
  const planValues = plan.map(parseNumber);
  const evenPath =
    numbers.baseline !== null && numbers.target !== null && !Number.isNaN(numbers.baseline + numbers.target)
      ? linearMonthlyPlan(numbers.baseline, numbers.target)
      : null;

  const save = useSubmit(
    async () => {
      await onSave({
        unitOfMeasure: unit.trim(),
        direction,
        baseline: numbers.baseline,
        target: numbers.target,
        targetHigh: direction === 'band' ? numbers.targetHigh : null,
        ownerId: ownerId || null,
        monthlyPlan: planValues.every((value) => value === null) ? null : planValues,
      });
      const wanted = parseNumber(toleranceText);
      if (wanted !== null && wanted !== storedTolerance) {
        await setKpiTolerance(item.id, wanted);
        setTolerance(null);
        await client.invalidateQueries({ queryKey: keys.bowling(unitId, year) });
      }
    },
    {
      check: () => {
        for (const field of ['baseline', 'target', 'targetHigh'] as const)
          if (Number.isNaN(numbers[field])) return t(`kpi.${field}Invalid`);
        const month = planValues.findIndex((value) => Number.isNaN(value));
        if (month >= 0) return t('kpi.monthInvalid', { month: monthLong[month] ?? '' });
        const wanted = parseNumber(toleranceText);
        if (wanted !== null && (Number.isNaN(wanted) || wanted < 0 || wanted > 100))
          return t('kpi.toleranceInvalid');
        return null;
      },
    },
  );
  const errors = save.fieldErrors;
  const refusedMonths = monthProblems(save.error, 'monthlyPlan');
  const setMonth = (month: number, text: string) =>
    setPlan((current) => current.map((v, i) => (i === month ? text : v)));

  return (
    <form
      className="detail-section"
      aria-label={t('kpi.title')}
      onSubmit={save.onSubmit}
      noValidate
      data-testid="kpi-form"
    >
      <h3 className="detail-section-title">{t('kpi.title')}</h3>
      <FormAlert error={save.error} fields={FIELDS} />
      <div className="detail-grid">
        <TextField
          label={t('kpi.unit')}
          name="unitOfMeasure"
          placeholder={t('kpi.unitPlaceholder')}
          value={unit}
          disabled={readOnly}
          onChange={(event) => setUnit(event.target.value)}
          error={errors.unitOfMeasure}
        />
        <Field label={t('kpi.direction')} error={errors.direction}>
          <select
            className="input"
            name="direction"
            value={direction}
            disabled={readOnly}
            onChange={(event) => setDirection(event.target.value as typeof direction)}
          >
            {KPI_DIRECTIONS.map((value) => (
              <option key={value} value={value}>
                {t(`kpi.directions.${value}`)}
              </option>
            ))}
          </select>
        </Field>
        <TextField
          label={t('kpi.baseline')}
          name="baseline"
          inputMode="decimal"
          value={baseline}
          disabled={readOnly}
          onChange={(event) => setBaseline(event.target.value)}
          error={errors.baseline}
        />
        <TextField
          label={direction === 'band' ? t('kpi.lowerBound') : t('kpi.target')}
          name="target"
          inputMode="decimal"
          value={target}
          disabled={readOnly}
          onChange={(event) => setTarget(event.target.value)}
          error={errors.target}
        />
        {direction === 'band' && (
          <TextField
            label={t('kpi.upperBound')}
            name="targetHigh"
            inputMode="decimal"
            value={targetHigh}
            disabled={readOnly}
            onChange={(event) => setTargetHigh(event.target.value)}
            error={errors.targetHigh}
          />
        )}
        <Field label={t('kpi.owner')} error={errors.ownerId}>
          <select
            className="input"
            name="ownerId"
            value={ownerId}
            disabled={readOnly}
            onChange={(event) => setOwnerId(event.target.value)}
          >
            <option value="">{t('kpi.noOwner')}</option>
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('kpi.tolerance')} hint={t('kpi.toleranceHint')} error={errors.tolerancePercent}>
          <span className="input-affix">
            <input
              className="input"
              name="tolerancePercent"
              inputMode="decimal"
              value={toleranceText}
              placeholder={bowling.isPending ? t('kpi.loading') : undefined}
              disabled={readOnly || bowling.isPending}
              onChange={(event) => setTolerance(event.target.value)}
            />
            <span className="input-affix-text">%</span>
          </span>
        </Field>
      </div>

      <div className="plan-head">
        <h4>{t('kpi.planTitle')}</h4>
        {!readOnly && (
          <Button
            size="sm"
            variant="ghost"
            disabled={!evenPath}
            title={evenPath ? undefined : t('kpi.needsBaseline')}
            onClick={() => evenPath && setPlan(evenPath.map((value) => numberText(value)))}
          >
            {t('kpi.resetPlan')}
          </Button>
        )}
      </div>
      <MonthlyPlanChart
        values={planValues.map((value) => (value === null || Number.isNaN(value) ? null : value))}
        baseline={numbers.baseline}
        target={numbers.target}
        unit={unit}
        readOnly={readOnly}
        onChange={(month, value) => setMonth(month, numberText(value))}
      />
      <div className="plan-months">
        {monthShort.map((month, index) => (
          <label key={month} className="plan-month">
            <span>{month}</span>
            <input
              className="input"
              inputMode="decimal"
              aria-label={t('kpi.monthValue', { month: monthLong[index] ?? '' })}
              value={plan[index] ?? ''}
              readOnly={readOnly}
              aria-invalid={refusedMonths.has(index) ? true : undefined}
              title={refusedMonths.get(index)}
              onChange={(event) => setMonth(index, event.target.value)}
            />
          </label>
        ))}
      </div>
      {refusedMonths.size > 0 && (
        <p className="field-error">
          {[...refusedMonths]
            .map(([month, problem]) => t('kpi.monthProblem', { month: monthLong[month] ?? '', problem }))
            .join(t('kpi.problemSeparator'))}
        </p>
      )}
      {!readOnly && (
        <div className="detail-actions">
          <SubmitButton submit={save} pendingLabel={t('kpi.saving')}>
            {t('kpi.save')}
          </SubmitButton>
        </div>
      )}
    </form>
  );
}
