/** Settings → General: the organisation's name, X-matrix part labels and breakthrough horizon. */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
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
      toast.show({ tone: 'success', message: `Saved ${updated.name}'s settings` });
    },
    {
      check: () =>
        values.name.trim() === ''
          ? 'Organisation name: give the organisation a name'
          : horizonOf(values) === null
            ? 'Breakthrough horizon: a whole number of 1-10 years'
            : null,
    },
  );
  return (
    <form className="admin-card" onSubmit={save.onSubmit} noValidate aria-label="General settings">
      <h2>General</h2>
      <FormAlert error={save.error} fields={['name', 'horizonYears', 'partNames']} />
      <OrganisationFields
        values={values}
        onChange={setValues}
        errors={save.fieldErrors}
        readOnly={readOnly}
      />
      <p className="field-hint">
        Organisation id <code>{organisation.id}</code> is fixed: addresses and plan files use it.
      </p>
      {!readOnly && (
        <div className="admin-card-actions">
          <SubmitButton submit={save} pendingLabel="Saving…">
            Save changes
          </SubmitButton>
        </div>
      )}
    </form>
  );
}
