/** On track / at risk / off track as a coloured pill; an owner's override shows its reason on hover. */
import { useTranslation } from 'react-i18next';
import type { UnitProgress } from '../../../contracts';
import { Badge, type BadgeTone } from '../badge';

export type EffectiveStatus = UnitProgress['objectives'][number]['status'];

/** The statuses, best first; each in words as `execution:status.<status>`. */
export const STATUSES: readonly EffectiveStatus['status'][] = ['on_track', 'at_risk', 'off_track'];
const TONE: Record<EffectiveStatus['status'], BadgeTone> = {
  on_track: 'green',
  at_risk: 'amber',
  off_track: 'red',
};

export function StatusBadge({ status }: { status: EffectiveStatus }) {
  const { t } = useTranslation('execution');
  const title =
    status.source === 'override'
      ? t('statusBadge.overrideTitle', {
          reason: status.reason ?? '',
          derived: t(`status.${status.derived}`),
        })
      : t('statusBadge.derivedTitle');
  return (
    <span data-testid="status" data-status={status.status}>
      <Badge tone={TONE[status.status]} dot title={title}>
        {t(`status.${status.status}`)}
        {status.source === 'override' ? ' ✎' : ''}
      </Badge>
    </span>
  );
}
