/**
 * A quiet "View only" badge for pages the user may read but not change, naming their role, so a
 * refused edit is no surprise. Renders nothing when the user's role allows `need`.
 */
import type { RoleName } from '../../contracts';
import { useOrg } from '../hooks/org-context';
import { isAtLeast, roleOn } from '../session/permissions';
import { useMe } from '../session/session-context';
import { Badge } from './badge';

export function AccessNotice({ unitId, need }: { unitId: string; need: RoleName }) {
  const me = useMe();
  const { data: org } = useOrg();
  if (!org) return null;
  const role = roleOn(me, org.organisation.id, unitId, org.unitsById);
  if (isAtLeast(role, need)) return null;
  const unitName = org.unitsById.get(unitId)?.name ?? 'this unit';
  const because = role
    ? `You are ${role === 'admin' || role === 'editor' ? 'an' : 'a'} ${role} here; changing this needs the ${need} role on ${unitName}.`
    : `Changing this needs the ${need} role on ${unitName}.`;
  return (
    <span className="access-notice" data-testid="view-only" title={because}>
      <Badge tone="amber" dot>
        View only
      </Badge>
      <span className="visually-hidden">{because}</span>
    </span>
  );
}
