/**
 * One impact drawn on its KPI's scale: the track runs from the baseline to the target (widened to
 * hold the range), the band is where the KPI lands from low to high, the dot where it lands on
 * likely. Amounts improve in the KPI's good direction (core's improvementSign); a percent impact
 * is a share of the baseline.
 */
import { useTranslation } from 'react-i18next';
import type { MatrixItem } from '../../../contracts';
import { improvementSign } from '../../../core/feasibility';
import { withUnit } from '../okr/okr-format';

interface ImpactRangeBarProps {
  kpi: MatrixItem;
  range: { low: number; likely: number; high: number };
  percent: boolean;
}

export function ImpactRangeBar({ kpi, range, percent }: ImpactRangeBarProps) {
  const { t } = useTranslation('items');
  const { baseline, target } = kpi;
  if (baseline === null || target === null)
    return <p className="muted impact-scale-missing">{t('rangeBar.missing')}</p>;
  const sign = improvementSign({ direction: kpi.direction ?? 'increase', baseline, target });
  const at = (amount: number) => baseline + sign * (percent ? (baseline * amount) / 100 : amount);
  const [low, likely, high] = [at(range.low), at(range.likely), at(range.high)];
  const min = Math.min(baseline, target, low, high);
  const max = Math.max(baseline, target, low, high);
  const span = max - min || 1;
  const share = (value: number) => ((value - min) / span) * 100;
  const x = (value: number) => `${share(value).toFixed(2)}%`;
  // A label near an end of the track leans inwards, so it never leaves the row.
  const labelAt = (value: number) => ({
    left: x(value),
    transform: `translateX(${share(value) < 12 ? '0' : share(value) > 88 ? '-100%' : '-50%'})`,
  });
  const unit = kpi.unitOfMeasure;
  const from = Math.min(low, high);
  const to = Math.max(low, high);
  const reaches = sign > 0 ? likely >= target : likely <= target;
  return (
    <div
      className="impact-scale"
      role="img"
      aria-label={t('rangeBar.label', {
        kpi: kpi.title,
        baseline: withUnit(baseline, unit),
        from: withUnit(from, unit),
        to: withUnit(to, unit),
        likely: withUnit(likely, unit),
        target: withUnit(target, unit),
      })}
    >
      <div className="impact-scale-track">
        <span
          className="impact-scale-goal"
          style={{
            left: x(Math.min(baseline, target)),
            width: `calc(${x(Math.max(baseline, target))} - ${x(Math.min(baseline, target))})`,
          }}
        />
        <span className="impact-scale-band" style={{ left: x(from), width: `calc(${x(to)} - ${x(from)})` }} />
        <span className={`impact-scale-likely${reaches ? ' is-reaching' : ''}`} style={{ left: x(likely) }} />
        <span className="impact-scale-tick is-baseline" style={{ left: x(baseline) }} />
        <span className="impact-scale-tick is-target" style={{ left: x(target) }} />
      </div>
      <div className="impact-scale-labels" aria-hidden="true">
        <span style={labelAt(baseline)}>{t('rangeBar.baseline', { value: withUnit(baseline, unit) })}</span>
        <span style={labelAt(target)}>{t('rangeBar.target', { value: withUnit(target, unit) })}</span>
      </div>
    </div>
  );
}
