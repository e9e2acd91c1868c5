/** Settings → General: the organisation's name, X-matrix part labels and breakthrough horizon. */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { updateOrganisation } from '../../api-structure';
import { keys } from '../../api/query-keys';
import { FormAlert } from '../../components/form/form-alert';
import { SubmitButton } from '../../components/form/submit-button';
import { useSubmit } from '../../components/form/use-submit';
import {
  OrganisationFields,
  horizonOf,
  type OrganisationValues,
} from '../../components/setup/organisation-fields';
import { useToast } from '../../components/toast';
import type { OrgData } from '../../hooks/org-context';

export function GeneralSection({ org, readOnly }: { org: OrgData; readOnly: boolean }) {
  const { t } = useTranslation('settings');
  const client = useQueryClient();
  const toast = useToast();
  const { organisation } = org;
  const [values, setValues] = useState<OrganisationValues>({
    name: organisation.name,
    partNames: organisation.partNames,
    horizonYears: String(organisation.horizonYears),
  });
  const save = useSubmit(
    async () => {
      const updated = await updateOrganisation(organisation.id, {
        version: organisation.version,
        name: values.name.trim(),
        partNames: values.partNames,
        horizonYears: horizonOf(values) ?? undefined,
      });
      client.setQueryData(keys.organisation(organisation.id), updated);
      await client.invalidateQueries({ queryKey: keys.organisations() });
      toast.show({ tone: 'success', message: t('general.saved', { name: updated.name }) });
    },
    {
      check: () =>
        values.name.trim() === ''
          ? t('general.nameRequired')
          : horizonOf(values) === null
            ? t('general.horizonInvalid')
            : null,
    },
  );
  return (
    <form className="admin-card" onSubmit={save.onSubmit} noValidate aria-label={t('general.formLabel')}>
      <h2>{t('general.title')}</h2>
      <FormAlert error={save.error} fields={['name', 'horizonYears', 'partNames']} />
      <OrganisationFields
        values={values}
        onChange={setValues}
        errors={save.fieldErrors}
        readOnly={readOnly}
      />
      <p className="field-hint">
        <Trans
          t={t}
          i18nKey="general.idHint"
          values={{ id: organisation.id }}
          components={{ code: <code /> }}
        />
      </p>
      {!readOnly && (
        <div className="admin-card-actions">
          <SubmitButton submit={save} pendingLabel={t('shared.saving')}>
            {t('general.save')}
          </SubmitButton>
        </div>
      )}
    </form>
  );
}
