/**
 * The first administrator's welcome on an empty store: create the organisation (name, a readable
 * id derived from it, part labels, horizon), then go on to its units, cycles and people.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { slugOf } from '../../core/people-paste';
import { createOrganisation } from '../api-structure';
import { keys } from '../api/query-keys';
import { TextField } from '../components/form/field';
import { FormAlert } from '../components/form/form-alert';
import { SubmitButton } from '../components/form/submit-button';
import { useSubmit } from '../components/form/use-submit';
import {
  EMPTY_ORGANISATION,
  OrganisationFields,
  horizonOf,
  type OrganisationValues,
} from '../components/setup/organisation-fields';
import { paths } from '../paths';

const NEXT_STEPS = ['units', 'cycles', 'people'] as const;

export function CreateOrganisation() {
  const { t } = useTranslation('setup');
  const client = useQueryClient();
  const [, navigate] = useLocation();
  const [values, setValues] = useState<OrganisationValues>(EMPTY_ORGANISATION);
  const [id, setId] = useState<string | null>(null);
  const slug = id ?? slugOf(values.name);
  const save = useSubmit(
    async () => {
      const created = await createOrganisation({
        id: slug,
        name: values.name.trim(),
        partNames: values.partNames,
        horizonYears: horizonOf(values) ?? undefined,
      });
      await client.invalidateQueries({ queryKey: keys.organisations() });
      navigate(paths.settings(created.id, 'units'));
    },
    {
      check: () =>
        values.name.trim() === ''
          ? t('create.needsName')
          : slug === ''
            ? t('create.needsId')
            : horizonOf(values) === null
              ? t('create.needsHorizon')
              : null,
    },
  );
  return (
    <div className="page setup-page">
      <header className="page-header">
        <p className="setup-eyebrow">{t('create.eyebrow')}</p>
        <h1>{t('create.title')}</h1>
        <p className="muted">{t('create.intro')}</p>
      </header>
      <form
        className="admin-card setup-form"
        onSubmit={save.onSubmit}
        noValidate
        aria-label={t('create.title')}
      >
        <FormAlert error={save.error} fields={['name', 'id', 'horizonYears', 'partNames']} />
        <OrganisationFields
          values={values}
          onChange={setValues}
          errors={save.fieldErrors}
          besideName={
            <TextField
              label={t('create.id')}
              name="id"
              value={slug}
              onChange={(event) => setId(event.target.value)}
              error={save.fieldErrors.id}
              hint={t('create.idHint', { slug: slug || '…' })}
              pattern="[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}"
            />
          }
        />
        <div className="admin-card-actions">
          <SubmitButton submit={save} pendingLabel={t('create.creating')}>
            {t('create.submit')}
          </SubmitButton>
        </div>
      </form>
      <section className="setup-next" aria-label={t('create.nextLabel')}>
        <h2>{t('create.then')}</h2>
        <ol>
          {NEXT_STEPS.map((step) => (
            <li key={step}>
              <strong>{t(`create.next.${step}.title`)}</strong>
              <span className="muted">{t(`create.next.${step}.text`)}</span>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
