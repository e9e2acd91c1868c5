/**
 * The what-if panel: try changes to the saved plan (initiatives' odds, impact ranges and effort,
 * leaving initiatives or people out, adding a person or an initiative) and see the page's numbers
 * recompute in the browser. The changes stay in the browser until saved as a named scenario
 * (saved-scenarios.tsx); "Back to the saved plan" drops them.
 */
import { useMemo, useState, type SyntheticEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { changeCount, type Scenario, type WhatIfBasis } from '../../../core/what-if';
import { Button } from '../button';
import type { ScenarioView } from '../../../contracts';
import { SavedScenarios } from './saved-scenarios';
import { InitiativeEditor } from './what-if-initiative';

export function WhatIfPanel(props: {
  basis: WhatIfBasis;
  scenario: Scenario;
  onChange: (scenario: Scenario) => void;
  /** Round trip of the last recompute in ms, and whether one is running. */
  ms: number | null;
  pending: boolean;
  canEdit: boolean;
  /** The saved scenario shown, if one was opened. */
  openScenario: ScenarioView | null;
  /** Whether the changes shown were edited since the open scenario was opened. */
  openEdited: boolean;
  onOpenScenario: (scenario: ScenarioView | null) => void;
}) {
  const { t } = useTranslation('pressure');
  const { basis, scenario } = props;
  const [generation, setGeneration] = useState(0);
  const changes = changeCount(scenario);
  const kpisById = useMemo(() => new Map(basis.model.kpis.map((k) => [k.id, k])), [basis.model.kpis]);
  const kpiTitleOf = (kpiId: string) => kpisById.get(kpiId)?.title ?? kpiId;
  const unitOf = (kpiId: string) => kpisById.get(kpiId)?.unitOfMeasure ?? '';
  const effortById = useMemo(
    () => new Map(basis.capacity.initiatives.map((i) => [i.id, i.effort])),
    [basis.capacity.initiatives],
  );
  const effortOf = (id: string) => effortById.get(id) ?? [];
  const initiatives = [
    ...basis.model.initiatives,
    ...scenario.addedInitiatives.map((a) => ({ ...a, impacts: a.impacts })),
  ];
  const people = [...basis.capacity.people, ...scenario.addedPeople];
  return (
    <aside className="whatif" aria-label={t('whatIf.title')} data-testid="what-if-panel">
      <div className="whatif-head">
        <h2>{t('whatIf.title')}</h2>
        <span className="whatif-status" data-testid="what-if-status" data-pending={props.pending}>
          {changes === 0
            ? t('whatIf.showingSaved')
            : props.pending
              ? t('whatIf.recomputing', { count: changes })
              : t('whatIf.recomputed', { count: changes, ms: Math.round(props.ms ?? 0) })}
        </span>
      </div>
      <p className="whatif-intro">{t('whatIf.intro')}</p>
      {props.openScenario && (
        <p className="whatif-open" data-testid="open-scenario">
          <Trans
            t={t}
            ns="pressure"
            i18nKey={props.openEdited ? 'whatIf.showingEdited' : 'whatIf.showing'}
            values={{ name: props.openScenario.name }}
            components={{ strong: <strong /> }}
          />
        </p>
      )}
      {changes > 0 && (
        <Button
          size="sm"
          onClick={() => {
            props.onChange({ ...emptyLike(scenario) });
            props.onOpenScenario(null);
            setGeneration((g) => g + 1);
          }}
        >
          {t('whatIf.back')}
        </Button>
      )}
      <SavedScenarios
        matrixId={basis.matrixId}
        scenario={scenario}
        changes={changes}
        canEdit={props.canEdit}
        openId={props.openScenario?.id ?? null}
        openEdited={props.openEdited}
        onOpen={(saved) => {
          props.onChange(saved.changes);
          props.onOpenScenario(saved);
          setGeneration((g) => g + 1);
        }}
        onApplied={() => {
          props.onChange({ ...emptyLike(scenario) });
          props.onOpenScenario(null);
          setGeneration((g) => g + 1);
        }}
      />
      <h3>{t('whatIf.initiatives')}</h3>
      <div className="whatif-list" key={`i-${generation}`}>
        {initiatives.map((initiative) => (
          <InitiativeEditor
            key={initiative.id}
            initiative={initiative}
            effort={effortOf(initiative.id)}
            scenario={scenario}
            kpiTitleOf={kpiTitleOf}
            unitOf={unitOf}
            onChange={props.onChange}
          />
        ))}
      </div>
      <AddInitiative basis={basis} scenario={scenario} onChange={props.onChange} />
      <h3>{t('whatIf.people')}</h3>
      <ul className="whatif-people">
        {people.map((person) => {
          const out = scenario.droppedPeople.includes(person.id);
          return (
            <li key={person.id}>
              <label className="whatif-check">
                <input
                  type="checkbox"
                  checked={!out}
                  onChange={(e) =>
                    props.onChange({
                      ...scenario,
                      droppedPeople: e.target.checked
                        ? scenario.droppedPeople.filter((id) => id !== person.id)
                        : [...scenario.droppedPeople, person.id],
                    })
                  }
                />
                <span>
                  {person.name}{' '}
                  <small>
                    {t('whatIf.personNote', {
                      skills: person.skills.join(', ') || t('whatIf.noSkills'),
                      days: person.monthlyCapacity,
                    })}
                  </small>
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      <AddPerson basis={basis} scenario={scenario} onChange={props.onChange} />
    </aside>
  );
}

const emptyLike = (scenario: Scenario): Scenario => ({
  impacts: [],
  delivery: {},
  effort: {},
  droppedInitiatives: [],
  droppedPeople: [],
  addedInitiatives: [],
  addedPeople: [],
  allocation: scenario.allocation,
});

function AddPerson(props: { basis: WhatIfBasis; scenario: Scenario; onChange: (s: Scenario) => void }) {
  const skills = [
    ...new Set(props.basis.capacity.initiatives.flatMap((i) => i.effort.map((e) => e.skill))),
  ].sort();
  const { t } = useTranslation('pressure');
  const [name, setName] = useState('');
  const [skill, setSkill] = useState(skills[0] ?? '');
  const [capacity, setCapacity] = useState('18');
  const days = Number(capacity);
  const valid = name.trim() !== '' && skill !== '' && days > 0;
  const add = (e: SyntheticEvent) => {
    e.preventDefault();
    if (!valid) return;
    const person = {
      id: `whatif-person-${props.scenario.addedPeople.length + 1}`,
      name: name.trim(),
      skills: [skill],
      monthlyCapacity: days,
    };
    props.onChange({ ...props.scenario, addedPeople: [...props.scenario.addedPeople, person] });
    setName('');
  };
  return (
    <details className="whatif-item">
      <summary>
        <span className="whatif-item-title">{t('whatIf.addPerson')}</span>
      </summary>
      <form className="whatif-add" onSubmit={add} aria-label={t('whatIf.addPerson')}>
        <label className="whatif-field">
          <span>{t('whatIf.name')}</span>
          <input
            className="input"
            value={name}
            placeholder={t('whatIf.namePlaceholder')}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <label className="whatif-field">
          <span>{t('whatIf.skill')}</span>
          <select className="input" value={skill} onChange={(e) => setSkill(e.target.value)}>
            {skills.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label className="whatif-field">
          <span>{t('whatIf.daysAMonth')}</span>
          <input
            className="input"
            type="number"
            min={1}
            value={capacity}
            onChange={(e) => setCapacity(e.target.value)}
          />
        </label>
        <Button size="sm" type="submit" disabled={!valid}>
          {t('whatIf.add')}
        </Button>
      </form>
    </details>
  );
}

function AddInitiative(props: { basis: WhatIfBasis; scenario: Scenario; onChange: (s: Scenario) => void }) {
  const { t } = useTranslation('pressure');
  const kpis = props.basis.model.kpis;
  const [title, setTitle] = useState('');
  const [kpiId, setKpiId] = useState(kpis[0]?.id ?? '');
  const [range, setRange] = useState({ low: '', likely: '', high: '' });
  const [delivery, setDelivery] = useState('70');
  const n = { low: Number(range.low), likely: Number(range.likely), high: Number(range.high) };
  const valid =
    title.trim() !== '' &&
    kpiId !== '' &&
    Object.values(range).every((v) => v.trim() !== '' && Number.isFinite(Number(v))) &&
    n.low <= n.likely &&
    n.likely <= n.high &&
    Number(delivery) >= 0 &&
    Number(delivery) <= 100;
  const add = (e: SyntheticEvent) => {
    e.preventDefault();
    if (!valid) return;
    const initiative = {
      id: `whatif-initiative-${props.scenario.addedInitiatives.length + 1}`,
      title: title.trim(),
      deliveryProbability: Number(delivery) / 100,
      impacts: [{ kpi: kpiId, ...n, basis: 'absolute' as const, startMonth: 1, rampMonths: 0 }],
      effort: [],
    };
    props.onChange({ ...props.scenario, addedInitiatives: [...props.scenario.addedInitiatives, initiative] });
    setTitle('');
    setRange({ low: '', likely: '', high: '' });
  };
  return (
    <details className="whatif-item">
      <summary>
        <span className="whatif-item-title">{t('whatIf.addInitiative')}</span>
      </summary>
      <form className="whatif-add" onSubmit={add} aria-label={t('whatIf.addInitiative')}>
        <label className="whatif-field">
          <span>{t('whatIf.initiativeTitle')}</span>
          <input className="input" value={title} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <label className="whatif-field">
          <span>{t('whatIf.kpiMoved')}</span>
          <select className="input" value={kpiId} onChange={(e) => setKpiId(e.target.value)}>
            {kpis.map((k) => (
              <option key={k.id} value={k.id}>
                {k.title}
              </option>
            ))}
          </select>
        </label>
        {(['low', 'likely', 'high'] as const).map((field) => (
          <label key={field} className="whatif-field">
            <span>{t('whatIf.impact', { field })}</span>
            <input
              className="input"
              type="number"
              step="any"
              value={range[field]}
              onChange={(e) => setRange({ ...range, [field]: e.target.value })}
            />
          </label>
        ))}
        <label className="whatif-field">
          <span>{t('whatIf.delivery')}</span>
          <input
            className="input"
            type="number"
            min={0}
            max={100}
            value={delivery}
            onChange={(e) => setDelivery(e.target.value)}
          />
        </label>
        <Button size="sm" type="submit" disabled={!valid}>
          {t('whatIf.add')}
        </Button>
      </form>
    </details>
  );
}
