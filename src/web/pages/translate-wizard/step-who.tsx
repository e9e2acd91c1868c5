/**
 * Step 6: who carries the work — any person of the organisation in the Who block (the unit's owner
 * and its people come ticked from the preview), and each initiative's primary owner.
 */
import { useTranslation } from 'react-i18next';
import type { Person, Unit } from '../../../contracts';
import { freshKey, removeItem, setPrimaryOwner, type Proposal } from './proposal-edits';

export function StepWho({
  proposal,
  people,
  unitsById,
  onChange,
}: {
  proposal: Proposal;
  people: Person[];
  unitsById: ReadonlyMap<string, Unit>;
  onChange: (proposal: Proposal) => void;
}) {
  const { t } = useTranslation('wizard');
  const whoOf = new Map(proposal.who.map((who) => [who.personId, who.key]));
  const toggle = (person: Person) => {
    const key = whoOf.get(person.id);
    if (key) onChange(removeItem(proposal, 'who', key));
    else
      onChange({
        ...proposal,
        who: [...proposal.who, { key: freshKey(proposal, 'who'), personId: person.id, teamUnitId: null }],
      });
  };
  const name = new Map(people.map((p) => [p.id, p.name]));
  return (
    <div className="wizard-who">
      <fieldset>
        <legend>{t('who.people')}</legend>
        {people.map((person) => (
          <label key={person.id} className="wizard-check">
            <input type="checkbox" checked={whoOf.has(person.id)} onChange={() => toggle(person)} />
            {person.name}
            {person.unitId && unitsById.has(person.unitId) && (
              <span className="muted"> · {unitsById.get(person.unitId)?.name}</span>
            )}
          </label>
        ))}
      </fieldset>
      {proposal.how.length > 0 && (
        <fieldset>
          <legend>{t('who.owners')}</legend>
          {proposal.how.map((how) => (
            <label key={how.key} className="wizard-owner">
              <span>{how.title}</span>
              <select
                aria-label={t('who.ownerLabel', { title: how.title })}
                value={
                  proposal.owners.find((o) => o.initiative === how.key && o.role === 'primary')?.who ?? ''
                }
                onChange={(event) => onChange(setPrimaryOwner(proposal, how.key, event.target.value || null))}
              >
                <option value="">{t('who.nobody')}</option>
                {proposal.who.map((who) => (
                  <option key={who.key} value={who.key}>
                    {name.get(who.personId ?? '') ??
                      unitsById.get(who.teamUnitId ?? '')?.name ??
                      t('who.team')}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}
