/**
 * Steps 2-5 of the wizard: the four lists of the X-matrix, each item editable where the wizard
 * lets the user decide (titles, merges and splits of What, targets of How Far and How Much, new
 * initiatives). Each row names the parent OKR it came from. Test hooks: `wizard-<part>-<key>`.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ObjectiveWithKeyResults } from '../../../contracts';
import { Button } from '../../components/button';
import { freshKey, mergeWhat, removeItem, splitWhat, updateItem, type Proposal } from './proposal-edits';

interface StepProps {
  proposal: Proposal;
  okrs: ObjectiveWithKeyResults[];
  onChange: (proposal: Proposal) => void;
}

/** Titles of the parent's objectives and key results by id, to show where an item came from. */
export function sourceTitles(okrs: ObjectiveWithKeyResults[]): Map<string, string> {
  return new Map(
    okrs.flatMap((o) => [[o.id, o.title] as const, ...o.keyResults.map((kr) => [kr.id, kr.title] as const)]),
  );
}

/** A small number input where blank means "not known" (null). */
function NumberField(props: {
  label: string;
  prefix: string;
  value: number | null;
  onChange: (value: number | null) => void;
}) {
  return (
    <label className="wizard-number">
      <span>{props.prefix}</span>
      <input
        aria-label={props.label}
        inputMode="decimal"
        value={props.value ?? ''}
        onChange={(event) =>
          props.onChange(event.target.value.trim() === '' ? null : Number(event.target.value))
        }
      />
    </label>
  );
}

export function StepWhat({ proposal, okrs, onChange }: StepProps) {
  const { t } = useTranslation('wizard');
  const titles = sourceTitles(okrs);
  return (
    <ul className="wizard-list">
      {proposal.what.map((what) => (
        <li key={what.key} className="wizard-row" data-testid={`wizard-what-${what.key}`}>
          <input
            aria-label={t('items.what')}
            value={what.title}
            onChange={(event) =>
              onChange(updateItem(proposal, 'what', what.key, { title: event.target.value }))
            }
          />
          <span className="wizard-source">
            {t('items.fromObjectives', {
              sources: [what.sourceObjectiveId, ...what.mergedObjectiveIds]
                .map((id) => titles.get(id ?? '') ?? id)
                .join(' + '),
            })}
          </span>
          <span className="wizard-actions">
            <Button size="sm" variant="ghost" onClick={() => onChange(splitWhat(proposal, what.key))}>
              {t('items.split')}
            </Button>
            <select
              aria-label={t('items.mergeLabel', { title: what.title })}
              value=""
              onChange={(event) => onChange(mergeWhat(proposal, what.key, event.target.value))}
            >
              <option value="">{t('items.mergeInto')}</option>
              {proposal.what
                .filter((other) => other.key !== what.key)
                .map((other) => (
                  <option key={other.key} value={other.key}>
                    {other.title}
                  </option>
                ))}
            </select>
            <Button
              size="sm"
              variant="ghost"
              onClick={() => onChange(removeItem(proposal, 'what', what.key))}
            >
              {t('items.remove')}
            </Button>
          </span>
        </li>
      ))}
    </ul>
  );
}

export function StepHowFar({ proposal, okrs, onChange }: StepProps) {
  const { t } = useTranslation('wizard');
  const titles = sourceTitles(okrs);
  return (
    <ul className="wizard-list">
      {proposal.howFar.map((item) => (
        <li key={item.key} className="wizard-row" data-testid={`wizard-how-far-${item.key}`}>
          <input
            aria-label={t('items.howFar')}
            value={item.title}
            onChange={(event) =>
              onChange(updateItem(proposal, 'howFar', item.key, { title: event.target.value }))
            }
          />
          <span className="wizard-source">
            {t('items.fromKeyResult', { title: titles.get(item.sourceKeyResultId ?? '') ?? '—' })}
          </span>
          <Button
            size="sm"
            variant="ghost"
            onClick={() => onChange(removeItem(proposal, 'howFar', item.key))}
          >
            {t('items.remove')}
          </Button>
        </li>
      ))}
    </ul>
  );
}

export function StepHow({ proposal, onChange }: StepProps) {
  const { t } = useTranslation('wizard');
  const [title, setTitle] = useState('');
  const add = () => {
    if (!title.trim()) return;
    const item = {
      key: freshKey(proposal, 'how'),
      title: title.trim(),
      description: '',
      startDate: null,
      endDate: null,
    };
    onChange({ ...proposal, how: [...proposal.how, item] });
    setTitle('');
  };
  return (
    <>
      <p className="wizard-help">{t('items.howHelp')}</p>
      <ul className="wizard-list">
        {proposal.how.map((item) => (
          <li key={item.key} className="wizard-row" data-testid={`wizard-how-${item.key}`}>
            <input
              aria-label={t('items.how')}
              value={item.title}
              onChange={(event) =>
                onChange(updateItem(proposal, 'how', item.key, { title: event.target.value }))
              }
            />
            <Button size="sm" variant="ghost" onClick={() => onChange(removeItem(proposal, 'how', item.key))}>
              {t('items.remove')}
            </Button>
          </li>
        ))}
      </ul>
      <form
        className="wizard-add"
        onSubmit={(event) => {
          event.preventDefault();
          add();
        }}
      >
        <input
          aria-label={t('items.newHow')}
          placeholder={t('items.newHowPlaceholder')}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
        <Button size="sm" type="submit" disabled={!title.trim()}>
          {t('items.addHow')}
        </Button>
      </form>
    </>
  );
}

export function StepHowMuch({ proposal, okrs, onChange }: StepProps) {
  const { t } = useTranslation('wizard');
  const titles = sourceTitles(okrs);
  return (
    <ul className="wizard-list">
      {proposal.howMuch.map((kpi) => (
        <li key={kpi.key} className="wizard-row wizard-row-kpi" data-testid={`wizard-how-much-${kpi.key}`}>
          <input
            aria-label={t('items.howMuch')}
            value={kpi.title}
            onChange={(event) =>
              onChange(updateItem(proposal, 'howMuch', kpi.key, { title: event.target.value }))
            }
          />
          <NumberField
            label={t('items.baseline')}
            prefix={t('items.baselinePrefix')}
            value={kpi.baseline}
            onChange={(baseline) => onChange(updateItem(proposal, 'howMuch', kpi.key, { baseline }))}
          />
          <NumberField
            label={t('items.target')}
            prefix={t('items.targetPrefix')}
            value={kpi.target}
            onChange={(target) => onChange(updateItem(proposal, 'howMuch', kpi.key, { target }))}
          />
          <span className="wizard-source">
            {t('items.kpiSource', {
              unitOfMeasure: kpi.unitOfMeasure,
              direction: kpi.direction,
              title: titles.get(kpi.sourceKeyResultId ?? '') ?? '—',
            })}
          </span>
          <Button
            size="sm"
            variant="ghost"
            onClick={() => onChange(removeItem(proposal, 'howMuch', kpi.key))}
          >
            {t('items.remove')}
          </Button>
        </li>
      ))}
    </ul>
  );
}
