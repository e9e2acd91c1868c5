/**
 * The forecast from actuals in the web app: per target the sentence ("Chance of reaching 60 % by
 * December, now: 34 % (was 61 % in March)") and a sparkline of the recorded months, January to
 * December on a fixed axis so a missing month shows as a gap in the labels.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ForecastHistory, TargetForecast } from '../../../contracts';
import { percentOf } from '../../../core/outlook-wording';
import { recordForecast } from '../../api-client';
import { keys } from '../../api/query-keys';
import { queries } from '../../api/queries';
import { useOrg } from '../../hooks/org-context';
import { Button } from '../button';
import { useSubmit } from '../form/use-submit';
import { probabilityTone } from '../pressure-test/probability-tone';

const MONTH_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WIDTH = 336;
const HEIGHT = 84;
const PAD = { top: 8, right: 14, bottom: 18, left: 36 };

const KIND_WORD: Record<TargetForecast['kind'], string> = {
  kpi: 'KPI',
  key_result: 'Key result',
  annual_objective: 'Annual objective',
};

/** The recorded months of one target as a line of dots over a 0-100 % scale, each month labelled. */
export function ForecastSparkline({ forecast }: { forecast: TargetForecast }) {
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const x = (month: number) => PAD.left + ((month - 1) * innerW) / 11;
  const y = (probability: number) => PAD.top + innerH * (1 - probability);
  const { points } = forecast;
  const line = points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.month).toFixed(1)},${y(p.probability).toFixed(1)}`)
    .join(' ');
  const described = points.map((p) => `${MONTH_SHORT[p.month - 1] ?? ''} ${percentOf(p.probability)}`);
  return (
    <svg
      className="forecast-sparkline"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={`Chance of reaching the target by month: ${described.join(', ')}`}
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
      {MONTH_SHORT.map((name, index) => (
        <text
          key={name}
          className={`health-axis${points.some((p) => p.month === index + 1) ? '' : ' forecast-month-empty'}`}
          x={x(index + 1)}
          y={HEIGHT - 4}
          textAnchor="middle"
        >
          {name}
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
          <title>{`${MONTH_SHORT[p.month - 1] ?? ''}: ${percentOf(p.probability)}`}</title>
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
  const now = forecast.points[forecast.points.length - 1];
  const others = forecast.sameOutcome.filter((m) => m.targetId !== forecast.targetId);
  return (
    <li className="forecast-row" data-testid={`forecast-${forecast.targetId}`}>
      {showTitle && (
        <div className="forecast-title">
          <span className="forecast-kind">{KIND_WORD[forecast.kind]}</span> {forecast.title}
          {others.length > 0 && (
            <span className="muted"> · also {others.map((m) => m.title).join(' · ')}</span>
          )}
        </div>
      )}
      <div className="forecast-body">
        <p className={`forecast-sentence${now ? ` tone-text-${probabilityTone(now.probability)}` : ''}`}>
          {forecast.sentence ?? 'No forecast recorded yet.'}
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
  const client = useQueryClient();
  const record = useSubmit(async () => {
    const answer = await recordForecast(history.matrixId);
    client.setQueryData(keys.forecast(history.matrixId), answer);
  });
  const targets = only ? history.targets.filter((t) => t.kpiId === only.kpiId) : history.targets;
  return (
    <div className="forecast-list">
      {targets.length === 0 ? (
        <p className="muted">
          No forecast recorded yet: it is recorded when a KPI checks in{canRecord ? ', or now' : ''}.
        </p>
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
            {record.isPending ? 'Recording…' : 'Record now'}
          </Button>
          <span className="muted">
            From the latest actuals and where each initiative stands; replaces this month’s figure.
          </span>
          {record.error && <span className="form-error">{record.error.message}</span>}
        </div>
      )}
    </div>
  );
}

/** In a key result's history: its chance by year end, month by month, from each matrix measuring it. */
export function KeyResultForecast({ keyResultId }: { keyResultId: string }) {
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
        Forecast from actuals
      </h3>
      {forecast.isPending ? (
        <p className="muted">Loading the forecast…</p>
      ) : forecast.isError ? (
        <p className="form-error">Could not load the forecast: {forecast.error.message}</p>
      ) : rows.length === 0 ? (
        <p className="muted">No KPI measuring this key result has a forecast recorded yet.</p>
      ) : (
        <ul className="forecast-list-plain">
          {rows.map(({ matrixId, target }) => (
            <li key={`${matrixId}:${target.kpiId}`}>
              <p className="muted forecast-source">
                From {target.kpiTitle}
                {unitOf(matrixId) ? ` (${unitOf(matrixId) ?? ''})` : ''}
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
