/**
 * Settings → Notifications: where the reminder digest goes. The digest lists the key results and
 * KPIs with no check-in within their unit's cadence; the scheduler sends it by itself (e-mail to
 * each owner, and one message to the digest webhook), and an admin can send it now to see it work.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { DigestResult, DigestSettings } from '../../../contracts';
import { plural } from '../../../core/plural';
import { sendDigest, setDigestSettings } from '../../api-notifications';
import { keys } from '../../api/query-keys';
import { queries } from '../../api/queries';
import { Button } from '../../components/button';
import { FormAlert } from '../../components/form/form-alert';
import { QueryView } from '../../components/form/query-view';
import { SubmitButton } from '../../components/form/submit-button';
import { useSubmit } from '../../components/form/use-submit';
import { useToast } from '../../components/toast';
import { WebhookUrlField } from './webhook-url-field';

export function DigestCard({ orgId }: { orgId: string }) {
  const query = useQuery(queries.digestSettings(orgId));
  return (
    <section className="admin-card" aria-labelledby="digest-title">
      <h2 id="digest-title">Reminders and the digest</h2>
      <p className="muted">
        Owners of key results and KPIs without a check-in within their unit’s cadence are reminded, and a
        digest of them goes out on schedule.
      </p>
      <QueryView
        query={query}
        errorTitle="Could not load the digest settings"
        canRetry
        loadingLabel="Loading"
      >
        {(settings) => <DigestForm orgId={orgId} settings={settings} />}
      </QueryView>
    </section>
  );
}

function DigestForm({ orgId, settings }: { orgId: string; settings: DigestSettings }) {
  const client = useQueryClient();
  const toast = useToast();
  const [emailEnabled, setEmailEnabled] = useState(settings.emailEnabled);
  const [webhookUrl, setWebhookUrl] = useState(settings.webhookUrl ?? '');
  const [result, setResult] = useState<DigestResult | null>(null);
  const save = useSubmit(async () => {
    await setDigestSettings(orgId, { emailEnabled, webhookUrl: webhookUrl.trim() || null });
    toast.show({ tone: 'success', message: 'Saved where the digest goes' });
    await client.invalidateQueries({ queryKey: keys.digestSettings(orgId) });
  });
  const send = useSubmit(async () => setResult(await sendDigest(orgId)));
  return (
    <>
      <form className="digest-form" onSubmit={save.onSubmit} noValidate aria-label="Digest settings">
        <FormAlert error={save.error} fields={['webhookUrl']} />
        <label className="checkbox">
          <input
            type="checkbox"
            name="digest-email"
            checked={emailEnabled}
            onChange={(event) => setEmailEnabled(event.target.checked)}
          />
          <span>E-mail each owner the items waiting for their check-in</span>
        </label>
        <WebhookUrlField
          label="Digest webhook (optional)"
          name="digest-webhook"
          hint="One message a digest, listing every item due: a Slack or Teams incoming webhook"
          value={webhookUrl}
          onChange={(event) => setWebhookUrl(event.target.value)}
          error={save.fieldErrors.webhookUrl}
        />
        <div className="admin-card-actions">
          <Button variant="ghost" onClick={() => void send.run()} disabled={send.isPending}>
            {send.isPending ? 'Sending…' : 'Send the digest now'}
          </Button>
          <SubmitButton submit={save} pendingLabel="Saving…">
            Save
          </SubmitButton>
        </div>
      </form>
      <FormAlert error={send.error} />
      {result && <DigestOutcome result={result} />}
    </>
  );
}

/** What the digest just sent, in words: how many items, to whom, and what failed. */
function DigestOutcome({ result }: { result: DigestResult }) {
  const due = result.items.length;
  const parts = [
    due === 0
      ? 'Nothing is waiting for a check-in'
      : `${plural(due, 'item')} ${due === 1 ? 'is' : 'are'} waiting for a check-in`,
    result.email.sent
      ? `e-mailed ${plural(result.email.recipients.length, 'owner')}`
      : result.email.error
        ? `not e-mailed: ${result.email.error}`
        : null,
    result.webhook.sent
      ? `posted to the webhook (${String(result.webhook.status ?? 'sent')})`
      : result.webhook.error
        ? `not posted to a webhook: ${result.webhook.error}`
        : null,
    result.skippedRecent > 0 ? `${plural(result.skippedRecent, 'item')} skipped, checked in recently` : null,
  ].filter((part): part is string => part !== null);
  return (
    <p className="digest-outcome" role="status">
      {parts.join('; ')}.
    </p>
  );
}
