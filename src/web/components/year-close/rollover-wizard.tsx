/**
 * The roll-over wizard: every item of the closed year with what it offers (breakthroughs and owners
 * carried, KPIs and annual objectives proposed from what remains, unfinished initiatives carried or
 * closed), the coach's choice per item, and the one button that writes next year's matrix.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RolloverPreview } from '../../../contracts';
import { DEFAULT_PART_NAMES, MATRIX_PARTS } from '../../../core/x-matrix-parts';
import { queries } from '../../api/queries';
import { rollOver } from '../../api-year-close';
import { Button } from '../button';
import { FormAlert } from '../form/form-alert';
import { QueryView } from '../form/query-view';
import { SubmitButton } from '../form/submit-button';
import { useSubmit } from '../form/use-submit';
import { measure, ScoreBadge } from './score-badge';

type Item = RolloverPreview['items'][number];
type Choice = Item['choices'][number];

interface RolloverWizardProps {
  matrixId: string;
  partNames?: Partial<Record<Item['part'], string>>;
  onDone: (result: { year: number }) => void;
  onCancel: () => void;
}

export function RolloverWizard({ matrixId, partNames, onDone, onCancel }: RolloverWizardProps) {
  const { t } = useTranslation('yearclose');
  const preview = useQuery(queries.rolloverPreview(matrixId));
  return (
    <QueryView query={preview} errorTitle={t('rollover.failed')} loadingLabel={t('rollover.preparing')}>
      {(data) => <Choices preview={data} partNames={partNames} onDone={onDone} onCancel={onCancel} />}
    </QueryView>
  );
}

function Choices({
  preview,
  partNames,
  onDone,
  onCancel,
}: { preview: RolloverPreview } & Omit<RolloverWizardProps, 'matrixId'>) {
  const { t } = useTranslation(['yearclose', 'common']);
  const [choices, setChoices] = useState<Record<string, Choice>>(() =>
    Object.fromEntries(preview.items.map((item) => [item.itemId, item.proposed])),
  );
  const [targets, setTargets] = useState<Record<string, string>>(() =>
    Object.fromEntries(preview.items.map((item) => [item.itemId, String(item.nextTarget ?? '')])),
  );
  const carried = preview.items.filter((item) => ['carry', 'raise'].includes(choices[item.itemId] ?? ''));
  const submit = useSubmit(async () => {
    const result = await rollOver(preview.matrixId, {
      decisions: preview.items.map((item) => {
        const choice = choices[item.itemId] ?? item.proposed;
        const target = Number(targets[item.itemId]);
        return choice === 'raise'
          ? { itemId: item.itemId, choice, target: Number.isFinite(target) ? target : null }
          : { itemId: item.itemId, choice };
      }),
    });
    onDone(result);
  });
  // A part under its default (English) name is shown under the reader's; an organisation's own name as it is.
  const name = (part: Item['part']) => {
    const own = partNames?.[part];
    return own && own !== DEFAULT_PART_NAMES[part] ? own : t(`common:parts.${part}`);
  };

  return (
    <form
      className="rollover-wizard dashboard-card"
      onSubmit={submit.onSubmit}
      aria-label={t('rollover.label')}
    >
      <h2>{t('rollover.title', { from: preview.fromYear, to: preview.toYear })}</h2>
      <p className="muted">
        {t('rollover.intro')}{' '}
        {preview.nextCycle
          ? t('rollover.cycleExists', { name: preview.nextCycle.name })
          : t('rollover.cycleCreated', { year: preview.toYear })}
      </p>
      {MATRIX_PARTS.map((part) => {
        const items = preview.items.filter((item) => item.part === part);
        if (items.length === 0) return null;
        return (
          <fieldset key={part} className="rollover-part">
            <legend>{name(part)}</legend>
            <ul>
              {items.map((item) => (
                <li key={item.itemId} className="rollover-row" data-testid={`rollover-${item.itemId}`}>
                  <div className="rollover-title">
                    <span>{item.title}</span>
                    <Facts item={item} />
                  </div>
                  <label className="rollover-choice picker">
                    <span className="visually-hidden">
                      {t('rollover.whatHappens', { title: item.title })}
                    </span>
                    <select
                      value={choices[item.itemId]}
                      onChange={(event) =>
                        setChoices({ ...choices, [item.itemId]: event.target.value as Choice })
                      }
                    >
                      {item.choices.map((choice) => (
                        <option key={choice} value={choice}>
                          {t(`rollover.choice.${choice}`)}
                        </option>
                      ))}
                    </select>
                  </label>
                  {choices[item.itemId] === 'raise' && (
                    <label className="rollover-target">
                      <span>{t('rollover.newTarget')}</span>
                      <input
                        type="number"
                        step="any"
                        value={targets[item.itemId]}
                        onChange={(event) => setTargets({ ...targets, [item.itemId]: event.target.value })}
                      />
                    </label>
                  )}
                </li>
              ))}
            </ul>
          </fieldset>
        );
      })}
      <FormAlert error={submit.error} />
      <div className="rollover-actions">
        <span className="muted">
          {t('rollover.summary', {
            carried: carried.length,
            left: preview.items.length - carried.length,
            to: preview.toYear,
            from: preview.fromYear,
          })}
        </span>
        <Button variant="ghost" onClick={onCancel}>
          {t('rollover.cancel')}
        </Button>
        <SubmitButton submit={submit} pendingLabel={t('rollover.creating')}>
          {t('rollover.create', { year: preview.toYear })}
        </SubmitButton>
      </div>
    </form>
  );
}

/** What the year reached for a KPI or an annual objective: score, final value against target, gap. */
function Facts({ item }: { item: Item }) {
  const { t } = useTranslation('yearclose');
  if (item.part === 'how_much') {
    return (
      <span className="rollover-facts">
        <ScoreBadge score={item.score} met={item.met} />
        <span>
          {item.met === false && item.gap !== null
            ? t('rollover.factsGap', {
                final: measure(item.final, item.unitOfMeasure),
                target: measure(item.target, item.unitOfMeasure),
                gap: measure(item.gap, item.unitOfMeasure),
              })
            : t('rollover.facts', {
                final: measure(item.final, item.unitOfMeasure),
                target: measure(item.target, item.unitOfMeasure),
              })}
        </span>
      </span>
    );
  }
  if (item.part === 'how_far') {
    return (
      <span className="rollover-facts">
        <ScoreBadge score={item.score} met={item.met} />
      </span>
    );
  }
  return null;
}
