/**
 * A KPI's twelve planned values as a curve to shape: each month a point to drag (pointer) or to
 * move with the arrow keys when focused (Shift for ten steps, Home/End for baseline/target), with
 * dashed lines at the baseline and the target. A month without a plan is a hollow point on the
 * baseline; moving it gives it a value.
 */
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { withUnit } from '../okr/okr-format';
import { monthNames, shownNumber } from './detail-format';

interface MonthlyPlanChartProps {
  values: readonly (number | null)[];
  baseline: number | null;
  target: number | null;
  unit: string;
  readOnly: boolean;
  onChange: (month: number, value: number) => void;
}

const W = 640;
const H = 200;
const PAD = { left: 60, right: 14, top: 14, bottom: 26 };
/** Room between the axis labels and January's point. */
const INSET = 12;

export function MonthlyPlanChart({
  values,
  baseline,
  target,
  unit,
  readOnly,
  onChange,
}: MonthlyPlanChartProps) {
  const { t } = useTranslation('items');
  const monthShort = monthNames('short');
  const monthLong = monthNames('long');
  const shortNumber = (value: number) =>
    Math.abs(value) >= 1000
      ? t('chart.thousands', { value: shownNumber(Math.round(value / 100) / 10) })
      : shownNumber(value);
  const svg = useRef<SVGSVGElement>(null);
  const dragging = useRef<number | null>(null);
  const known = [...values, baseline, target].filter((v): v is number => v !== null);
  const low = known.length > 0 ? Math.min(...known) : 0;
  const high = known.length > 0 ? Math.max(...known) : 1;
  const margin = (high - low || Math.abs(high) || 1) * 0.15;
  const min = low - margin;
  const max = high + margin;
  const step = niceStep((max - min) / 100);
  const x = (month: number) => PAD.left + INSET + (month * (W - PAD.left - INSET - PAD.right)) / 11;
  const y = (value: number) => PAD.top + ((max - value) / (max - min)) * (H - PAD.top - PAD.bottom);
  const valueAt = (clientY: number) => {
    const box = svg.current?.getBoundingClientRect();
    if (!box) return 0;
    const svgY = ((clientY - box.top) / box.height) * H;
    const raw = max - ((svgY - PAD.top) / (H - PAD.top - PAD.bottom)) * (max - min);
    return roundTo(Math.min(max, Math.max(min, raw)), step);
  };
  const resting = baseline ?? low;
  const points = values.map((value, month) => ({ month, value, shown: value ?? resting }));
  const line = points
    .filter((p) => p.value !== null)
    .map((p) => `${x(p.month).toFixed(1)},${y(p.shown).toFixed(1)}`)
    .join(' ');

  const onPointerDown = (month: number) => (event: PointerEvent<SVGCircleElement>) => {
    if (readOnly) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.focus();
    dragging.current = month;
  };
  const onPointerMove = (event: PointerEvent<SVGCircleElement>) => {
    if (dragging.current === null) return;
    onChange(dragging.current, valueAt(event.clientY));
  };
  const onPointerUp = (event: PointerEvent<SVGCircleElement>) => {
    if (dragging.current === null) return;
    event.currentTarget.releasePointerCapture(event.pointerId);
    dragging.current = null;
  };
  const onKeyDown = (month: number, current: number) => (event: KeyboardEvent<SVGCircleElement>) => {
    if (readOnly) return;
    const by = event.shiftKey ? step * 10 : step;
    const next =
      event.key === 'ArrowUp' || event.key === 'ArrowRight'
        ? current + by
        : event.key === 'ArrowDown' || event.key === 'ArrowLeft'
          ? current - by
          : event.key === 'Home' && baseline !== null
            ? baseline
            : event.key === 'End' && target !== null
              ? target
              : null;
    if (next === null) return;
    event.preventDefault();
    onChange(month, roundTo(next, step));
  };

  // Guides closer than two label lines keep their lines but share one label, on the upper one.
  const crowded = baseline !== null && target !== null && Math.abs(y(baseline) - y(target)) < 24;
  const guide = (value: number | null, name: string, className: string, labelled: boolean) =>
    value === null ? null : (
      <g className={className}>
        <line x1={PAD.left} x2={W - PAD.right} y1={y(value)} y2={y(value)} />
        {labelled && (
          <>
            <text x={PAD.left - 6} y={y(value) - 1} textAnchor="end">
              {crowded ? `${shortNumber(baseline ?? 0)} → ${shortNumber(target ?? 0)}` : shortNumber(value)}
            </text>
            <text x={PAD.left - 6} y={y(value) + 10} textAnchor="end" className="plan-guide-name">
              {crowded ? t('chart.baseToTarget') : name}
            </text>
          </>
        )}
      </g>
    );
  const upper = baseline !== null && target !== null && target > baseline ? 'target' : 'baseline';

  return (
    <svg
      ref={svg}
      className={`plan-chart${readOnly ? ' is-readonly' : ''}`}
      viewBox={`0 0 ${W} ${H}`}
      role="group"
      aria-label={readOnly ? t('chart.label') : t('chart.labelEditable')}
      data-testid="plan-chart"
    >
      {guide(baseline, t('chart.baseline'), 'plan-guide is-baseline', !crowded || upper === 'baseline')}
      {guide(target, t('chart.target'), 'plan-guide is-target', !crowded || upper === 'target')}
      {monthShort.map((month, index) => (
        <text key={month} className="plan-axis" x={x(index)} y={H - 8} textAnchor="middle">
          {month}
        </text>
      ))}
      <polyline className="plan-line" points={line} />
      {points.map(({ month, value, shown }) => (
        <circle
          key={month}
          className={`plan-point${value === null ? ' is-empty' : ''}`}
          cx={x(month)}
          cy={y(shown)}
          r={6}
          tabIndex={readOnly ? -1 : 0}
          role="slider"
          aria-label={t('chart.point', { month: monthLong[month] ?? '' })}
          aria-valuenow={value ?? undefined}
          aria-valuetext={value === null ? t('chart.notPlanned') : withUnit(value, unit)}
          aria-readonly={readOnly || undefined}
          aria-orientation="vertical"
          data-month={month + 1}
          onPointerDown={onPointerDown(month)}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
          onKeyDown={onKeyDown(month, shown)}
        >
          <title>
            {t('chart.pointValue', {
              month: monthLong[month] ?? '',
              value: value === null ? t('chart.notPlanned') : withUnit(value, unit),
            })}
          </title>
        </circle>
      ))}
    </svg>
  );
}

/** 1, 2 or 5 times a power of ten, at least `raw`: the step of a drag and of an arrow key. */
function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw || 1));
  const scaled = raw / power;
  return (scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10) * power;
}

function roundTo(value: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  return Number((Math.round(value / step) * step).toFixed(decimals));
}
