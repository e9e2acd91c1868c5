/** Adding or editing one person: name, e-mail, unit, skills (comma-separated) and monthly capacity. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('settings');
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
          ? t('person.nameRequired')
          : capacity.trim() === '' || !(Number(capacity) >= 0 && Number(capacity) <= 31)
            ? t('person.capacityInvalid')
            : null,
    },
  );
  return (
    <FormDialog
      title={person ? t('shared.edit', { name: person.name }) : t('person.addTitle')}
      submit={save}
      submitLabel={person ? t('person.save') : t('person.add')}
      fields={FIELDS}
      onClose={onClose}
    >
      <TextField
        label={t('shared.name')}
        name="person-name"
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={save.fieldErrors.name}
        maxLength={200}
      />
      <TextField
        label={t('shared.email')}
        name="person-email"
        type="email"
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={save.fieldErrors.email}
      />
      <ParentPicker
        label={t('shared.unit')}
        name="person-unit"
        noneLabel={t('person.noUnit')}
        tree={org.tree}
        units={org.units}
        value={unitId}
        onChange={setUnitId}
        error={save.fieldErrors.unitId}
      />
      <TextField
        label={t('shared.skills')}
        name="person-skills"
        value={skills}
        onChange={(event) => setSkills(event.target.value)}
        error={save.fieldErrors.skills}
        hint={t('person.skillsHint')}
      />
      <TextField
        label={t('person.capacityLabel')}
        name="person-capacity"
        type="number"
        min={0}
        max={31}
        step={0.5}
        value={capacity}
        onChange={(event) => setCapacity(event.target.value)}
        error={save.fieldErrors.monthlyCapacity}
        hint={t('person.capacityHint')}
      />
    </FormDialog>
  );
}
