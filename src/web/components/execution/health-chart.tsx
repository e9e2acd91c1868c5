/** Health over time: average objective progress per month-end as a line, with status counts as bars. */
import { useTranslation } from 'react-i18next';
import type { UnitDashboard } from '../../../contracts';
import { monthOf } from '../../../core/calendar';
import { formatDay } from '../../format/dates';
import { shortMonthName } from '../okr/okr-format';

const WIDTH = 560;
const HEIGHT = 180;
const PAD = { top: 12, right: 12, bottom: 28, left: 36 };

export function HealthChart({ points }: { points: UnitDashboard['health'] }) {
  const { t } = useTranslation('execution');
  if (points.length === 0) return <p className="muted">{t('health.empty')}</p>;
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const x = (index: number) =>
    PAD.left + (points.length === 1 ? innerW / 2 : (index * innerW) / (points.length - 1));
  const y = (value: number) => PAD.top + innerH * (1 - value);
  const maxCount = Math.max(1, ...points.map((p) => p.onTrack + p.atRisk + p.offTrack));
  const barW = Math.max(4, innerW / points.length / 3);
  const line = points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.progress).toFixed(1)}`)
    .join(' ');
  return (
    <svg
      className="health-chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={t('health.label')}
      data-testid="health-chart"
    >
      {[0, 0.5, 1].map((tick) => (
        <g key={tick}>
          <line className="health-grid" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} />
          <text className="health-axis" x={PAD.left - 6} y={y(tick) + 4} textAnchor="end">
            {Math.round(tick * 100)}%
          </text>
        </g>
      ))}
      {points.map((p, i) => {
        const scale = (count: number) => (count / maxCount) * innerH * 0.35;
        let top = PAD.top + innerH;
        return (
          <g key={p.date}>
            {(
              [
                ['health-on', p.onTrack],
                ['health-risk', p.atRisk],
                ['health-off', p.offTrack],
              ] as const
            ).map(([className, count]) => {
              const h = scale(count);
              top -= h;
              return (
                <rect
                  key={className}
                  className={className}
                  x={x(i) - barW / 2}
                  y={top}
                  width={barW}
                  height={h}
                />
              );
            })}
            <text className="health-axis" x={x(i)} y={HEIGHT - 8} textAnchor="middle">
              {i === points.length - 1 ? t('health.now') : shortMonthName(monthOf(p.date))}
            </text>
          </g>
        );
      })}
      <path className="health-line" d={line} />
      {points.map((p, i) => (
        <circle key={p.date} className="health-dot" cx={x(i)} cy={y(p.progress)} r={3}>
          <title>
            {t('health.pointTitle', {
              day: formatDay(p.date),
              percent: Math.round(p.progress * 100),
              onTrack: p.onTrack,
              atRisk: p.atRisk,
              offTrack: p.offTrack,
            })}
          </title>
        </circle>
      ))}
    </svg>
  );
}
