/**
 * A KPI's year-end distribution as a histogram with a value axis, the baseline ("Today") and the
 * targets marked; marker labels go a row down rather than overprint. With a what-if scenario the
 * saved plan's histogram is drawn as an outline behind the scenario's bars.
 */
import { useTranslation } from 'react-i18next';
import type { KpiDistribution } from '../../../core/pressure-test';
import { linearScale, niceTicks, spreadLabels } from '../charts/scale';
import { measureOf } from './wording';

const WIDTH = 460;
const PLOT_HEIGHT = 96;
const ROW = 13;
const PAD_X = 16;
const AXIS = 20;

export interface ChartMarker {
  label: string;
  value: number;
  tone: 'target' | 'baseline';
}

export function DistributionChart({
  kpi,
  saved,
  markers,
}: {
  kpi: KpiDistribution;
  /** The saved plan's distribution, when a scenario differs from it. */
  saved?: KpiDistribution | undefined;
  markers: ChartMarker[];
}) {
  const { t } = useTranslation('pressure');
  const unit = kpi.unitOfMeasure;
  const values = [kpi.min, kpi.max, ...markers.map((m) => m.value), ...(saved ? [saved.min, saved.max] : [])];
  const ticks = niceTicks(Math.min(...values), Math.max(...values), 6);
  const low = Math.min(...values, ticks[0] ?? 0);
  const high = Math.max(...values, ticks.at(-1) ?? 0);
  const x = linearScale([low, high], [PAD_X, WIDTH - PAD_X]);
  const text = (m: ChartMarker) => t('chart.marker', { label: m.label, value: measureOf(m.value, unit) });
  // A label is centred on its marker but kept inside the chart.
  const labelX = (m: ChartMarker) => {
    const half = (text(m).length * 6) / 2 + 2;
    return Math.min(WIDTH - half, Math.max(half, x(m.value)));
  };
  const labels = spreadLabels(markers, labelX, text);
  const rows = Math.max(1, ...labels.map((l) => l.row + 1));
  const top = rows * ROW + 4;
  const base = top + PLOT_HEIGHT;
  const height = base + AXIS;
  const tallest = Math.max(
    1,
    ...kpi.histogram.map((b) => b.count),
    ...(saved?.histogram ?? []).map((b) => b.count),
  );
  const barHeight = (count: number) => (count / tallest) * (PLOT_HEIGHT - 4);
  return (
    <figure className="distribution" data-testid={`distribution-${kpi.kpiId}`}>
      <figcaption>
        <span className="distribution-title">{kpi.title}</span>
        <span className="distribution-stats">
          {t('chart.stats', { p10: measureOf(kpi.p10, ''), p90: measureOf(kpi.p90, unit) })}
        </span>
      </figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-label={t('chart.label', {
          title: kpi.title,
          min: measureOf(kpi.min, unit),
          max: measureOf(kpi.max, unit),
        })}
      >
        {saved &&
          saved.histogram.map((bin) => (
            <rect
              key={`saved-${bin.from}`}
              className="distribution-saved"
              x={x(bin.from)}
              width={Math.max(1, x(bin.to) - x(bin.from))}
              y={base - barHeight(bin.count)}
              height={barHeight(bin.count)}
            />
          ))}
        {kpi.histogram.map((bin) => (
          <rect
            key={bin.from}
            className="distribution-bar"
            x={x(bin.from)}
            width={Math.max(1, x(bin.to) - x(bin.from) - 1)}
            y={base - barHeight(bin.count)}
            height={barHeight(bin.count)}
          />
        ))}
        <line className="distribution-axis" x1={PAD_X} x2={WIDTH - PAD_X} y1={base} y2={base} />
        {ticks.map((tick) => (
          <g key={tick} className="distribution-tick">
            <line x1={x(tick)} x2={x(tick)} y1={base} y2={base + 4} />
            <text x={x(tick)} y={base + 15} textAnchor="middle">
              {measureOf(tick, '')}
            </text>
          </g>
        ))}
        {labels.map(({ item, x: textX, row }) => (
          <g key={`${item.label}-${item.value}`} className={`distribution-marker marker-${item.tone}`}>
            <line x1={x(item.value)} x2={x(item.value)} y1={(row + 1) * ROW} y2={base} />
            <text x={textX} y={(row + 1) * ROW - 3} textAnchor="middle">
              {text(item)}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}
