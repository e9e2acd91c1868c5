/** Adding or editing one person: name, e-mail, unit, skills (comma-separated) and monthly capacity. */
import { useState } from 'react';
import type { Person } from '../../../contracts';
import { createPerson, updatePerson } from '../../api-structure';
import { TextField } from '../../components/form/field';
import { FormDialog } from '../../components/form/form-dialog';
import { useSubmit } from '../../components/form/use-submit';
import { ParentPicker } from '../../components/setup/pickers';
import type { OrgData } from '../../hooks/org-context';

const FIELDS = ['name', 'email', 'unitId', 'skills', 'monthlyCapacity'] as const;

export function PersonDialog({
  org,
  person,
  onClose,
  onSaved,
}: {
  org: OrgData;
  /** The person to edit, or null to add one. */
  person: Person | null;
  onClose: () => void;
  onSaved: (person: Person) => void;
}) {
  const [name, setName] = useState(person?.name ?? '');
  const [email, setEmail] = useState(person?.email ?? '');
  const [unitId, setUnitId] = useState(person?.unitId ?? '');
  const [skills, setSkills] = useState(person?.skills.join(', ') ?? '');
  const [capacity, setCapacity] = useState(String(person?.monthlyCapacity ?? 18));
  const save = useSubmit(
    async () => {
      const values = {
        name: name.trim(),
        email: email.trim() || null,
        unitId: unitId || null,
        skills: skills
          .split(/[,;]/)
          .map((skill) => skill.trim())
          .filter((skill) => skill !== ''),
        monthlyCapacity: Number(capacity),
      };
      const saved = person
        ? await updatePerson(person.id, { version: person.version, ...values })
        : await createPerson({ organisationId: org.organisation.id, ...values });
      onSaved(saved);
      onClose();
    },
    {
      check: () =>
        name.trim() === ''
          ? 'Name: give the person a name'
          : capacity.trim() === '' || !(Number(capacity) >= 0 && Number(capacity) <= 31)
            ? 'Capacity: 0-31 person-days a month'
            : null,
    },
  );
  return (
    <FormDialog
      title={person ? `Edit ${person.name}` : 'Add a person'}
      submit={save}
      submitLabel={person ? 'Save person' : 'Add person'}
      fields={FIELDS}
      onClose={onClose}
    >
      <TextField
        label="Name"
        name="person-name"
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={save.fieldErrors.name}
        maxLength={200}
      />
      <TextField
        label="E-mail"
        name="person-email"
        type="email"
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={save.fieldErrors.email}
      />
      <ParentPicker
        label="Unit"
        name="person-unit"
        noneLabel="No unit"
        tree={org.tree}
        units={org.units}
        value={unitId}
        onChange={setUnitId}
        error={save.fieldErrors.unitId}
      />
      <TextField
        label="Skills"
        name="person-skills"
        value={skills}
        onChange={(event) => setSkills(event.target.value)}
        error={save.fieldErrors.skills}
        hint="Separated by commas: Threat modelling, Python"
      />
      <TextField
        label="Monthly capacity (person-days)"
        name="person-capacity"
        type="number"
        min={0}
        max={31}
        step={0.5}
        value={capacity}
        onChange={(event) => setCapacity(event.target.value)}
        error={save.fieldErrors.monthlyCapacity}
        hint="About 18 for a full-time person"
      />
    </FormDialog>
  );
}
