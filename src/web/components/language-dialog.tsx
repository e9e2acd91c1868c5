/**
 * Chooses the language the signed-in person reads Catchball in: one of the app's languages, or
 * the browser's. Saved on the account, so every device they sign in on follows it.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, LANGUAGES, isLanguage, type Language } from '../../core/languages';
import { setLanguage } from '../api-accounts';
import { applyLanguage, browserLanguage } from '../i18n/language';
import { useMe, useSession } from '../session/session-context';
import { Field } from './form/field';
import { FormDialog } from './form/form-dialog';
import { useSubmit } from './form/use-submit';
import { useToast } from './toast';

const BROWSER = 'browser';

export function LanguageDialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const { reload } = useSession();
  const toast = useToast();
  const [choice, setChoice] = useState<Language | typeof BROWSER>(me.language ?? BROWSER);
  const save = useSubmit(async () => {
    const language = choice === BROWSER ? null : choice;
    await setLanguage(language);
    await applyLanguage(language);
    await reload();
    // Said in the new language: `t` is bound to the one this dialog was shown in.
    toast.show({
      tone: 'success',
      message: i18n.t('language.saved', { language: LANGUAGE_NAMES[language ?? browserLanguage()] }),
    });
    onClose();
  });

  return (
    <FormDialog
      title={t('language.title')}
      description={t('language.description')}
      submit={save}
      submitLabel={t('language.save')}
      fields={['language']}
      onClose={onClose}
    >
      <Field label={t('language.label')} error={save.fieldErrors.language}>
        <select
          className="input"
          name="language"
          value={choice}
          onChange={(event) => {
            const value = event.target.value;
            setChoice(isLanguage(value) ? value : BROWSER);
          }}
        >
          <option value={BROWSER}>
            {t('language.browser', { language: LANGUAGE_NAMES[browserLanguage()] })}
          </option>
          {LANGUAGES.map((language) => (
            <option key={language} value={language} lang={language}>
              {LANGUAGE_NAMES[language]}
            </option>
          ))}
        </select>
      </Field>
    </FormDialog>
  );
}
