/**
 * An initiative's effort by skill and month, in person-days: one row per skill, twelve cells. Pick a
 * skill, type a total and "Spread evenly" fills the initiative's months (core's spreadEvenly); every
 * cell stays typeable. "Save effort" sends the changed rows in one request (one transaction); a
 * month the server refuses is marked and named. Months outside the initiative's dates are shaded.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { EffortView, MatrixItem } from '../../../contracts';
import { effortMonths, monthsOfYear, spreadEvenly } from '../../../core/effort-months';
import { setEffortMonths } from '../../api-initiative';
import { queries } from '../../api/queries';
import { keys } from '../../api/query-keys';
import { Button, IconButton } from '../button';
import { Field } from '../form/field';
import { FormAlert } from '../form/form-alert';
import { QueryView } from '../form/query-view';
import { useSubmit } from '../form/use-submit';
import { TrashIcon } from '../icons';
import { monthNames, monthProblems, numberText, parseNumber, shownNumber } from './detail-format';

interface EffortGridProps {
  item: MatrixItem;
  year: number;
  readOnly: boolean;
  knownSkills: readonly string[];
}

export function EffortGrid(props: EffortGridProps) {
  const { t } = useTranslation('items');
  const query = useQuery(queries.efforts(props.item.matrixId, props.item.id));
  return (
    <section className="detail-section" aria-labelledby="effort-title" data-testid="effort-grid">
      <h3 className="detail-section-title" id="effort-title">
        <Trans t={t} i18nKey="effort.title" ns="items" components={{ muted: <span className="muted" /> }} />
      </h3>
      <QueryView query={query} errorTitle={t('effort.error')} canRetry loadingLabel={t('effort.loading')}>
        {(efforts) => <EffortTable {...props} efforts={efforts} />}
      </QueryView>
    </section>
  );
}

type Draft = Record<string, string[]>;

function draftOf(efforts: readonly EffortView[], skills: readonly string[]): Draft {
  const draft: Draft = {};
  for (const skill of skills)
    draft[skill] = effortMonths(efforts.filter((e) => e.skill === skill)).map((v) =>
      v === 0 ? '' : numberText(v),
    );
  return draft;
}

function EffortTable({
  item,
  year,
  readOnly,
  knownSkills,
  efforts,
}: EffortGridProps & { efforts: EffortView[] }) {
  const { t } = useTranslation('items');
  const monthShort = monthNames('short');
  const monthLong = monthNames('long');
  const client = useQueryClient();
  const stored = useMemo(
    () => [...new Set([...efforts.map((e) => e.skill), ...item.requiredSkills])],
    [efforts, item.requiredSkills],
  );
  const [order, setOrder] = useState<string[]>(stored);
  const skills = [...new Set([...order, ...stored])];
  const [draft, setDraft] = useState<Draft>(() => draftOf(efforts, stored));
  const [dirty, setDirty] = useState<Set<string>>(new Set());
  const [skill, setSkill] = useState(stored[0] ?? '');
  const [total, setTotal] = useState('');
  const [spreadError, setSpreadError] = useState<string | null>(null);
  const active = useMemo(
    () => new Set(monthsOfYear(item.startDate, item.endDate, year)),
    [item.startDate, item.endDate, year],
  );
  const rowOf = (name: string) => draft[name] ?? draftOf(efforts, [name])[name] ?? Array<string>(12).fill('');
  const changed = skills.filter((name) => dirty.has(name));

  const setRow = (name: string, row: string[]) => {
    setDraft((current) => ({ ...current, [name]: row }));
    setDirty((current) => new Set(current).add(name));
    if (!order.includes(name)) setOrder((current) => [...current, name]);
  };

  const spread = () => {
    const name = skill.trim();
    const amount = parseNumber(total);
    if (!name) return setSpreadError(t('effort.skillMissing'));
    if (amount === null || Number.isNaN(amount) || amount < 0)
      return setSpreadError(t('effort.totalInvalid'));
    setSpreadError(null);
    const months = [...active].sort((a, b) => a - b);
    setRow(
      name,
      spreadEvenly(amount, months).map((v) => (v === 0 ? '' : numberText(v))),
    );
  };

  const save = useSubmit(
    async () => {
      const body = changed.map((name) => ({
        skill: name,
        months: rowOf(name).map((text) => parseNumber(text) ?? 0),
      }));
      const saved = await setEffortMonths(item.id, { skills: body });
      client.setQueryData(keys.efforts(item.matrixId, item.id), saved);
      setDraft((current) => ({ ...current, ...draftOf(saved, changed) }));
      setDirty(new Set());
    },
    {
      check: () => {
        for (const name of changed) {
          const bad = rowOf(name).findIndex((text) => !isEffort(text));
          if (bad >= 0) return t('effort.cellInvalid', { skill: name, month: monthLong[bad] ?? '' });
        }
        return null;
      },
    },
  );
  const problems = (name: string) =>
    monthProblems(save.error, 'months', `skills[${String(changed.indexOf(name))}].`);

  const sumOf = (name: string) => rowOf(name).reduce((sum, text) => sum + (parseNumber(text) || 0), 0);
  const suggestions = [...new Set([...item.requiredSkills, ...knownSkills])];

  return (
    <>
      {!readOnly && (
        <div className="effort-spread">
          <Field label={t('effort.skill')}>
            <input
              className="input"
              name="effortSkill"
              list="effort-skills"
              value={skill}
              onChange={(event) => setSkill(event.target.value)}
            />
          </Field>
          <datalist id="effort-skills">
            {suggestions.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
          <Field label={t('effort.total')}>
            <span className="input-affix">
              <input
                className="input"
                name="effortTotal"
                inputMode="decimal"
                value={total}
                onChange={(event) => setTotal(event.target.value)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') {
                    event.preventDefault();
                    spread();
                  }
                }}
              />
              <span className="input-affix-text">{t('effort.days')}</span>
            </span>
          </Field>
          <Button onClick={spread}>{t('effort.spread', { count: active.size })}</Button>
        </div>
      )}
      {spreadError && <FormAlert>{spreadError}</FormAlert>}
      <FormAlert error={save.error} fields={['skills']} />
      {skills.length === 0 ? (
        <p className="muted detail-empty">{readOnly ? t('effort.empty') : t('effort.emptyEditable')}</p>
      ) : (
        <div className="effort-table-wrap">
          <table className="effort-table">
            <thead>
              <tr>
                <th scope="col">{t('effort.skill')}</th>
                {monthShort.map((month, index) => (
                  <th key={month} scope="col" className={active.has(index + 1) ? undefined : 'is-outside'}>
                    {month}
                  </th>
                ))}
                <th scope="col" className="effort-total">
                  {t('effort.total')}
                </th>
                {!readOnly && <th aria-label={t('effort.actions')} />}
              </tr>
            </thead>
            <tbody>
              {skills.map((name) => {
                const row = rowOf(name);
                const refused = problems(name);
                return (
                  <tr key={name} data-skill={name} className={dirty.has(name) ? 'is-dirty' : undefined}>
                    <th scope="row">{name}</th>
                    {row.map((text, index) => (
                      <td key={index} className={active.has(index + 1) ? undefined : 'is-outside'}>
                        <input
                          className="effort-cell"
                          inputMode="decimal"
                          aria-label={t('effort.cell', { skill: name, month: monthLong[index] ?? '' })}
                          aria-invalid={refused.has(index) || !isEffort(text) ? true : undefined}
                          title={refused.get(index)}
                          value={text}
                          placeholder="–"
                          readOnly={readOnly}
                          onChange={(event) =>
                            setRow(
                              name,
                              row.map((cell, i) => (i === index ? event.target.value : cell)),
                            )
                          }
                        />
                      </td>
                    ))}
                    <td className="effort-total tabular" data-testid={`effort-total-${name}`}>
                      {shownNumber(sumOf(name))}
                    </td>
                    {!readOnly && (
                      <td>
                        <IconButton
                          size="sm"
                          label={t('effort.clear', { skill: name })}
                          onClick={() => setRow(name, Array<string>(12).fill(''))}
                        >
                          <TrashIcon size={13} />
                        </IconButton>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {!readOnly && (
        <div className="detail-actions">
          <span className="muted detail-dirty" aria-live="polite">
            {changed.length === 0 ? '' : t('effort.changed', { count: changed.length })}
          </span>
          <Button variant="primary" disabled={changed.length === 0 || save.isPending} onClick={save.onSubmit}>
            {save.isPending ? t('effort.saving') : t('effort.save')}
          </Button>
        </div>
      )}
    </>
  );
}

/** A cell the grid can send: blank (no effort) or person-days, 0 or more. */
function isEffort(text: string): boolean {
  const value = parseNumber(text);
  return value === null || value >= 0;
}
