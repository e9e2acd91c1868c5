/**
 * Creates an API token for a unit: a name, what it may do (scopes) and an optional expiry day.
 * The answer carries the secret, which `onCreated` shows once.
 */
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { ApiToken } from '../../../contracts';
import { createApiToken, type TokenScope } from '../../api-accounts';
import { TextField } from '../form/field';
import { FormAlert } from '../form/form-alert';
import { useFields } from '../form/use-fields';
import { SubmitButton } from '../form/submit-button';
import { useSubmit } from '../form/use-submit';
import { PlusIcon } from '../icons';
import { localIsoDate } from '../../../core/calendar';

/** What a token may do, in the order the form offers them; named and explained by `admin:scopes.<scope>`. */
const SCOPES: readonly TokenScope[] = ['read', 'check_ins', 'write'];

/** The end of `day` (YYYY-MM-DD) in the browser's time zone, as an ISO timestamp. */
export function endOfDay(day: string): string {
  return new Date(`${day}T23:59:59`).toISOString();
}

export function CreateTokenForm({
  unitId,
  onCreated,
}: {
  unitId: string;
  onCreated: (token: ApiToken) => void;
}) {
  const { t } = useTranslation('admin');
  const form = useFields({ name: '', expires: '' });
  const [scopes, setScopes] = useState<Set<TokenScope>>(new Set(['check_ins']));
  const { name, expires } = form.values;
  const today = localIsoDate(new Date());

  function toggle(scope: TokenScope, on: boolean) {
    setScopes((current) => {
      const next = new Set(current);
      if (on) next.add(scope);
      else next.delete(scope);
      return next;
    });
  }

  const save = useSubmit(
    async () => {
      const token = await createApiToken(unitId, {
        name: name.trim(),
        scopes: SCOPES.filter((scope) => scopes.has(scope)),
        expiresAt: expires ? endOfDay(expires) : null,
      });
      form.reset();
      onCreated(token);
    },
    { check: () => (scopes.size === 0 ? t('createToken.scopesRequired') : null) },
  );

  return (
    <form className="admin-card" aria-label={t('createToken.formLabel')} onSubmit={save.onSubmit}>
      <h2>{t('createToken.title')}</h2>
      <p className="muted">
        <Trans t={t} i18nKey="createToken.intro" components={{ code: <code /> }} />
      </p>
      <FormAlert error={save.error} fields={['name', 'expiresAt']} />
      <div className="grant-form-fields">
        <TextField
          label={t('shared.name')}
          name="token-name"
          required
          maxLength={100}
          placeholder={t('createToken.namePlaceholder')}
          {...form.bind('name', save.fieldErrors)}
        />
        <TextField
          label={t('createToken.expires')}
          type="date"
          name="expires"
          min={today}
          hint={t('createToken.expiresHint')}
          {...form.bind('expires')}
          error={save.fieldErrors.expiresAt}
        />
      </div>
      <fieldset className="scope-list">
        <legend className="field-label">{t('createToken.may')}</legend>
        {SCOPES.map((scope) => (
          <label key={scope} className="checkbox">
            <input
              type="checkbox"
              name="scopes"
              value={scope}
              checked={scopes.has(scope)}
              onChange={(event) => toggle(scope, event.target.checked)}
            />
            <span>
              <strong>{t(`scopes.${scope}.label`)}</strong>{' '}
              <span className="muted">— {t(`scopes.${scope}.help`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="admin-card-actions">
        <SubmitButton submit={save} pendingLabel={t('shared.creating')} icon={<PlusIcon />}>
          {t('createToken.submit')}
        </SubmitButton>
      </div>
    </form>
  );
}
