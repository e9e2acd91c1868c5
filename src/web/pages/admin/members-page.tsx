/**
 * `/org/:orgId/members` — Members & roles: everyone with a role in the organisation, where it
 * holds and which role; administrators grant roles by e-mail (inviting new people), change and
 * remove them. Controls appear only where the user administers the place they act on.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GrantedRole, RoleAssignment } from '../../../contracts';
import { removeRole } from '../../api-accounts';
import { queries } from '../../api/queries';
import { keys } from '../../api/query-keys';
import { GrantRoleForm } from '../../components/admin/grant-role-form';
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
  const { t } = useTranslation('admin');
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

  if (orgError) return <PageError title={t('shared.loadOrganisationError')} error={orgError} />;
  if (!org) return <PageLoading />;
  const organisationId = org.organisation.id;
  const mayManage = (unitId: string | null) =>
    isAtLeast(roleOn(me, organisationId, unitId, org.unitsById), 'admin');
  const placeOf = (unitId: string | null) =>
    unitId === null ? t('shared.wholeOrganisation') : (org.unitsById.get(unitId)?.name ?? unitId);

  function granted(result: GrantedRole) {
    const { assignment, inviteUrl } = result;
    toast.show({
      tone: 'success',
      message: t('members.granted', {
        user: assignment.userName,
        role: assignment.role,
        place: placeOf(assignment.unitId),
      }),
    });
    setInvite(inviteUrl ? { who: assignment.userEmail, url: inviteUrl } : null);
    reload();
  }

  return (
    <div className="page admin-page">
      <header className="page-header">
        <div className="page-title-row">
          <div>
            <h1>{t('members.title')}</h1>
            <p className="muted">{t('members.subtitle', { organisation: org.organisation.name })}</p>
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
          {t('members.listTitle')} {assignments.data && <span className="count">{byPerson.length}</span>}
        </h2>
        <QueryView
          query={assignments}
          errorTitle={t('members.loadError')}
          canRetry
          loadingLabel={t('members.loading')}
          isEmpty={() => byPerson.length === 0}
          empty={
            <EmptyState icon={<UsersIcon size={22} />} title={t('members.emptyTitle')}>
              {t('members.emptyBody')}
            </EmptyState>
          }
        >
          {() => (
            <table className="admin-table" aria-label={t('members.tableLabel')}>
              <thead>
                <tr>
                  <th scope="col">{t('members.person')}</th>
                  <th scope="col">{t('members.where')}</th>
                  <th scope="col">{t('members.role')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('shared.actions')}</span>
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
          title={t('members.removeTitle')}
          confirmLabel={t('members.removeConfirm')}
          onClose={() => setRemoving(null)}
          onConfirm={async () => {
            await removeRole(removing.id, removing.version);
            toast.show({ tone: 'success', message: t('members.removed', { user: removing.userName }) });
            reload();
          }}
        >
          {t('members.removeBody', {
            user: removing.userName,
            role: removing.role,
            place: placeOf(removing.unitId),
          })}
        </ConfirmDialog>
      )}
    </div>
  );
}
