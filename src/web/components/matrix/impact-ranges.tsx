/**
 * What an initiative does to each KPI it moves: low / likely / high in the KPI's unit (an
 * improvement in the KPI's good direction), drawn as a range on the KPI's scale from baseline to
 * target. The KPIs listed are those with an impact and those the north-east grid marks against the
 * initiative; "Add a KPI" offers the rest. Each row saves on its own (create, update, remove).
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImpactView, MatrixItem } from '../../../contracts';
import { createImpact, deleteImpact, updateImpact } from '../../api-initiative';
import { queries } from '../../api/queries';
import { keys } from '../../api/query-keys';
import { Button } from '../button';
import { FormAlert } from '../form/form-alert';
import { QueryView } from '../form/query-view';
import { useSubmit } from '../form/use-submit';
import { withUnit } from '../okr/okr-format';
import { numberText, parseNumber } from './detail-format';
import { ImpactRangeBar } from './impact-range-bar';

interface ImpactRangesProps {
  item: MatrixItem;
  kpis: readonly MatrixItem[];
  /** KPIs the north-east grid marks against the initiative. */
  markedKpiIds: ReadonlySet<string>;
  readOnly: boolean;
}

export function ImpactRanges(props: ImpactRangesProps) {
  const { t } = useTranslation('items');
  const query = useQuery(queries.impacts(props.item.matrixId, props.item.id));
  return (
    <section className="detail-section" aria-labelledby="impacts-title" data-testid="impact-ranges">
      <h3 className="detail-section-title" id="impacts-title">
        {t('impacts.title')}
      </h3>
      <QueryView query={query} errorTitle={t('impacts.error')} canRetry loadingLabel={t('impacts.loading')}>
        {(impacts) => <ImpactList {...props} impacts={impacts} />}
      </QueryView>
    </section>
  );
}

function ImpactList({
  item,
  kpis,
  markedKpiIds,
  readOnly,
  impacts,
}: ImpactRangesProps & { impacts: ImpactView[] }) {
  const { t } = useTranslation('items');
  const [added, setAdded] = useState<string[]>([]);
  const byKpi = new Map(impacts.map((impact) => [impact.kpiId, impact]));
  const shown = kpis.filter((kpi) => byKpi.has(kpi.id) || markedKpiIds.has(kpi.id) || added.includes(kpi.id));
  const rest = kpis.filter((kpi) => !shown.includes(kpi));
  return (
    <>
      {shown.length === 0 && (
        <p className="muted detail-empty">
          {kpis.length === 0
            ? t('impacts.noKpis')
            : readOnly
              ? t('impacts.noImpact')
              : t('impacts.noImpactEditable')}
        </p>
      )}
      <ul className="impact-list">
        {shown.map((kpi) => (
          <ImpactRow
            key={kpi.id}
            initiative={item}
            kpi={kpi}
            impact={byKpi.get(kpi.id)}
            readOnly={readOnly}
          />
        ))}
      </ul>
      {!readOnly && rest.length > 0 && (
        <label className="impact-add">
          <span className="field-label">{t('impacts.add')}</span>
          <select
            className="input"
            value=""
            onChange={(event) => event.target.value && setAdded([...added, event.target.value])}
          >
            <option value="">{t('impacts.choose')}</option>
            {rest.map((kpi) => (
              <option key={kpi.id} value={kpi.id}>
                {kpi.title}
              </option>
            ))}
          </select>
        </label>
      )}
    </>
  );
}

const FIELDS = ['low', 'likely', 'high'] as const;
type Field = (typeof FIELDS)[number];

function ImpactRow({
  initiative,
  kpi,
  impact,
  readOnly,
}: {
  initiative: MatrixItem;
  kpi: MatrixItem;
  impact: ImpactView | undefined;
  readOnly: boolean;
}) {
  const { t } = useTranslation('items');
  const client = useQueryClient();
  const key = keys.impacts(initiative.matrixId, initiative.id);
  const initial = (impact: ImpactView | undefined) => ({
    low: numberText(impact?.low),
    likely: numberText(impact?.likely),
    high: numberText(impact?.high),
  });
  const [values, setValues] = useState(() => initial(impact));
  const numbers = {
    low: parseNumber(values.low),
    likely: parseNumber(values.likely),
    high: parseNumber(values.high),
  };
  const dirty = FIELDS.some((field) => values[field] !== initial(impact)[field]);
  const unit = kpi.unitOfMeasure;
  const percent = impact?.basis === 'percent';

  const save = useSubmit(
    async () => {
      const { low, likely, high } = numbers as Record<Field, number>;
      const saved = impact
        ? await updateImpact(impact.id, { version: impact.version, low, likely, high })
        : await createImpact({ initiativeId: initiative.id, kpiId: kpi.id, low, likely, high });
      client.setQueryData<ImpactView[]>(key, (list = []) => [
        ...list.filter((i) => i.id !== saved.id),
        saved,
      ]);
      setValues(initial(saved));
    },
    {
      check: () => {
        const missing = FIELDS.find((field) => numbers[field] === null || Number.isNaN(numbers[field]));
        if (!missing) return null;
        return unit
          ? t('impacts.missingInUnit', { field: missing, unit })
          : t('impacts.missing', { field: missing });
      },
    },
  );
  const remove = useSubmit(async () => {
    if (!impact) return;
    await deleteImpact(impact.id, impact.version);
    client.setQueryData<ImpactView[]>(key, (list = []) => list.filter((i) => i.id !== impact.id));
  });

  const bar = FIELDS.every((field) => typeof numbers[field] === 'number' && !Number.isNaN(numbers[field]))
    ? (numbers as Record<Field, number>)
    : null;
  return (
    <li className="impact-row" data-testid={`impact-${kpi.id}`}>
      <div className="impact-head">
        <strong>{kpi.title}</strong>
        <span className="muted">
          {kpi.baseline === null || kpi.target === null
            ? t('impacts.noTarget')
            : `${withUnit(kpi.baseline, unit)} → ${withUnit(kpi.target, unit)}`}
        </span>
      </div>
      <div className="impact-inputs">
        {FIELDS.map((field) => (
          <label key={field} className="field">
            <span className="field-label">{t(`impacts.fields.${field}`)}</span>
            <span className="input-affix">
              <input
                className="input"
                inputMode="decimal"
                name={field}
                aria-label={t(`impacts.fieldOn.${field}`, { kpi: kpi.title })}
                value={values[field]}
                readOnly={readOnly}
                aria-invalid={save.fieldErrors[field] ? true : undefined}
                onChange={(event) => setValues({ ...values, [field]: event.target.value })}
              />
              {(percent || unit) && (
                <span className="input-affix-text">{percent ? t('impacts.percentOfBaseline') : unit}</span>
              )}
            </span>
            {save.fieldErrors[field] && <span className="field-error">{save.fieldErrors[field]}</span>}
          </label>
        ))}
        {!readOnly && (
          <div className="impact-actions">
            <Button size="sm" variant="primary" disabled={!dirty || save.isPending} onClick={save.onSubmit}>
              {save.isPending ? t('impacts.saving') : impact ? t('impacts.save') : t('impacts.addImpact')}
            </Button>
            {impact && (
              <Button size="sm" variant="ghost" disabled={remove.isPending} onClick={remove.onSubmit}>
                {t('impacts.remove')}
              </Button>
            )}
          </div>
        )}
      </div>
      <FormAlert error={save.error ?? remove.error} fields={FIELDS} />
      {bar && <ImpactRangeBar kpi={kpi} range={bar} percent={percent} />}
    </li>
  );
}
