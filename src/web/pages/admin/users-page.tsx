/**
 * `/admin/users` (site administrators): every account, its state and last sign-in; create one
 * (with a password, or with an invitation link to pass on), disable or enable it, make or unmake
 * a site administrator, and set a new password.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
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
        <EmptyState icon={<UsersIcon size={22} />} title="Only site administrators manage users">
          To give someone a role in an organisation, use its Members &amp; roles page.
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
        <h1>Users</h1>
        <p className="muted">Every account on this Catchball server. Roles are given per organisation.</p>
      </header>
      <CreateUserForm
        onCreated={(created) => {
          toast.show({ tone: 'success', message: `Created ${created.user.name}` });
          setInvite(created.inviteUrl ? { who: created.user.email, url: created.inviteUrl } : null);
          reload();
        }}
      />
      {invite && <InviteLinkNotice who={invite.who} url={invite.url} onDismiss={() => setInvite(null)} />}
      <section className="admin-card" aria-labelledby="users-title">
        <h2 id="users-title">Accounts {users.data && <span className="count">{list.length}</span>}</h2>
        <QueryView query={users} errorTitle="Could not load the users" canRetry loadingLabel="Loading users">
          {() => (
            <table className="admin-table" aria-label="Users">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Status</th>
                  <th scope="col">Last signed in</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
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
                              {self && <span className="muted"> (you)</span>}
                            </strong>
                            <span className="muted">{user.email}</span>
                          </span>
                        </div>
                      </th>
                      <td>
                        <span className="badge-row">
                          {user.disabled ? (
                            <Badge tone="red">Disabled</Badge>
                          ) : (
                            <Badge tone="green">Active</Badge>
                          )}
                          {user.isSiteAdmin && <Badge tone="brand">Site admin</Badge>}
                          {user.sso && <Badge tone="blue">Single sign-on</Badge>}
                          {!user.hasPassword && !user.sso && <Badge tone="amber">Invited</Badge>}
                        </span>
                      </td>
                      <td className="muted">{user.lastSignInAt ? formatWhen(user.lastSignInAt) : 'Never'}</td>
                      <td className="cell-actions">
                        <Button
                          size="sm"
                          variant="ghost"
                          disabled={self}
                          title={self ? 'You cannot change your own administrator rights' : undefined}
                          onClick={() =>
                            void update(
                              user,
                              { isSiteAdmin: !user.isSiteAdmin },
                              user.isSiteAdmin
                                ? `${user.name} is no longer a site administrator`
                                : `${user.name} is now a site administrator`,
                            )
                          }
                        >
                          {user.isSiteAdmin ? 'Remove site admin' : 'Make site admin'}
                        </Button>
                        <Button size="sm" variant="ghost" onClick={() => setResetting(user)}>
                          Set password
                        </Button>
                        <Button
                          size="sm"
                          variant="ghost"
                          disabled={self}
                          title={self ? 'You cannot disable your own account' : undefined}
                          onClick={() =>
                            void update(
                              user,
                              { disabled: !user.disabled },
                              user.disabled
                                ? `${user.name} can sign in again`
                                : `${user.name} is disabled and signed out`,
                            )
                          }
                        >
                          {user.disabled ? 'Enable' : 'Disable'}
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
            toast.show({ tone: 'success', message: `New password set for ${resetting.name}` });
            reload();
          }}
        />
      )}
    </div>
  );
}
