/** A KPI's year-end distribution as a hand-drawn SVG histogram, with the baseline and targets marked. */
import type { PressureTestResultView } from '../../../contracts';

type Distribution = PressureTestResultView['kpis'][number];

const WIDTH = 320;
const HEIGHT = 96;
const PAD = 14;

export function DistributionChart({
  kpi,
  targets,
}: {
  kpi: Distribution;
  targets: { label: string; value: number }[];
}) {
  const bins = kpi.histogram;
  const values = [kpi.min, kpi.max, kpi.baseline, ...targets.map((t) => t.value)];
  const low = Math.min(...values);
  const high = Math.max(...values);
  const span = high - low || 1;
  const x = (value: number) => PAD + ((value - low) / span) * (WIDTH - 2 * PAD);
  const tallest = Math.max(1, ...bins.map((bin) => bin.count));
  const barHeight = (count: number) => (count / tallest) * (HEIGHT - 2 * PAD);
  return (
    <figure className="distribution" data-testid={`distribution-${kpi.kpiId}`}>
      <figcaption>
        {kpi.title}
        <span className="distribution-stats">
          p10 {round(kpi.p10)} · p50 {round(kpi.p50)} · p90 {round(kpi.p90)} {kpi.unitOfMeasure}
        </span>
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`Distribution of ${kpi.title}`}>
        <line className="distribution-axis" x1={PAD} x2={WIDTH - PAD} y1={HEIGHT - PAD} y2={HEIGHT - PAD} />
        {bins.map((bin) => (
          <rect
            key={bin.from}
            className="distribution-bar"
            x={x(bin.from)}
            width={Math.max(1, x(bin.to) - x(bin.from) - 1)}
            y={HEIGHT - PAD - barHeight(bin.count)}
            height={barHeight(bin.count)}
          />
        ))}
        <Marker className="distribution-baseline" at={x(kpi.baseline)} />
        {targets.map((target) => (
          <g key={target.label}>
            <Marker className="distribution-target" at={x(target.value)} />
            <text className="distribution-label" x={x(target.value) + 2} y={PAD}>
              {target.label} {round(target.value)}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}

/** A vertical line across the plot at x = `at`. */
function Marker({ className, at }: { className: string; at: number }) {
  return <line className={className} x1={at} x2={at} y1={PAD / 2} y2={HEIGHT - PAD} />;
}

const round = (value: number) => Math.round(value * 10) / 10;
