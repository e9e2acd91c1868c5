/**
 * Settings → Notifications: the organisation's webhooks. One URL per unit, or one for the whole
 * organisation that serves every unit without its own; proposals, countermeasures and check-in
 * reminders of a unit go to the hook that serves it. An admin adds, changes and removes them here.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
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
  const orgId = org.organisation.id;
  const client = useQueryClient();
  const toast = useToast();
  const query = useQuery(queries.webhooks(orgId));
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Webhook | null>(null);
  const reload = () => client.invalidateQueries({ queryKey: keys.webhooks(orgId) });
  const scopeName = (hook: Webhook) =>
    hook.unitId === null ? 'Whole organisation' : (org.unitsById.get(hook.unitId)?.name ?? hook.unitId);
  return (
    <section className="admin-card" aria-labelledby="webhooks-title">
      <h2 id="webhooks-title">Webhooks {query.data && <span className="count">{query.data.length}</span>}</h2>
      <p className="muted">
        A unit’s proposals, countermeasures and check-in reminders are posted to its own webhook, else to the
        organisation’s. Slack and Microsoft Teams incoming webhooks both work.
      </p>
      <QueryView
        query={query}
        errorTitle="Could not load the webhooks"
        canRetry
        loadingLabel="Loading webhooks"
        isEmpty={(hooks) => hooks.length === 0}
        empty={
          <EmptyState icon={<LinkIcon size={22} />} title="No webhooks yet">
            Add one below to post the ball’s moves into a team’s channel.
          </EmptyState>
        }
      >
        {(hooks) => (
          <table className="admin-table" aria-label="Webhooks">
            <thead>
              <tr>
                <th scope="col">For</th>
                <th scope="col">URL</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
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
                          message: `Changed the webhook for ${scopeName(hook)}`,
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
                        label={`Change the webhook for ${scopeName(hook)}`}
                        onClick={() => setEditing(hook.id)}
                      >
                        <PencilIcon />
                      </IconButton>
                      <IconButton
                        label={`Remove the webhook for ${scopeName(hook)}`}
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
          title={`Remove the webhook for ${scopeName(deleting)}?`}
          confirmLabel="Remove webhook"
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            await deleteWebhook(deleting.id, deleting.version);
            toast.show({ tone: 'success', message: `Removed the webhook for ${scopeName(deleting)}` });
            await reload();
          }}
        >
          {deleting.unitId === null
            ? 'Units without a webhook of their own then get no webhook messages.'
            : 'The unit’s messages then go to the organisation’s webhook, if there is one.'}
        </ConfirmDialog>
      )}
    </section>
  );
}

function EditWebhookRow(props: { hook: Webhook; name: string; onDone: (saved: boolean) => Promise<void> }) {
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
          aria-label={`Webhook for ${props.name}`}
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
              Cancel
            </Button>
            <SubmitButton submit={save} pendingLabel="Saving…">
              Save
            </SubmitButton>
          </div>
        </form>
      </td>
      <td />
    </tr>
  );
}

function AddWebhookForm(props: { org: OrgData; hooks: Webhook[]; onAdded: () => Promise<unknown> }) {
  const toast = useToast();
  const taken = new Set(props.hooks.map((hook) => hook.unitId ?? WHOLE_ORGANISATION));
  const scopes = [
    { id: WHOLE_ORGANISATION, name: 'Whole organisation (units without their own)' },
    ...props.org.units.map((unit) => ({ id: unit.id, name: unit.name })),
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
      const name = scopes.find((s) => s.id === chosen)?.name ?? chosen;
      toast.show({ tone: 'success', message: `Added the webhook for ${name.replace(/ \(.*\)$/, '')}` });
      setUrl('');
      setScope(null);
      await props.onAdded();
    },
    { check: () => (url.trim() === '' ? 'URL: the address of the incoming webhook' : null) },
  );
  if (chosen === null)
    return <p className="muted">Every unit and the organisation have a webhook; change one above.</p>;
  return (
    <form className="webhook-add" onSubmit={save.onSubmit} noValidate aria-label="Add a webhook">
      <h3>Add a webhook</h3>
      <FormAlert error={save.error} fields={['url', 'unitId']} />
      <div className="setup-grid">
        <Field label="For">
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
        <SubmitButton submit={save} pendingLabel="Adding…" icon={<PlusIcon />}>
          Add webhook
        </SubmitButton>
      </div>
    </form>
  );
}
