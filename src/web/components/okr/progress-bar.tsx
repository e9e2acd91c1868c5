import { useTranslation } from 'react-i18next';
import type { Status } from '../../../core/status';

const TONE: Record<Status, string> = { on_track: 'good', at_risk: 'mid', off_track: 'low' };

/**
 * A thin progress bar with its percentage; null progress shows a muted "no data" bar. Its colour is
 * the item's status when one is given (never a second verdict from the percentage alone, which
 * would show 84 % in green beside "Off track"), otherwise neutral.
 */
export function ProgressBar({
  value,
  label,
  status,
}: {
  value: number | null;
  label: string;
  status?: Status | null | undefined;
}) {
  const { t } = useTranslation('okrs');
  const percent = value === null ? null : Math.round(value * 100);
  const tone = percent === null ? 'none' : status ? TONE[status] : 'neutral';
  return (
    <div
      className="progress"
      title={percent === null ? t('progress.noData', { label }) : t('progress.title', { label, percent })}
    >
      <div
        className={`progress-track progress-${tone}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
      >
        <div className="progress-fill" style={{ width: `${percent ?? 0}%` }} />
      </div>
      <span className="progress-value tabular">
        {percent === null ? '—' : t('progress.value', { percent })}
      </span>
    </div>
  );
}
