/**
 * One initiative in the what-if panel: leave it out, change its delivery odds, its impact range
 * on each KPI (low ≤ likely ≤ high, checked by core's checkImpact) and its effort per skill.
 * Fields keep what is typed; a value reaches the scenario only once it is valid. The fields are
 * rendered only while the initiative is open: a plan of 50 initiatives would otherwise update
 * some 600 hidden inputs on every keystroke.
 */
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { SkillEffort } from '../../../core/feasibility';
import { checkImpact } from '../../../core/feasibility';
import type { FeasibilityInitiative } from '../../../core/feasibility';
import { effortKey, type ImpactChange, type Scenario } from '../../../core/what-if';

export interface InitiativeEditorProps {
  initiative: FeasibilityInitiative;
  effort: readonly SkillEffort[];
  scenario: Scenario;
  kpiTitleOf: (kpiId: string) => string;
  unitOf: (kpiId: string) => string;
  onChange: (scenario: Scenario) => void;
}

const finite = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

export function InitiativeEditor(props: InitiativeEditorProps) {
  const { t } = useTranslation('pressure');
  const { initiative, scenario } = props;
  const [isOpen, setOpen] = useState(false);
  const dropped = scenario.droppedInitiatives.includes(initiative.id);
  const changed =
    dropped ||
    scenario.delivery[initiative.id] !== undefined ||
    scenario.impacts.some((c) => c.initiativeId === initiative.id) ||
    props.effort.some((e) => scenario.effort[effortKey(initiative.id, e.skill)] !== undefined);
  return (
    <details
      className={`whatif-item${changed ? ' is-changed' : ''}`}
      data-testid={`whatif-initiative-${initiative.id}`}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>
        <span className="whatif-item-title">{initiative.title}</span>
        {dropped ? (
          <span className="whatif-flag">{t('initiative.leftOut')}</span>
        ) : (
          changed && <span className="whatif-flag">{t('initiative.changed')}</span>
        )}
      </summary>
      {isOpen && <InitiativeFields {...props} dropped={dropped} />}
    </details>
  );
}

function InitiativeFields(props: InitiativeEditorProps & { dropped: boolean }) {
  const { t } = useTranslation('pressure');
  const { initiative, scenario, dropped } = props;
  const delivery = scenario.delivery[initiative.id] ?? initiative.deliveryProbability;
  const [deliveryText, setDeliveryText] = useState(String(Math.round(delivery * 100)));
  const deliveryValue = finite(deliveryText);
  const deliveryError = !(deliveryValue >= 0 && deliveryValue <= 100) ? t('initiative.deliveryRange') : null;

  const setDelivery = (text: string) => {
    setDeliveryText(text);
    const value = finite(text);
    if (!(value >= 0 && value <= 100)) return;
    const { [initiative.id]: _previous, ...others } = scenario.delivery;
    const delivery =
      Math.abs(value / 100 - initiative.deliveryProbability) < 1e-9
        ? others
        : { ...others, [initiative.id]: value / 100 };
    props.onChange({ ...scenario, delivery });
  };

  return (
    <>
      <label className="whatif-check">
        <input
          type="checkbox"
          checked={dropped}
          onChange={(e) =>
            props.onChange({
              ...scenario,
              droppedInitiatives: e.target.checked
                ? [...scenario.droppedInitiatives, initiative.id]
                : scenario.droppedInitiatives.filter((id) => id !== initiative.id),
            })
          }
        />
        {t('initiative.leaveOut')}
      </label>
      <label className="whatif-field">
        <span>{t('initiative.delivery')}</span>
        <span className="whatif-input-unit">
          <input
            className="input"
            type="number"
            min={0}
            max={100}
            step={5}
            value={deliveryText}
            disabled={dropped}
            aria-invalid={deliveryError ? true : undefined}
            aria-label={t('initiative.deliveryLabel', { title: initiative.title })}
            onChange={(e) => setDelivery(e.target.value)}
          />
          %
        </span>
        {deliveryError && <span className="field-error">{deliveryError}</span>}
      </label>
      {initiative.impacts.map((impact) => (
        <ImpactRange
          key={impact.kpi}
          initiativeId={initiative.id}
          kpiTitle={props.kpiTitleOf(impact.kpi)}
          unit={impact.basis === 'percent' ? t('initiative.percentOfToday') : props.unitOf(impact.kpi)}
          saved={impact}
          disabled={dropped}
          scenario={scenario}
          onChange={props.onChange}
        />
      ))}
      {props.effort.map((effort) => (
        <EffortField
          key={effort.skill}
          initiativeId={initiative.id}
          effort={effort}
          disabled={dropped}
          scenario={scenario}
          onChange={props.onChange}
        />
      ))}
    </>
  );
}

function ImpactRange(props: {
  initiativeId: string;
  kpiTitle: string;
  unit: string;
  saved: { kpi: string; low: number; likely: number; high: number; startMonth: number; rampMonths: number };
  disabled: boolean;
  scenario: Scenario;
  onChange: (scenario: Scenario) => void;
}) {
  const { t } = useTranslation('pressure');
  const { saved, scenario } = props;
  const current =
    scenario.impacts.find((c) => c.initiativeId === props.initiativeId && c.kpiId === saved.kpi) ?? saved;
  const [text, setText] = useState({
    low: String(current.low),
    likely: String(current.likely),
    high: String(current.high),
  });
  const values = { low: finite(text.low), likely: finite(text.likely), high: finite(text.high) };
  const numeric = Object.values(values).every(Number.isFinite);
  const issues = numeric
    ? checkImpact({ ...saved, ...values })
    : [{ path: 'low', message: t('initiative.threeNumbers') }];
  const issueText = (issue: { path: string; message: string }) =>
    issue.path === 'likely' && values.likely < values.low
      ? t('initiative.likelyBelowLow', { low: values.low, likely: values.likely })
      : issue.path === 'high' && values.high < values.likely
        ? t('initiative.highBelowLikely', { likely: values.likely, high: values.high })
        : `${issue.path} ${issue.message}`;

  const change = (field: keyof typeof text, value: string) => {
    const next = { ...text, [field]: value };
    setText(next);
    const parsed = { low: finite(next.low), likely: finite(next.likely), high: finite(next.high) };
    if (!Object.values(parsed).every(Number.isFinite) || checkImpact({ ...saved, ...parsed }).length > 0)
      return;
    const others = scenario.impacts.filter(
      (c) => !(c.initiativeId === props.initiativeId && c.kpiId === saved.kpi),
    );
    const same = parsed.low === saved.low && parsed.likely === saved.likely && parsed.high === saved.high;
    const change: ImpactChange = { initiativeId: props.initiativeId, kpiId: saved.kpi, ...parsed };
    props.onChange({ ...scenario, impacts: same ? others : [...others, change] });
  };

  return (
    <fieldset className="whatif-impact" disabled={props.disabled} data-testid={`whatif-impact-${saved.kpi}`}>
      <legend>
        <Trans
          t={t}
          ns="pressure"
          i18nKey="initiative.impactOn"
          values={{ kpi: props.kpiTitle, unit: props.unit }}
          components={{ small: <small /> }}
        />
      </legend>
      {(['low', 'likely', 'high'] as const).map((field) => (
        <label key={field} className="whatif-field">
          <span>{t(`initiative.range.${field}`)}</span>
          <input
            className="input"
            type="number"
            step="any"
            name={field}
            value={text[field]}
            aria-invalid={issues.some((i) => i.path === field) ? true : undefined}
            onChange={(e) => change(field, e.target.value)}
          />
        </label>
      ))}
      {issues[0] && (
        <span className="field-error">
          {issues[0].path === 'low' && !numeric ? issues[0].message : issueText(issues[0])}
        </span>
      )}
    </fieldset>
  );
}

function EffortField(props: {
  initiativeId: string;
  effort: SkillEffort;
  disabled: boolean;
  scenario: Scenario;
  onChange: (scenario: Scenario) => void;
}) {
  const { t } = useTranslation('pressure');
  const { effort, scenario } = props;
  const key = effortKey(props.initiativeId, effort.skill);
  const [text, setText] = useState(String(scenario.effort[key] ?? effort.personDaysPerMonth));
  const value = finite(text);
  const invalid = !(value >= 0);
  return (
    <label className="whatif-field">
      <span>
        <Trans
          t={t}
          ns="pressure"
          i18nKey="initiative.effort"
          values={{ skill: effort.skill, from: effort.fromMonth, to: effort.toMonth }}
          components={{ small: <small /> }}
        />
      </span>
      <span className="whatif-input-unit">
        <input
          className="input"
          type="number"
          min={0}
          step="any"
          value={text}
          disabled={props.disabled}
          aria-invalid={invalid ? true : undefined}
          aria-label={t('initiative.effortLabel', { skill: effort.skill })}
          onChange={(e) => {
            setText(e.target.value);
            const days = finite(e.target.value);
            if (!(days >= 0)) return;
            const { [key]: _previous, ...others } = scenario.effort;
            const next = days === effort.personDaysPerMonth ? others : { ...others, [key]: days };
            props.onChange({ ...scenario, effort: next });
          }}
        />
        {t('initiative.daysPerMonth')}
      </span>
      {invalid && <span className="field-error">{t('initiative.effortInvalid')}</span>}
    </label>
  );
}
