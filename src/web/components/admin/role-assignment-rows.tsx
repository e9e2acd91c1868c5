/**
 * One person's roles in the members table: where each holds, the role (changeable by those who
 * administer that place) and a remove button.
 */
import { useTranslation } from 'react-i18next';
import type { RoleAssignment, RoleName } from '../../../contracts';
import { changeRole } from '../../api-accounts';
import { Avatar } from '../avatar';
import { Badge } from '../badge';
import { IconButton } from '../button';
import { TrashIcon } from '../icons';
import { useToast } from '../toast';
import { RolePicker } from './role-picker';

interface RoleAssignmentRowsProps {
  assignments: RoleAssignment[];
  /** Where an assignment holds, for people: "Whole organisation" or the unit's name. */
  placeOf: (unitId: string | null) => string;
  mayManage: (unitId: string | null) => boolean;
  onChanged: () => void;
  /** Asks to remove an assignment (the page confirms). */
  onRemove: (assignment: RoleAssignment) => void;
}

export function RoleAssignmentRows({
  assignments,
  placeOf,
  mayManage,
  onChanged,
  onRemove,
}: RoleAssignmentRowsProps) {
  const { t } = useTranslation('admin');
  const toast = useToast();
  const first = assignments[0];
  if (!first) return null;

  async function change(assignment: RoleAssignment, role: RoleName) {
    try {
      await changeRole(assignment.id, assignment.version, role);
      toast.show({
        tone: 'success',
        message: t('roleRows.changed', {
          user: assignment.userName,
          role,
          place: placeOf(assignment.unitId),
        }),
      });
    } catch (cause) {
      toast.show({ tone: 'error', message: cause instanceof Error ? cause.message : String(cause) });
    }
    onChanged();
  }

  return (
    <tbody className="member" data-testid={`member-${first.userEmail}`}>
      {assignments.map((assignment, index) => {
        const manageable = mayManage(assignment.unitId);
        return (
          <tr key={assignment.id} data-testid={`role-${assignment.id}`}>
            {index === 0 && (
              <th scope="rowgroup" rowSpan={assignments.length} className="member-cell">
                <div className="member-person">
                  <Avatar name={first.userName} />
                  <span>
                    <strong>{first.userName}</strong>
                    <span className="muted">{first.userEmail}</span>
                  </span>
                </div>
              </th>
            )}
            <td>{placeOf(assignment.unitId)}</td>
            <td>
              {manageable ? (
                <RolePicker
                  visibleLabel={false}
                  label={t('roleRows.roleLabel', {
                    user: assignment.userName,
                    place: placeOf(assignment.unitId),
                  })}
                  value={assignment.role}
                  onChange={(role) => void change(assignment, role)}
                />
              ) : (
                <Badge tone={assignment.role === 'admin' ? 'brand' : 'neutral'}>
                  {t(`roles.names.${assignment.role}`)}
                </Badge>
              )}
            </td>
            <td className="cell-actions">
              {manageable && (
                <IconButton
                  size="sm"
                  label={t('roleRows.removeLabel', {
                    user: assignment.userName,
                    place: placeOf(assignment.unitId),
                  })}
                  onClick={() => onRemove(assignment)}
                >
                  <TrashIcon />
                </IconButton>
              )}
            </td>
          </tr>
        );
      })}
    </tbody>
  );
}
