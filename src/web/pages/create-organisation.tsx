/**
 * The first administrator's welcome on an empty store: create the organisation (name, a readable
 * id derived from it, part labels, horizon), then go on to its units, cycles and people.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
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

const NEXT_STEPS = [
  { title: 'Units', text: 'Your unit tree: the whole organisation, its divisions and teams.' },
  { title: 'Cycles', text: 'The planning years, calendar or fiscal, with their quarters.' },
  { title: 'People', text: 'Who delivers: skills and monthly capacity, pasted from a spreadsheet.' },
];

export function CreateOrganisation() {
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
          ? 'Organisation name: give the organisation a name'
          : slug === ''
            ? 'Organisation id: use letters and digits'
            : horizonOf(values) === null
              ? 'Breakthrough horizon: a whole number of 1-10 years'
              : null,
    },
  );
  return (
    <div className="page setup-page">
      <header className="page-header">
        <p className="setup-eyebrow">Welcome to Catchball</p>
        <h1>Create your organisation</h1>
        <p className="muted">
          One organisation holds one strategy: its unit tree, planning cycles, people, OKRs and one X-matrix
          per unit and year. You can change all of this later in the organisation's settings.
        </p>
      </header>
      <form
        className="admin-card setup-form"
        onSubmit={save.onSubmit}
        noValidate
        aria-label="Create your organisation"
      >
        <FormAlert error={save.error} fields={['name', 'id', 'horizonYears', 'partNames']} />
        <OrganisationFields
          values={values}
          onChange={setValues}
          errors={save.fieldErrors}
          besideName={
            <TextField
              label="Organisation id"
              name="id"
              value={slug}
              onChange={(event) => setId(event.target.value)}
              error={save.fieldErrors.id}
              hint={`In addresses and plan files: /org/${slug || '…'}`}
              pattern="[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}"
            />
          }
        />
        <div className="admin-card-actions">
          <SubmitButton submit={save} pendingLabel="Creating…">
            Create organisation
          </SubmitButton>
        </div>
      </form>
      <section className="setup-next" aria-label="What comes next">
        <h2>Then</h2>
        <ol>
          {NEXT_STEPS.map((step) => (
            <li key={step.title}>
              <strong>{step.title}</strong>
              <span className="muted">{step.text}</span>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
