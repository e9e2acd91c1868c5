/**
 * The hansei of one annual objective: what was reached, why (the causes), what was learned. Editors
 * write it (it stays writable after the cycle closes); everyone else reads it.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reflection } from '../../../contracts';
import { saveReflection } from '../../api-year-close';
import { Field } from '../form/field';
import { FormAlert } from '../form/form-alert';
import { SubmitButton } from '../form/submit-button';
import { useSubmit } from '../form/use-submit';
import { useToast } from '../toast';
import { formatDay } from '../../format/dates';

const PROMPTS = [{ name: 'reached' }, { name: 'causes' }, { name: 'learned' }] as const;

interface ReflectionFormProps {
  itemId: string;
  title: string;
  reflection: Reflection | null;
  canEdit: boolean;
  onSaved: () => void;
}

export function ReflectionForm({ itemId, title, reflection, canEdit, onSaved }: ReflectionFormProps) {
  const { t } = useTranslation('yearclose');
  const toast = useToast();
  const [text, setText] = useState({
    reached: reflection?.reached ?? '',
    causes: reflection?.causes ?? '',
    learned: reflection?.learned ?? '',
  });
  const changed = PROMPTS.some(({ name }) => text[name] !== (reflection?.[name] ?? ''));
  const save = useSubmit(async () => {
    await saveReflection(itemId, { ...text, version: reflection?.version ?? null });
    toast.show({ message: t('reflection.saved', { title }), tone: 'success' });
    onSaved();
  });

  if (!canEdit) {
    const written = PROMPTS.filter(({ name }) => (reflection?.[name] ?? '') !== '');
    if (written.length === 0) return <p className="muted">{t('reflection.none')}</p>;
    return (
      <dl className="reflection-read">
        {written.map(({ name }) => (
          <div key={name}>
            <dt>{t(`reflection.${name}.label`)}</dt>
            <dd>{reflection?.[name]}</dd>
          </div>
        ))}
      </dl>
    );
  }
  return (
    <form className="reflection-form" onSubmit={save.onSubmit} aria-label={t('reflection.label', { title })}>
      <div className="reflection-fields">
        {PROMPTS.map(({ name }) => (
          <Field
            key={name}
            label={t(`reflection.${name}.label`)}
            hint={t(`reflection.${name}.hint`)}
            error={save.fieldErrors[name]}
          >
            <textarea
              name={name}
              rows={3}
              value={text[name]}
              maxLength={5000}
              onChange={(event) => setText({ ...text, [name]: event.target.value })}
            />
          </Field>
        ))}
      </div>
      <FormAlert error={save.error} fields={['reached', 'causes', 'learned']} />
      <div className="reflection-actions">
        <span className="muted">
          {reflection
            ? t('reflection.savedOn', { date: formatDay(reflection.updatedAt, 'long') })
            : t('reflection.notWritten')}
        </span>
        {changed && (
          <SubmitButton submit={save} pendingLabel={t('reflection.saving')}>
            {t('reflection.save')}
          </SubmitButton>
        )}
      </div>
    </form>
  );
}
