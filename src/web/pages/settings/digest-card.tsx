/**
 * Settings → Notifications: where the reminder digest goes. The digest lists the key results and
 * KPIs with no check-in within their unit's cadence; the scheduler sends it by itself (e-mail to
 * each owner, and one message to the digest webhook), and an admin can send it now to see it work.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DigestResult, DigestSettings } from '../../../contracts';
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
  const { t } = useTranslation('settings');
  const query = useQuery(queries.digestSettings(orgId));
  return (
    <section className="admin-card" aria-labelledby="digest-title">
      <h2 id="digest-title">{t('digest.title')}</h2>
      <p className="muted">{t('digest.intro')}</p>
      <QueryView query={query} errorTitle={t('digest.loadError')} canRetry loadingLabel={t('digest.loading')}>
        {(settings) => <DigestForm orgId={orgId} settings={settings} />}
      </QueryView>
    </section>
  );
}

function DigestForm({ orgId, settings }: { orgId: string; settings: DigestSettings }) {
  const { t } = useTranslation('settings');
  const client = useQueryClient();
  const toast = useToast();
  const [emailEnabled, setEmailEnabled] = useState(settings.emailEnabled);
  const [webhookUrl, setWebhookUrl] = useState(settings.webhookUrl ?? '');
  const [result, setResult] = useState<DigestResult | null>(null);
  const save = useSubmit(async () => {
    await setDigestSettings(orgId, { emailEnabled, webhookUrl: webhookUrl.trim() || null });
    toast.show({ tone: 'success', message: t('digest.saved') });
    await client.invalidateQueries({ queryKey: keys.digestSettings(orgId) });
  });
  const send = useSubmit(async () => setResult(await sendDigest(orgId)));
  return (
    <>
      <form className="digest-form" onSubmit={save.onSubmit} noValidate aria-label={t('digest.formLabel')}>
        <FormAlert error={save.error} fields={['webhookUrl']} />
        <label className="checkbox">
          <input
            type="checkbox"
            name="digest-email"
            checked={emailEnabled}
            onChange={(event) => setEmailEnabled(event.target.checked)}
          />
          <span>{t('digest.email')}</span>
        </label>
        <WebhookUrlField
          label={t('digest.webhookLabel')}
          name="digest-webhook"
          hint={t('digest.webhookHint')}
          value={webhookUrl}
          onChange={(event) => setWebhookUrl(event.target.value)}
          error={save.fieldErrors.webhookUrl}
        />
        <div className="admin-card-actions">
          <Button variant="ghost" onClick={() => void send.run()} disabled={send.isPending}>
            {send.isPending ? t('digest.sending') : t('digest.sendNow')}
          </Button>
          <SubmitButton submit={save} pendingLabel={t('shared.saving')}>
            {t('shared.save')}
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
  const { t } = useTranslation('settings');
  const due = result.items.length;
  const parts = [
    due === 0 ? t('digest.outcome.nothingDue') : t('digest.outcome.due', { count: due }),
    result.email.sent
      ? t('digest.outcome.emailed', { count: result.email.recipients.length })
      : result.email.error
        ? t('digest.outcome.notEmailed', { error: result.email.error })
        : null,
    result.webhook.sent
      ? t('digest.outcome.posted', {
          status: result.webhook.status === null ? t('digest.outcome.sent') : String(result.webhook.status),
        })
      : result.webhook.error
        ? t('digest.outcome.notPosted', { error: result.webhook.error })
        : null,
    result.skippedRecent > 0 ? t('digest.outcome.skipped', { count: result.skippedRecent }) : null,
  ].filter((part): part is string => part !== null);
  return (
    <p className="digest-outcome" role="status">
      {t('digest.outcome.sentence', { parts: parts.join(t('digest.outcome.separator')) })}
    </p>
  );
}
