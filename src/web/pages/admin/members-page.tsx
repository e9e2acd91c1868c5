/**
 * `/org/:orgId/members` — Members & roles: everyone with a role in the organisation, where it
 * holds and which role; administrators grant roles by e-mail (inviting new people), change and
 * remove them. Controls appear only where the user administers the place they act on.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { GrantedRole, RoleAssignment } from '../../../contracts';
import { removeRole } from '../../api-accounts';
import { queries } from '../../api/queries';
import { keys } from '../../api/query-keys';
import { GrantRoleForm } from '../../components/admin/grant-role-form';
import { ROLE_LABELS } from '../../components/admin/role-picker';
import { RoleAssignmentRows } from '../../components/admin/role-assignment-rows';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { EmptyState } from '../../components/empty-state';
import { QueryView } from '../../components/form/query-view';
import { UsersIcon } from '../../components/icons';
import { PageError, PageLoading } from '../../components/page-state';
import { useToast } from '../../components/toast';
import { useOrg } from '../../hooks/org-context';
import { adminsAnything, isAtLeast, roleOn } from '../../session/permissions';
import { useMe } from '../../session/session-context';
import { InviteLinkNotice } from './invite-link-notice';

export function MembersPage() {
  const { data: org, error: orgError } = useOrg();
  const me = useMe();
  const toast = useToast();
  const orgId = org?.organisation.id ?? null;
  const client = useQueryClient();
  const assignments = useQuery({ ...queries.roleAssignments(orgId ?? ''), enabled: orgId !== null });
  const reload = () => void client.invalidateQueries({ queryKey: keys.roleAssignments(orgId ?? '') });
  const [invite, setInvite] = useState<{ who: string; url: string } | null>(null);
  const [removing, setRemoving] = useState<RoleAssignment | null>(null);

  const byPerson = useMemo(() => {
    const groups = new Map<string, RoleAssignment[]>();
    for (const assignment of assignments.data ?? [])
      groups.set(assignment.userId, [...(groups.get(assignment.userId) ?? []), assignment]);
    return [...groups.values()].sort((a, b) => (a[0]?.userName ?? '').localeCompare(b[0]?.userName ?? ''));
  }, [assignments.data]);

  if (orgError) return <PageError title="Could not load the organisation" error={orgError} />;
  if (!org) return <PageLoading />;
  const organisationId = org.organisation.id;
  const mayManage = (unitId: string | null) =>
    isAtLeast(roleOn(me, organisationId, unitId, org.unitsById), 'admin');
  const placeOf = (unitId: string | null) =>
    unitId === null ? 'Whole organisation' : (org.unitsById.get(unitId)?.name ?? unitId);

  function granted(result: GrantedRole) {
    const { assignment, inviteUrl } = result;
    toast.show({
      tone: 'success',
      message: `${assignment.userName} is ${ROLE_LABELS[assignment.role].toLowerCase()} of ${placeOf(assignment.unitId)}`,
    });
    setInvite(inviteUrl ? { who: assignment.userEmail, url: inviteUrl } : null);
    reload();
  }

  return (
    <div className="page admin-page">
      <header className="page-header">
        <div className="page-title-row">
          <div>
            <h1>Members &amp; roles</h1>
            <p className="muted">
              Who may read, contribute to, edit and administer {org.organisation.name}'s plans.
            </p>
          </div>
        </div>
      </header>
      {adminsAnything(me, organisationId) && (
        <GrantRoleForm
          organisationId={organisationId}
          tree={org.tree}
          mayGrantOn={mayManage}
          onGranted={granted}
        />
      )}
      {invite && <InviteLinkNotice who={invite.who} url={invite.url} onDismiss={() => setInvite(null)} />}
      <section className="admin-card" aria-labelledby="members-title">
        <h2 id="members-title">
          Members {assignments.data && <span className="count">{byPerson.length}</span>}
        </h2>
        <QueryView
          query={assignments}
          errorTitle="Could not load the members"
          canRetry
          loadingLabel="Loading members"
          isEmpty={() => byPerson.length === 0}
          empty={
            <EmptyState icon={<UsersIcon size={22} />} title="No one has a role here yet">
              Grant a role above: viewers read the plans, contributors check in on what they own, editors
              edit, admins also manage roles.
            </EmptyState>
          }
        >
          {() => (
            <table className="admin-table" aria-label="Members">
              <thead>
                <tr>
                  <th scope="col">Person</th>
                  <th scope="col">Where</th>
                  <th scope="col">Role</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              {byPerson.map((group) => (
                <RoleAssignmentRows
                  key={group[0]?.userId}
                  assignments={group}
                  placeOf={placeOf}
                  mayManage={mayManage}
                  onChanged={reload}
                  onRemove={setRemoving}
                />
              ))}
            </table>
          )}
        </QueryView>
      </section>
      {removing && (
        <ConfirmDialog
          title="Remove this role?"
          confirmLabel="Remove role"
          onClose={() => setRemoving(null)}
          onConfirm={async () => {
            await removeRole(removing.id, removing.version);
            toast.show({ tone: 'success', message: `Removed ${removing.userName}'s role` });
            reload();
          }}
        >
          {removing.userName} will no longer be {ROLE_LABELS[removing.role].toLowerCase()} of{' '}
          {placeOf(removing.unitId)}. Their account stays, and so do roles they hold elsewhere.
        </ConfirmDialog>
      )}
    </div>
  );
}
