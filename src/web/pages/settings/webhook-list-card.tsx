/**
 * Settings → Notifications: the organisation's webhooks. One URL per unit, or one for the whole
 * organisation that serves every unit without its own; proposals, countermeasures and check-in
 * reminders of a unit go to the hook that serves it. An admin adds, changes and removes them here.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Webhook } from '../../../contracts';
import { createWebhook, deleteWebhook, updateWebhook } from '../../api-notifications';
import { keys } from '../../api/query-keys';
import { queries } from '../../api/queries';
import { Button, IconButton } from '../../components/button';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { EmptyState } from '../../components/empty-state';
import { Field } from '../../components/form/field';
import { FormAlert } from '../../components/form/form-alert';
import { QueryView } from '../../components/form/query-view';
import { SubmitButton } from '../../components/form/submit-button';
import { useSubmit } from '../../components/form/use-submit';
import { LinkIcon, PencilIcon, PlusIcon, TrashIcon } from '../../components/icons';
import { useToast } from '../../components/toast';
import type { OrgData } from '../../hooks/org-context';
import { shortUrl } from './short-url';
import { WebhookUrlField } from './webhook-url-field';

const WHOLE_ORGANISATION = '';

export function WebhookListCard({ org }: { org: OrgData }) {
  const { t } = useTranslation('settings');
  const orgId = org.organisation.id;
  const client = useQueryClient();
  const toast = useToast();
  const query = useQuery(queries.webhooks(orgId));
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Webhook | null>(null);
  const reload = () => client.invalidateQueries({ queryKey: keys.webhooks(orgId) });
  const scopeName = (hook: Webhook) =>
    hook.unitId === null
      ? t('webhooks.wholeOrganisation')
      : (org.unitsById.get(hook.unitId)?.name ?? hook.unitId);
  return (
    <section className="admin-card" aria-labelledby="webhooks-title">
      <h2 id="webhooks-title">
        {t('webhooks.title')} {query.data && <span className="count">{query.data.length}</span>}
      </h2>
      <p className="muted">{t('webhooks.intro')}</p>
      <QueryView
        query={query}
        errorTitle={t('webhooks.loadError')}
        canRetry
        loadingLabel={t('webhooks.loading')}
        isEmpty={(hooks) => hooks.length === 0}
        empty={
          <EmptyState icon={<LinkIcon size={22} />} title={t('webhooks.emptyTitle')}>
            {t('webhooks.emptyBody')}
          </EmptyState>
        }
      >
        {(hooks) => (
          <table className="admin-table" aria-label={t('webhooks.tableLabel')}>
            <thead>
              <tr>
                <th scope="col">{t('webhooks.for')}</th>
                <th scope="col">{t('webhooks.url')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('shared.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {hooks.map((hook) =>
                editing === hook.id ? (
                  <EditWebhookRow
                    key={hook.id}
                    hook={hook}
                    name={scopeName(hook)}
                    onDone={async (saved) => {
                      setEditing(null);
                      if (saved) {
                        toast.show({
                          tone: 'success',
                          message: t('webhooks.changed', { name: scopeName(hook) }),
                        });
                        await reload();
                      }
                    }}
                  />
                ) : (
                  <tr key={hook.id}>
                    <th scope="row">{scopeName(hook)}</th>
                    <td>
                      <span title={hook.url}>{shortUrl(hook.url)}</span>
                    </td>
                    <td className="row-actions">
                      <IconButton
                        label={t('webhooks.change', { name: scopeName(hook) })}
                        onClick={() => setEditing(hook.id)}
                      >
                        <PencilIcon />
                      </IconButton>
                      <IconButton
                        label={t('webhooks.remove', { name: scopeName(hook) })}
                        onClick={() => setDeleting(hook)}
                      >
                        <TrashIcon />
                      </IconButton>
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        )}
      </QueryView>
      {query.data && <AddWebhookForm org={org} hooks={query.data} onAdded={reload} />}
      {deleting && (
        <ConfirmDialog
          title={t('webhooks.removeTitle', { name: scopeName(deleting) })}
          confirmLabel={t('webhooks.removeConfirm')}
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            await deleteWebhook(deleting.id, deleting.version);
            toast.show({ tone: 'success', message: t('webhooks.removed', { name: scopeName(deleting) }) });
            await reload();
          }}
        >
          {deleting.unitId === null ? t('webhooks.removeBodyOrganisation') : t('webhooks.removeBodyUnit')}
        </ConfirmDialog>
      )}
    </section>
  );
}

function EditWebhookRow(props: { hook: Webhook; name: string; onDone: (saved: boolean) => Promise<void> }) {
  const { t } = useTranslation('settings');
  const [url, setUrl] = useState(props.hook.url);
  const save = useSubmit(async () => {
    await updateWebhook(props.hook.id, props.hook.version, url.trim());
    await props.onDone(true);
  });
  return (
    <tr>
      <th scope="row">{props.name}</th>
      <td>
        <form
          className="inline-edit"
          onSubmit={save.onSubmit}
          noValidate
          aria-label={t('webhooks.editLabel', { name: props.name })}
        >
          <WebhookUrlField
            name="webhook-url-edit"
            value={url}
            onChange={(event) => setUrl(event.target.value)}
            error={save.fieldErrors.url}
            autoFocus
            onKeyDown={(event) => {
              if (event.key === 'Escape') void props.onDone(false);
            }}
          />
          <FormAlert error={save.error} fields={['url']} />
          <div className="admin-card-actions">
            <Button variant="ghost" onClick={() => void props.onDone(false)}>
              {t('shared.cancel')}
            </Button>
            <SubmitButton submit={save} pendingLabel={t('shared.saving')}>
              {t('shared.save')}
            </SubmitButton>
          </div>
        </form>
      </td>
      <td />
    </tr>
  );
}

function AddWebhookForm(props: { org: OrgData; hooks: Webhook[]; onAdded: () => Promise<unknown> }) {
  const { t } = useTranslation('settings');
  const toast = useToast();
  const taken = new Set(props.hooks.map((hook) => hook.unitId ?? WHOLE_ORGANISATION));
  const scopes = [
    {
      id: WHOLE_ORGANISATION,
      name: t('webhooks.wholeOrganisationOption'),
      shortName: t('webhooks.wholeOrganisation'),
    },
    ...props.org.units.map((unit) => ({ id: unit.id, name: unit.name, shortName: unit.name })),
  ].filter((scope) => !taken.has(scope.id));
  const [scope, setScope] = useState<string | null>(null);
  const [url, setUrl] = useState('');
  const chosen = scope !== null && !taken.has(scope) ? scope : (scopes[0]?.id ?? null);
  const save = useSubmit(
    async () => {
      if (chosen === null) return;
      await createWebhook({
        organisationId: props.org.organisation.id,
        unitId: chosen === WHOLE_ORGANISATION ? null : chosen,
        url: url.trim(),
      });
      const name = scopes.find((s) => s.id === chosen)?.shortName ?? chosen;
      toast.show({ tone: 'success', message: t('webhooks.added', { name }) });
      setUrl('');
      setScope(null);
      await props.onAdded();
    },
    { check: () => (url.trim() === '' ? t('webhooks.urlRequired') : null) },
  );
  if (chosen === null) return <p className="muted">{t('webhooks.allTaken')}</p>;
  return (
    <form className="webhook-add" onSubmit={save.onSubmit} noValidate aria-label={t('webhooks.addTitle')}>
      <h3>{t('webhooks.addTitle')}</h3>
      <FormAlert error={save.error} fields={['url', 'unitId']} />
      <div className="setup-grid">
        <Field label={t('webhooks.for')}>
          <select
            className="input"
            name="webhook-scope"
            value={chosen}
            onChange={(event) => setScope(event.target.value)}
          >
            {scopes.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </Field>
        <WebhookUrlField
          name="webhook-url"
          value={url}
          onChange={(event) => setUrl(event.target.value)}
          error={save.fieldErrors.url}
        />
      </div>
      <div className="admin-card-actions">
        <SubmitButton submit={save} pendingLabel={t('shared.adding')} icon={<PlusIcon />}>
          {t('webhooks.add')}
        </SubmitButton>
      </div>
    </form>
  );
}
