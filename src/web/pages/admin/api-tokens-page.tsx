/**
 * `/org/:orgId/api-tokens?unit=U` — a unit's API tokens, for its administrators: create one with
 * scopes and an optional expiry (its secret is shown once, with a copy button), see when each was
 * last used, and revoke one after a confirmation.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import type { ApiToken } from '../../../contracts';
import { revokeApiToken } from '../../api-accounts';
import { queries } from '../../api/queries';
import { keys } from '../../api/query-keys';
import { CreateTokenForm, SCOPE_INFO } from '../../components/admin/create-token-form';
import { UnitPicker } from '../../components/admin/unit-picker';
import { Badge } from '../../components/badge';
import { Button } from '../../components/button';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { CopyField } from '../../components/copy-field';
import { EmptyState } from '../../components/empty-state';
import { QueryView } from '../../components/form/query-view';
import { KeyIcon } from '../../components/icons';
import { PageError, PageLoading } from '../../components/page-state';
import { useToast } from '../../components/toast';
import { useOrg } from '../../hooks/org-context';
import { flattenTree } from '../../hooks/unit-tree';
import { paths } from '../../paths';
import { isAtLeast, roleOn } from '../../session/permissions';
import { useMe } from '../../session/session-context';
import { formatDay, formatWhen } from '../../format/dates';

export function ApiTokensPage() {
  const { data: org, error: orgError } = useOrg();
  const me = useMe();
  const toast = useToast();
  const [, navigate] = useLocation();
  const requested = new URLSearchParams(useSearch()).get('unit');
  const [created, setCreated] = useState<ApiToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  const administers = (unitId: string) =>
    org ? isAtLeast(roleOn(me, org.organisation.id, unitId, org.unitsById), 'admin') : false;
  const units = org ? flattenTree(org.tree).map((node) => node.unit) : [];
  const unit =
    units.find((candidate) => candidate.id === requested && administers(candidate.id)) ??
    units.find((candidate) => administers(candidate.id));
  const client = useQueryClient();
  const tokens = useQuery({ ...queries.apiTokens(unit?.id ?? ''), enabled: unit !== undefined });
  const reload = () => void client.invalidateQueries({ queryKey: keys.apiTokens(unit?.id ?? '') });

  if (orgError) return <PageError title="Could not load the organisation" error={orgError} />;
  if (!org) return <PageLoading />;
  if (!unit)
    return (
      <div className="page">
        <EmptyState icon={<KeyIcon size={22} />} title="API tokens are for unit administrators">
          You do not administer any unit of {org.organisation.name}. Ask an administrator for a token, or for
          the admin role on your unit.
        </EmptyState>
      </div>
    );

  const list = [...(tokens.data ?? [])].sort(
    (a, b) => stateRank(a) - stateRank(b) || b.createdAt.localeCompare(a.createdAt),
  );
  return (
    <div className="page admin-page">
      <header className="page-header">
        <div className="page-title-row">
          <div>
            <h1>API tokens</h1>
            <p className="muted">Let other systems check in or read plans, without anyone's password.</p>
          </div>
          <div className="page-title-actions token-unit-picker">
            <UnitPicker
              label="Unit"
              tree={org.tree}
              value={unit.id}
              allowed={administers}
              onChange={(unitId) => {
                setCreated(null);
                navigate(paths.apiTokens(org.organisation.id, unitId));
              }}
            />
          </div>
        </div>
      </header>
      <CreateTokenForm
        unitId={unit.id}
        onCreated={(token) => {
          setCreated(token);
          reload();
        }}
      />
      {created?.token && (
        <div className="secret-notice" role="status" data-testid="new-token">
          <div className="secret-notice-text">
            <strong>Token “{created.name}” created</strong>
            <span className="muted">
              Copy the secret now: it is shown only this once and cannot be recovered.
            </span>
          </div>
          <CopyField label="Token secret" value={created.token} testId="token-secret" />
          <Button size="sm" variant="ghost" onClick={() => setCreated(null)}>
            I have stored it
          </Button>
        </div>
      )}
      <section className="admin-card" aria-labelledby="tokens-title">
        <h2 id="tokens-title">
          Tokens of {unit.name} {tokens.data && <span className="count">{list.length}</span>}
        </h2>
        <QueryView
          query={tokens}
          errorTitle="Could not load the tokens"
          canRetry
          loadingLabel="Loading tokens"
          isEmpty={(data) => data.length === 0}
          empty={
            <EmptyState icon={<KeyIcon size={22} />} title="No tokens yet">
              Create one above for each system that feeds check-ins, so each can be revoked on its own.
            </EmptyState>
          }
        >
          {() => (
            <table className="admin-table" aria-label="API tokens">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">May</th>
                  <th scope="col">Created</th>
                  <th scope="col">Last used</th>
                  <th scope="col">Expires</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((token) => {
                  const state = stateOf(token);
                  return (
                    <tr
                      key={token.id}
                      data-testid={`token-${token.name}`}
                      data-state={state}
                      className={state === 'active' ? undefined : 'row-disabled'}
                    >
                      <th scope="row">
                        {token.name}{' '}
                        {state !== 'active' && (
                          <Badge tone={state === 'revoked' ? 'red' : 'amber'}>
                            {state === 'revoked' ? 'Revoked' : 'Expired'}
                          </Badge>
                        )}
                      </th>
                      <td>
                        <span className="badge-row">
                          {token.scopes.map((scope) => (
                            <Badge key={scope} tone="blue" title={SCOPE_INFO[scope].help}>
                              {SCOPE_INFO[scope].label}
                            </Badge>
                          ))}
                        </span>
                      </td>
                      <td className="muted">{formatDay(token.createdAt)}</td>
                      <td className="muted">{token.lastUsedAt ? formatWhen(token.lastUsedAt) : 'Never'}</td>
                      <td className="muted">{token.expiresAt ? formatDay(token.expiresAt) : '—'}</td>
                      <td className="cell-actions">
                        {state !== 'revoked' && (
                          <Button
                            size="sm"
                            variant="ghost"
                            onClick={() => setRevoking(token)}
                            aria-label={`Revoke ${token.name}`}
                          >
                            Revoke
                          </Button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </QueryView>
      </section>
      {revoking && (
        <ConfirmDialog
          title={`Revoke “${revoking.name}”?`}
          confirmLabel="Revoke token"
          onClose={() => setRevoking(null)}
          onConfirm={async () => {
            await revokeApiToken(revoking.id);
            if (created?.id === revoking.id) setCreated(null);
            toast.show({ tone: 'success', message: `Revoked “${revoking.name}”` });
            reload();
          }}
        >
          Systems using this token are refused from now on. This cannot be undone; create a new token to
          reconnect them.
        </ConfirmDialog>
      )}
    </div>
  );
}

type TokenState = 'active' | 'expired' | 'revoked';

function stateOf(token: ApiToken, now = Date.now()): TokenState {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && Date.parse(token.expiresAt) <= now) return 'expired';
  return 'active';
}

const stateRank = (token: ApiToken) => ['active', 'expired', 'revoked'].indexOf(stateOf(token));
