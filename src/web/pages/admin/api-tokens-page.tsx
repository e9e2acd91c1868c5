/**
 * `/org/:orgId/api-tokens?unit=U` — a unit's API tokens, for its administrators: create one with
 * scopes and an optional expiry (its secret is shown once, with a copy button), see when each was
 * last used, and revoke one after a confirmation.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearch } from 'wouter';
import type { ApiToken } from '../../../contracts';
import { revokeApiToken } from '../../api-accounts';
import { queries } from '../../api/queries';
import { keys } from '../../api/query-keys';
import { CreateTokenForm } from '../../components/admin/create-token-form';
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
  const { t } = useTranslation('admin');
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

  if (orgError) return <PageError title={t('shared.loadOrganisationError')} error={orgError} />;
  if (!org) return <PageLoading />;
  if (!unit)
    return (
      <div className="page">
        <EmptyState icon={<KeyIcon size={22} />} title={t('tokens.notAdminTitle')}>
          {t('tokens.notAdminBody', { organisation: org.organisation.name })}
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
            <h1>{t('tokens.title')}</h1>
            <p className="muted">{t('tokens.subtitle')}</p>
          </div>
          <div className="page-title-actions token-unit-picker">
            <UnitPicker
              label={t('shared.unit')}
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
            <strong>{t('tokens.created', { name: created.name })}</strong>
            <span className="muted">{t('tokens.copyNow')}</span>
          </div>
          <CopyField label={t('tokens.secret')} value={created.token} testId="token-secret" />
          <Button size="sm" variant="ghost" onClick={() => setCreated(null)}>
            {t('tokens.stored')}
          </Button>
        </div>
      )}
      <section className="admin-card" aria-labelledby="tokens-title">
        <h2 id="tokens-title">
          {t('tokens.listTitle', { unit: unit.name })}{' '}
          {tokens.data && <span className="count">{list.length}</span>}
        </h2>
        <QueryView
          query={tokens}
          errorTitle={t('tokens.loadError')}
          canRetry
          loadingLabel={t('tokens.loading')}
          isEmpty={(data) => data.length === 0}
          empty={
            <EmptyState icon={<KeyIcon size={22} />} title={t('tokens.emptyTitle')}>
              {t('tokens.emptyBody')}
            </EmptyState>
          }
        >
          {() => (
            <table className="admin-table" aria-label={t('tokens.tableLabel')}>
              <thead>
                <tr>
                  <th scope="col">{t('shared.name')}</th>
                  <th scope="col">{t('tokens.may')}</th>
                  <th scope="col">{t('tokens.createdColumn')}</th>
                  <th scope="col">{t('tokens.lastUsed')}</th>
                  <th scope="col">{t('tokens.expires')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('shared.actions')}</span>
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
                            {state === 'revoked' ? t('tokens.revoked') : t('tokens.expired')}
                          </Badge>
                        )}
                      </th>
                      <td>
                        <span className="badge-row">
                          {token.scopes.map((scope) => (
                            <Badge key={scope} tone="blue" title={t(`scopes.${scope}.help`)}>
                              {t(`scopes.${scope}.label`)}
                            </Badge>
                          ))}
                        </span>
                      </td>
                      <td className="muted">{formatDay(token.createdAt)}</td>
                      <td className="muted">
                        {token.lastUsedAt ? formatWhen(token.lastUsedAt) : t('shared.never')}
                      </td>
                      <td className="muted">{token.expiresAt ? formatDay(token.expiresAt) : '—'}</td>
                      <td className="cell-actions">
                        {state !== 'revoked' && (
                          <Button
                            size="sm"
                            variant="ghost"
                            onClick={() => setRevoking(token)}
                            aria-label={t('tokens.revokeLabel', { name: token.name })}
                          >
                            {t('tokens.revoke')}
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
          title={t('tokens.revokeTitle', { name: revoking.name })}
          confirmLabel={t('tokens.revokeConfirm')}
          onClose={() => setRevoking(null)}
          onConfirm={async () => {
            await revokeApiToken(revoking.id);
            if (created?.id === revoking.id) setCreated(null);
            toast.show({ tone: 'success', message: t('tokens.revokedToast', { name: revoking.name }) });
            reload();
          }}
        >
          {t('tokens.revokeBody')}
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
