/**
 * The forecast from actuals in the web app: per target the sentence ("Chance of reaching 60 % by
 * December, now: 34 % (was 61 % in March)") and a sparkline of the recorded months, January to
 * December on a fixed axis so a missing month shows as a gap in the labels.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ForecastHistory, TargetForecast } from '../../../contracts';
import { recordForecast } from '../../api-client';
import { keys } from '../../api/query-keys';
import { queries } from '../../api/queries';
import { useOrg } from '../../hooks/org-context';
import { Button } from '../button';
import { useSubmit } from '../form/use-submit';
import { probabilityTone } from '../pressure-test/probability-tone';
import { percentText } from '../pressure-test/wording';
import { forecastText } from './forecast-text';
import { shortMonthName } from '../okr/okr-format';

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const WIDTH = 336;
const HEIGHT = 84;
const PAD = { top: 8, right: 14, bottom: 18, left: 36 };

/** The recorded months of one target as a line of dots over a 0-100 % scale, each month labelled. */
export function ForecastSparkline({ forecast }: { forecast: TargetForecast }) {
  const { t } = useTranslation('execution');
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const x = (month: number) => PAD.left + ((month - 1) * innerW) / 11;
  const y = (probability: number) => PAD.top + innerH * (1 - probability);
  const { points } = forecast;
  const line = points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.month).toFixed(1)},${y(p.probability).toFixed(1)}`)
    .join(' ');
  const described = points.map((p) =>
    t('forecast.point', { month: shortMonthName(p.month), percent: percentText(p.probability) }),
  );
  return (
    <svg
      className="forecast-sparkline"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={t('forecast.sparkline', { months: described.join(t('forecast.listSeparator')) })}
      data-testid={`forecast-sparkline-${forecast.targetId}`}
    >
      {[0, 0.5, 1].map((tick) => (
        <g key={tick}>
          <line className="health-grid" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} />
          <text className="health-axis" x={PAD.left - 5} y={y(tick) + 3} textAnchor="end">
            {Math.round(tick * 100)}%
          </text>
        </g>
      ))}
      {MONTHS.map((month) => (
        <text
          key={month}
          className={`health-axis${points.some((p) => p.month === month) ? '' : ' forecast-month-empty'}`}
          x={x(month)}
          y={HEIGHT - 4}
          textAnchor="middle"
        >
          {shortMonthName(month)}
        </text>
      ))}
      <path className="forecast-line" d={line} />
      {points.map((p) => (
        <circle
          key={p.month}
          className={`forecast-dot tone-${probabilityTone(p.probability)}`}
          cx={x(p.month)}
          cy={y(p.probability)}
          r={3}
        >
          <title>
            {t('forecast.dotTitle', { month: shortMonthName(p.month), percent: percentText(p.probability) })}
          </title>
        </circle>
      ))}
    </svg>
  );
}

/** One target: what it is, the sentence with "now" in its tone, and the sparkline. */
export function TargetForecastRow({
  forecast,
  showTitle = true,
}: {
  forecast: TargetForecast;
  showTitle?: boolean;
}) {
  const { t } = useTranslation('execution');
  const now = forecast.points[forecast.points.length - 1];
  const others = forecast.sameOutcome.filter((m) => m.targetId !== forecast.targetId);
  return (
    <li className="forecast-row" data-testid={`forecast-${forecast.targetId}`}>
      {showTitle && (
        <div className="forecast-title">
          <span className="forecast-kind">{t(`forecast.kind.${forecast.kind}`)}</span> {forecast.title}
          {others.length > 0 && (
            <span className="muted">
              {' · '}
              {t('forecast.also', { titles: others.map((m) => m.title).join(' · ') })}
            </span>
          )}
        </div>
      )}
      <div className="forecast-body">
        <p className={`forecast-sentence${now ? ` tone-text-${probabilityTone(now.probability)}` : ''}`}>
          {forecastText(forecast) ?? forecast.sentence ?? t('forecast.none')}
        </p>
        {forecast.points.length > 0 && <ForecastSparkline forecast={forecast} />}
      </div>
    </li>
  );
}

/** The forecasts of a matrix's targets, and "record now" for those who may. */
export function ForecastList({
  history,
  canRecord,
  only,
}: {
  history: ForecastHistory;
  canRecord: boolean;
  /** Show only the targets tested on this KPI (the KPI drawer). */
  only?: { kpiId: string };
}) {
  const { t } = useTranslation('execution');
  const client = useQueryClient();
  const record = useSubmit(async () => {
    const answer = await recordForecast(history.matrixId);
    client.setQueryData(keys.forecast(history.matrixId), answer);
  });
  const targets = only ? history.targets.filter((t) => t.kpiId === only.kpiId) : history.targets;
  return (
    <div className="forecast-list">
      {targets.length === 0 ? (
        <p className="muted">{t(canRecord ? 'forecast.emptyCanRecord' : 'forecast.empty')}</p>
      ) : (
        <ul>
          {targets.map((forecast) => (
            <TargetForecastRow key={`${forecast.kind}:${forecast.targetId}`} forecast={forecast} />
          ))}
        </ul>
      )}
      {canRecord && (
        <div className="forecast-actions">
          <Button size="sm" variant="secondary" disabled={record.isPending} onClick={() => void record.run()}>
            {t(record.isPending ? 'forecast.recording' : 'forecast.record')}
          </Button>
          <span className="muted">{t('forecast.recordHint')}</span>
          {record.error && <span className="form-error">{record.error.message}</span>}
        </div>
      )}
    </div>
  );
}

/** In a key result's history: its chance by year end, month by month, from each matrix measuring it. */
export function KeyResultForecast({ keyResultId }: { keyResultId: string }) {
  const { t } = useTranslation('execution');
  const forecast = useQuery(queries.keyResultForecast(keyResultId));
  const { data: org } = useOrg();
  const unitOf = (matrixId: string) => {
    const matrix = org?.matrices.find((m) => m.id === matrixId);
    return matrix ? (org?.unitsById.get(matrix.unitId)?.name ?? null) : null;
  };
  const rows = (forecast.data ?? []).flatMap((h) =>
    h.targets.map((target) => ({ matrixId: h.matrixId, target })),
  );
  return (
    <section
      className="target-changes"
      aria-labelledby={`kr-forecast-${keyResultId}`}
      data-testid="kr-forecast"
    >
      <h3 id={`kr-forecast-${keyResultId}`} className="target-changes-heading">
        {t('forecast.krHeading')}
      </h3>
      {forecast.isPending ? (
        <p className="muted">{t('forecast.krLoading')}</p>
      ) : forecast.isError ? (
        <p className="form-error">{t('forecast.krError', { message: forecast.error.message })}</p>
      ) : rows.length === 0 ? (
        <p className="muted">{t('forecast.krEmpty')}</p>
      ) : (
        <ul className="forecast-list-plain">
          {rows.map(({ matrixId, target }) => (
            <li key={`${matrixId}:${target.kpiId}`}>
              <p className="muted forecast-source">
                {unitOf(matrixId)
                  ? t('forecast.fromUnit', { kpi: target.kpiTitle, unit: unitOf(matrixId) ?? '' })
                  : t('forecast.from', { kpi: target.kpiTitle })}
              </p>
              <ul className="forecast-list-plain">
                <TargetForecastRow forecast={target} showTitle={false} />
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
