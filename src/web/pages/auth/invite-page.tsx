/** `/invite?token=…`: an invited person chooses a password and is signed in. */
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ApiError } from '../../api-client';
import { acceptInvite } from '../../api-accounts';
import { FormAlert } from '../../components/form/form-alert';
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

export function InvitePage() {
  const { t } = useTranslation(['auth', 'common']);
  const { completeSignIn } = useSession();
  const token = queryParam('token');
  const [password, setPassword] = useState<NewPassword>({ password: '', repeat: '' });
  const save = useSubmit(
    async () => {
      try {
        completeSignIn(await acceptInvite(token ?? '', password.password), '/');
      } catch (cause) {
        if (cause instanceof ApiError && cause.status === 401)
          throw new Error(t('invite.expired', { message: cause.message }), { cause });
        throw cause;
      }
    },
    { staysPendingOnSuccess: true, check: () => newPasswordProblem(password) },
  );

  return (
    <AuthLayout title={t('invite.title')} subtitle={t('invite.subtitle')}>
      {!token ? (
        <FormAlert>{t('invite.incomplete')}</FormAlert>
      ) : (
        <>
          <FormAlert error={save.error} fields={['password']} />
          <form className="auth-form" onSubmit={save.onSubmit} aria-label={t('invite.formLabel')}>
            <NewPasswordFields
              value={password}
              onChange={setPassword}
              label={t('invite.newPassword')}
              error={save.fieldErrors.password}
            />
            <SubmitButton submit={save} pendingLabel={t('common:actions.saving')} className="auth-submit">
              {t('invite.submit')}
            </SubmitButton>
          </form>
        </>
      )}
      <p className="auth-footnote">
        <Trans t={t} i18nKey="invite.haveAccount" components={{ a: <Link href="/sign-in" /> }} />
      </p>
    </AuthLayout>
  );
}
