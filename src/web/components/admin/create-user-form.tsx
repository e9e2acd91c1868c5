/**
 * Creates an account (site administrators). Leaving the password blank creates an invitation link
 * instead, which `onCreated` receives to show.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedUser } from '../../../contracts';
import { createUser } from '../../api-accounts';
import { EmailField, TextField } from '../form/field';
import { FormAlert } from '../form/form-alert';
import { MIN_PASSWORD_LENGTH } from '../form/new-password-fields';
import { useFields } from '../form/use-fields';
import { SubmitButton } from '../form/submit-button';
import { useSubmit } from '../form/use-submit';
import { PlusIcon } from '../icons';

export function CreateUserForm({ onCreated }: { onCreated: (created: CreatedUser) => void }) {
  const { t } = useTranslation('admin');
  const form = useFields({ email: '', name: '', password: '' });
  const [isSiteAdmin, setIsSiteAdmin] = useState(false);
  const { email, name, password } = form.values;
  const save = useSubmit(async () => {
    const created = await createUser({
      email: email.trim(),
      name: name.trim(),
      isSiteAdmin,
      ...(password ? { password } : {}),
    });
    form.reset();
    setIsSiteAdmin(false);
    onCreated(created);
  });

  return (
    <form className="admin-card" aria-label={t('createUser.title')} onSubmit={save.onSubmit}>
      <h2>{t('createUser.title')}</h2>
      <FormAlert error={save.error} fields={['name', 'email', 'password']} />
      <div className="grant-form-fields">
        <TextField label={t('shared.name')} name="name" required {...form.bind('name', save.fieldErrors)} />
        <EmailField {...form.bind('email', save.fieldErrors)} />
        <TextField
          label={t('createUser.password')}
          type="password"
          name="password"
          autoComplete="new-password"
          minLength={MIN_PASSWORD_LENGTH}
          hint={t('createUser.passwordHint')}
          {...form.bind('password', save.fieldErrors)}
        />
        <label className="checkbox">
          <input
            type="checkbox"
            checked={isSiteAdmin}
            onChange={(event) => setIsSiteAdmin(event.target.checked)}
          />
          <span>{t('createUser.siteAdmin')}</span>
        </label>
      </div>
      <div className="admin-card-actions">
        <SubmitButton submit={save} pendingLabel={t('shared.creating')} icon={<PlusIcon />}>
          {t('createUser.submit')}
        </SubmitButton>
      </div>
    </form>
  );
}
