/**
 * A quiet "View only" badge for pages the user may read but not change, naming their role, so a
 * refused edit is no surprise. Renders nothing when the user's role allows `need`.
 */
import { useTranslation } from 'react-i18next';
import type { RoleName } from '../../contracts';
import { useOrg } from '../hooks/org-context';
import { isAtLeast, roleOn } from '../session/permissions';
import { useMe } from '../session/session-context';
import { Badge } from './badge';

export function AccessNotice({ unitId, need }: { unitId: string; need: RoleName }) {
  const { t } = useTranslation();
  const me = useMe();
  const { data: org } = useOrg();
  if (!org) return null;
  const role = roleOn(me, org.organisation.id, unitId, org.unitsById);
  if (isAtLeast(role, need)) return null;
  const unitName = org.unitsById.get(unitId)?.name ?? t('accessNotice.thisUnit');
  const because = role
    ? t('accessNotice.because', { role, need, unit: unitName })
    : t('accessNotice.needs', { need, unit: unitName });
  return (
    <span className="access-notice" data-testid="view-only" title={because}>
      <Badge tone="amber" dot>
        {t('accessNotice.viewOnly')}
      </Badge>
      <span className="visually-hidden">{because}</span>
    </span>
  );
}
