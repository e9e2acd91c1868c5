/**
 * `/admin/users` (site administrators): every account, its state and last sign-in; create one
 * (with a password, or with an invitation link to pass on), disable or enable it, make or unmake
 * a site administrator, and set a new password.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../contracts';
import { updateUser } from '../../api-accounts';
import { queries } from '../../api/queries';
import { keys } from '../../api/query-keys';
import { CreateUserForm } from '../../components/admin/create-user-form';
import { ResetPasswordDialog } from '../../components/admin/reset-password-dialog';
import { Avatar } from '../../components/avatar';
import { Badge } from '../../components/badge';
import { Button } from '../../components/button';
import { EmptyState } from '../../components/empty-state';
import { QueryView } from '../../components/form/query-view';
import { UsersIcon } from '../../components/icons';
import { useToast } from '../../components/toast';
import { useMe } from '../../session/session-context';
import { formatWhen } from '../../format/dates';
import { InviteLinkNotice } from './invite-link-notice';

export function UsersPage() {
  const { t } = useTranslation('admin');
  const me = useMe();
  const toast = useToast();
  const client = useQueryClient();
  const users = useQuery({ ...queries.users(), enabled: me.isSiteAdmin });
  const reload = () => void client.invalidateQueries({ queryKey: keys.users() });
  const [invite, setInvite] = useState<{ who: string; url: string } | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);

  if (!me.isSiteAdmin)
    return (
      <div className="page">
        <EmptyState icon={<UsersIcon size={22} />} title={t('users.onlyAdminsTitle')}>
          {t('users.onlyAdminsBody')}
        </EmptyState>
      </div>
    );

  async function update(user: User, change: { disabled?: boolean; isSiteAdmin?: boolean }, done: string) {
    try {
      await updateUser(user.id, { version: user.version, ...change });
      toast.show({ tone: 'success', message: done });
    } catch (cause) {
      toast.show({ tone: 'error', message: cause instanceof Error ? cause.message : String(cause) });
    }
    reload();
  }

  const list = [...(users.data ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <div className="page admin-page">
      <header className="page-header">
        <h1>{t('users.title')}</h1>
        <p className="muted">{t('users.subtitle')}</p>
      </header>
      <CreateUserForm
        onCreated={(created) => {
          toast.show({ tone: 'success', message: t('users.created', { name: created.user.name }) });
          setInvite(created.inviteUrl ? { who: created.user.email, url: created.inviteUrl } : null);
          reload();
        }}
      />
      {invite && <InviteLinkNotice who={invite.who} url={invite.url} onDismiss={() => setInvite(null)} />}
      <section className="admin-card" aria-labelledby="users-title">
        <h2 id="users-title">
          {t('users.accounts')} {users.data && <span className="count">{list.length}</span>}
        </h2>
        <QueryView query={users} errorTitle={t('users.loadError')} canRetry loadingLabel={t('users.loading')}>
          {() => (
            <table className="admin-table" aria-label={t('users.tableLabel')}>
              <thead>
                <tr>
                  <th scope="col">{t('shared.name')}</th>
                  <th scope="col">{t('users.status')}</th>
                  <th scope="col">{t('users.lastSignedIn')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('shared.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((user) => {
                  const self = user.id === me.id;
                  return (
                    <tr
                      key={user.id}
                      data-testid={`user-${user.email}`}
                      className={user.disabled ? 'row-disabled' : undefined}
                    >
                      <th scope="row" className="member-cell">
                        <div className="member-person">
                          <Avatar name={user.name} />
                          <span>
                            <strong>
                              {user.name}
                              {self && <span className="muted"> {t('users.you')}</span>}
                            </strong>
                            <span className="muted">{user.email}</span>
                          </span>
                        </div>
                      </th>
                      <td>
                        <span className="badge-row">
                          {user.disabled ? (
                            <Badge tone="red">{t('users.disabled')}</Badge>
                          ) : (
                            <Badge tone="green">{t('users.active')}</Badge>
                          )}
                          {user.isSiteAdmin && <Badge tone="brand">{t('users.siteAdmin')}</Badge>}
                          {user.sso && <Badge tone="blue">{t('users.sso')}</Badge>}
                          {!user.hasPassword && !user.sso && <Badge tone="amber">{t('users.invited')}</Badge>}
                        </span>
                      </td>
                      <td className="muted">
                        {user.lastSignInAt ? formatWhen(user.lastSignInAt) : t('shared.never')}
                      </td>
                      <td className="cell-actions">
                        <Button
                          size="sm"
                          variant="ghost"
                          disabled={self}
                          title={self ? t('users.ownAdminRights') : undefined}
                          onClick={() =>
                            void update(
                              user,
                              { isSiteAdmin: !user.isSiteAdmin },
                              user.isSiteAdmin
                                ? t('users.noLongerSiteAdmin', { name: user.name })
                                : t('users.nowSiteAdmin', { name: user.name }),
                            )
                          }
                        >
                          {user.isSiteAdmin ? t('users.removeSiteAdmin') : t('users.makeSiteAdmin')}
                        </Button>
                        <Button size="sm" variant="ghost" onClick={() => setResetting(user)}>
                          {t('users.setPassword')}
                        </Button>
                        <Button
                          size="sm"
                          variant="ghost"
                          disabled={self}
                          title={self ? t('users.ownAccount') : undefined}
                          onClick={() =>
                            void update(
                              user,
                              { disabled: !user.disabled },
                              user.disabled
                                ? t('users.enabled', { name: user.name })
                                : t('users.disabledToast', { name: user.name }),
                            )
                          }
                        >
                          {user.disabled ? t('users.enable') : t('users.disable')}
                        </Button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </QueryView>
      </section>
      {resetting && (
        <ResetPasswordDialog
          user={resetting}
          onClose={() => setResetting(null)}
          onDone={() => {
            toast.show({ tone: 'success', message: t('users.passwordSet', { name: resetting.name }) });
            reload();
          }}
        />
      )}
    </div>
  );
}
