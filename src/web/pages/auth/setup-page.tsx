/**
 * `/setup?token=…`: the first start's link (printed in the server log) creates the first site
 * administrator, who is then signed in.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { setUp } from '../../api-accounts';
import { EmailField, TextField } from '../../components/form/field';
import { FormAlert } from '../../components/form/form-alert';
import { useFields } from '../../components/form/use-fields';
import { SubmitButton } from '../../components/form/submit-button';
import { useSubmit } from '../../components/form/use-submit';
import { queryParam } from '../../session/return-to';
import { useSession } from '../../session/session-context';
import { AuthLayout } from './auth-layout';
import {
  NewPasswordFields,
  newPasswordProblem,
  type NewPassword,
} from '../../components/form/new-password-fields';

export function SetupPage() {
  const { t } = useTranslation('auth');
  const { completeSignIn } = useSession();
  const token = queryParam('token');
  const form = useFields({ name: '', email: '' });
  const [password, setPassword] = useState<NewPassword>({ password: '', repeat: '' });
  const save = useSubmit(
    async () => {
      const { name, email } = form.values;
      const input = {
        token: token ?? '',
        email: email.trim(),
        name: name.trim(),
        password: password.password,
      };
      completeSignIn(await setUp(input), '/');
    },
    { staysPendingOnSuccess: true, check: () => newPasswordProblem(password) },
  );

  if (!token)
    return (
      <AuthLayout title={t('setup.title')}>
        <FormAlert>{t('setup.noToken')}</FormAlert>
        <Link href="/sign-in">{t('setup.goToSignIn')}</Link>
      </AuthLayout>
    );

  return (
    <AuthLayout title={t('setup.title')} subtitle={t('setup.subtitle')}>
      <FormAlert error={save.error} fields={['name', 'email', 'password']} />
      <form className="auth-form" onSubmit={save.onSubmit} aria-label={t('setup.formLabel')}>
        <TextField
          label={t('setup.name')}
          name="name"
          autoComplete="name"
          required
          autoFocus
          {...form.bind('name', save.fieldErrors)}
        />
        <EmailField autoComplete="username" {...form.bind('email', save.fieldErrors)} />
        <NewPasswordFields value={password} onChange={setPassword} error={save.fieldErrors.password} />
        <SubmitButton submit={save} pendingLabel={t('setup.creating')} className="auth-submit">
          {t('setup.submit')}
        </SubmitButton>
      </form>
    </AuthLayout>
  );
}
