/**
 * An initiative's effort by skill and month, in person-days: one row per skill, twelve cells. Pick a
 * skill, type a total and "Spread evenly" fills the initiative's months (core's spreadEvenly); every
 * cell stays typeable. "Save effort" sends the changed rows in one request (one transaction); a
 * month the server refuses is marked and named. Months outside the initiative's dates are shaded.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
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
import { MONTH_LONG, MONTH_SHORT, monthProblems, numberText, parseNumber } from './detail-format';

interface EffortGridProps {
  item: MatrixItem;
  year: number;
  readOnly: boolean;
  knownSkills: readonly string[];
}

export function EffortGrid(props: EffortGridProps) {
  const query = useQuery(queries.efforts(props.item.matrixId, props.item.id));
  return (
    <section className="detail-section" aria-labelledby="effort-title" data-testid="effort-grid">
      <h3 className="detail-section-title" id="effort-title">
        Effort by skill <span className="muted">person-days per month</span>
      </h3>
      <QueryView query={query} errorTitle="Could not load the effort" canRetry loadingLabel="Loading effort">
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
    if (!name) return setSpreadError('Skill: name the skill to spread');
    if (amount === null || Number.isNaN(amount) || amount < 0)
      return setSpreadError('Total: type the person-days to spread (0 or more)');
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
          if (bad >= 0)
            return `${name}, ${MONTH_LONG[bad] ?? ''}: must be a number of person-days, 0 or more`;
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
          <Field label="Skill">
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
          <Field label="Total">
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
              <span className="input-affix-text">days</span>
            </span>
          </Field>
          <Button onClick={spread}>
            Spread evenly over {active.size} {active.size === 1 ? 'month' : 'months'}
          </Button>
        </div>
      )}
      {spreadError && <FormAlert>{spreadError}</FormAlert>}
      <FormAlert error={save.error} fields={['skills']} />
      {skills.length === 0 ? (
        <p className="muted detail-empty">
          No effort yet.{!readOnly && ' Name a skill and a total above, then spread it over the months.'}
        </p>
      ) : (
        <div className="effort-table-wrap">
          <table className="effort-table">
            <thead>
              <tr>
                <th scope="col">Skill</th>
                {MONTH_SHORT.map((month, index) => (
                  <th key={month} scope="col" className={active.has(index + 1) ? undefined : 'is-outside'}>
                    {month}
                  </th>
                ))}
                <th scope="col" className="effort-total">
                  Total
                </th>
                {!readOnly && <th aria-label="Actions" />}
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
                          aria-label={`${name}, ${MONTH_LONG[index] ?? ''}`}
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
                      {numberText(sumOf(name)) || '0'}
                    </td>
                    {!readOnly && (
                      <td>
                        <IconButton
                          size="sm"
                          label={`Clear ${name}`}
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
            {changed.length === 0
              ? ''
              : `${changed.length} ${changed.length === 1 ? 'skill' : 'skills'} changed`}
          </span>
          <Button variant="primary" disabled={changed.length === 0 || save.isPending} onClick={save.onSubmit}>
            {save.isPending ? 'Saving…' : 'Save effort'}
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
