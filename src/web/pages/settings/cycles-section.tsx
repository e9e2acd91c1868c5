/**
 * Settings → Cycles: the planning years with their quarters. A cycle is a calendar year or a
 * fiscal year starting in any month (core/cycle.ts splits it into four quarters); admins add and
 * delete them (a cycle with objectives is refused, naming how many).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Cycle } from '../../../contracts';
import { defaultCycleDates, quartersOf } from '../../../core/cycle';
import { createCycle, deleteCycle } from '../../api-structure';
import { keys } from '../../api/query-keys';
import { IconButton } from '../../components/button';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { EmptyState } from '../../components/empty-state';
import { Field, TextField } from '../../components/form/field';
import { FormAlert } from '../../components/form/form-alert';
import { SubmitButton } from '../../components/form/submit-button';
import { useSubmit } from '../../components/form/use-submit';
import { ClockIcon, PlusIcon, TrashIcon } from '../../components/icons';
import { useToast } from '../../components/toast';
import type { OrgData } from '../../hooks/org-context';
import { formatDay } from '../../format/dates';
import { monthName } from '../../../core/calendar';
import { CycleLockCell } from './cycle-lock-cell';

const MONTHS = Array.from({ length: 12 }, (_, index) => monthName(index + 1));

const dayMonth = (iso: string) => formatDay(iso);

export function CyclesSection({ org, readOnly }: { org: OrgData; readOnly: boolean }) {
  const client = useQueryClient();
  const toast = useToast();
  const orgId = org.organisation.id;
  const [deleting, setDeleting] = useState<Cycle | null>(null);
  const reload = () => client.invalidateQueries({ queryKey: keys.cycles(orgId) });
  return (
    <>
      {!readOnly && <AddCycleForm org={org} onAdded={reload} />}
      <section className="admin-card" aria-labelledby="cycles-title">
        <h2 id="cycles-title">
          Cycles <span className="count">{org.cycles.length}</span>
        </h2>
        {org.cycles.length === 0 ? (
          <EmptyState icon={<ClockIcon size={22} />} title="No cycles yet">
            A cycle is a planning year with four quarters; OKRs and check-ins belong to one. Add this year’s
            cycle above.
          </EmptyState>
        ) : (
          <table className="admin-table" aria-label="Cycles">
            <thead>
              <tr>
                <th scope="col">Cycle</th>
                <th scope="col">Dates</th>
                <th scope="col">Quarters</th>
                <th scope="col">Check-ins</th>
                {!readOnly && (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {org.cycles.map((cycle) => (
                <tr key={cycle.id}>
                  <th scope="row">{cycle.name}</th>
                  <td>
                    {dayMonth(cycle.startDate)} – {dayMonth(cycle.endDate)}
                  </td>
                  <td className="muted">
                    {cycle.quarters
                      .map((quarter) => `${quarter.name} from ${dayMonth(quarter.startDate)}`)
                      .join(' · ')}
                  </td>
                  <td>
                    <CycleLockCell orgId={orgId} cycle={cycle} readOnly={readOnly} />
                  </td>
                  {!readOnly && (
                    <td className="row-actions">
                      <IconButton label={`Delete ${cycle.name}`} onClick={() => setDeleting(cycle)}>
                        <TrashIcon />
                      </IconButton>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {deleting && (
        <ConfirmDialog
          title={`Delete ${deleting.name}?`}
          confirmLabel="Delete cycle"
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            await deleteCycle(deleting.id, deleting.version);
            toast.show({ tone: 'success', message: `Deleted ${deleting.name}` });
            await reload();
          }}
        >
          A cycle can be deleted once it holds no objectives.
        </ConfirmDialog>
      )}
    </>
  );
}

function AddCycleForm({ org, onAdded }: { org: OrgData; onAdded: () => Promise<unknown> }) {
  const toast = useToast();
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [startMonth, setStartMonth] = useState('1');
  const [name, setName] = useState('');
  const yearNumber = Number(year);
  const validYear = Number.isInteger(yearNumber) && yearNumber >= 2000 && yearNumber <= 2100;
  const dates = validYear ? defaultCycleDates(yearNumber, Number(startMonth)) : null;
  const suggested = startMonth === '1' ? year : `FY${year}`;
  const save = useSubmit(
    async () => {
      if (!dates) return;
      const cycle = await createCycle({
        organisationId: org.organisation.id,
        year: yearNumber,
        name: (name.trim() || suggested).trim(),
        ...dates,
      });
      toast.show({ tone: 'success', message: `Added ${cycle.name}` });
      setName('');
      await onAdded();
    },
    { check: () => (validYear ? null : 'Year: a year from 2000 to 2100') },
  );
  return (
    <form className="admin-card" onSubmit={save.onSubmit} noValidate aria-label="Add a cycle">
      <h2>Add a cycle</h2>
      <FormAlert error={save.error} fields={['year', 'name']} />
      <div className="setup-grid setup-grid-3">
        <TextField
          label="Year"
          name="cycle-year"
          type="number"
          min={2000}
          max={2100}
          value={year}
          onChange={(event) => setYear(event.target.value)}
          error={save.fieldErrors.year}
        />
        <Field label="Starts in" hint="January for a calendar year; any other month for a fiscal year">
          <select
            className="input"
            name="cycle-start"
            value={startMonth}
            onChange={(event) => setStartMonth(event.target.value)}
          >
            {MONTHS.map((month, index) => (
              <option key={month} value={String(index + 1)}>
                {index === 0 ? `${month} (calendar year)` : `${month} (fiscal year)`}
              </option>
            ))}
          </select>
        </Field>
        <TextField
          label="Name"
          name="cycle-name"
          value={name}
          placeholder={suggested}
          onChange={(event) => setName(event.target.value)}
          error={save.fieldErrors.name}
          maxLength={200}
        />
      </div>
      {dates && (
        <p className="field-hint" data-testid="cycle-preview">
          {dayMonth(dates.startDate)} – {dayMonth(dates.endDate)}:{' '}
          {quartersOf(dates)
            .map((quarter) => `${quarter.name} ${dayMonth(quarter.startDate)}`)
            .join(', ')}
        </p>
      )}
      <div className="admin-card-actions">
        <SubmitButton submit={save} pendingLabel="Adding…" icon={<PlusIcon />}>
          Add cycle
        </SubmitButton>
      </div>
    </form>
  );
}
