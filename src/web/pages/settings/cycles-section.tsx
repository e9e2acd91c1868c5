/**
 * Settings → Cycles: the planning years with their quarters. A cycle is a calendar year or a
 * fiscal year starting in any month (core/cycle.ts splits it into four quarters); admins add and
 * delete them (a cycle with objectives is refused, naming how many).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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
import { currentLocale } from '../../i18n/locale';
import { CycleLockCell } from './cycle-lock-cell';

/** January … December in the reader's language. */
function monthNames(): string[] {
  const format = new Intl.DateTimeFormat(currentLocale(), { month: 'long', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, index) => format.format(Date.UTC(2000, index, 1)));
}

const dayMonth = (iso: string) => formatDay(iso);

export function CyclesSection({ org, readOnly }: { org: OrgData; readOnly: boolean }) {
  const { t } = useTranslation('settings');
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
          {t('cycles.title')} <span className="count">{org.cycles.length}</span>
        </h2>
        {org.cycles.length === 0 ? (
          <EmptyState icon={<ClockIcon size={22} />} title={t('cycles.emptyTitle')}>
            {t('cycles.emptyBody')}
          </EmptyState>
        ) : (
          <table className="admin-table" aria-label={t('cycles.tableLabel')}>
            <thead>
              <tr>
                <th scope="col">{t('cycles.cycle')}</th>
                <th scope="col">{t('cycles.dates')}</th>
                <th scope="col">{t('cycles.quarters')}</th>
                <th scope="col">{t('cycles.checkIns')}</th>
                {!readOnly && (
                  <th scope="col">
                    <span className="visually-hidden">{t('shared.actions')}</span>
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
                      .map((quarter) =>
                        t('cycles.quarterFrom', { quarter: quarter.name, date: dayMonth(quarter.startDate) }),
                      )
                      .join(' · ')}
                  </td>
                  <td>
                    <CycleLockCell orgId={orgId} cycle={cycle} readOnly={readOnly} />
                  </td>
                  {!readOnly && (
                    <td className="row-actions">
                      <IconButton
                        label={t('shared.delete', { name: cycle.name })}
                        onClick={() => setDeleting(cycle)}
                      >
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
          title={t('shared.deleteTitle', { name: deleting.name })}
          confirmLabel={t('cycles.deleteConfirm')}
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            await deleteCycle(deleting.id, deleting.version);
            toast.show({ tone: 'success', message: t('shared.deleted', { name: deleting.name }) });
            await reload();
          }}
        >
          {t('cycles.deleteBody')}
        </ConfirmDialog>
      )}
    </>
  );
}

function AddCycleForm({ org, onAdded }: { org: OrgData; onAdded: () => Promise<unknown> }) {
  const { t } = useTranslation('settings');
  const months = monthNames();
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
      toast.show({ tone: 'success', message: t('shared.added', { name: cycle.name }) });
      setName('');
      await onAdded();
    },
    { check: () => (validYear ? null : t('cycles.yearInvalid')) },
  );
  return (
    <form className="admin-card" onSubmit={save.onSubmit} noValidate aria-label={t('cycles.addTitle')}>
      <h2>{t('cycles.addTitle')}</h2>
      <FormAlert error={save.error} fields={['year', 'name']} />
      <div className="setup-grid setup-grid-3">
        <TextField
          label={t('cycles.year')}
          name="cycle-year"
          type="number"
          min={2000}
          max={2100}
          value={year}
          onChange={(event) => setYear(event.target.value)}
          error={save.fieldErrors.year}
        />
        <Field label={t('cycles.startsIn')} hint={t('cycles.startsInHint')}>
          <select
            className="input"
            name="cycle-start"
            value={startMonth}
            onChange={(event) => setStartMonth(event.target.value)}
          >
            {months.map((month, index) => (
              <option key={month} value={String(index + 1)}>
                {index === 0 ? t('cycles.calendarYear', { month }) : t('cycles.fiscalYear', { month })}
              </option>
            ))}
          </select>
        </Field>
        <TextField
          label={t('shared.name')}
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
        <SubmitButton submit={save} pendingLabel={t('shared.adding')} icon={<PlusIcon />}>
          {t('cycles.add')}
        </SubmitButton>
      </div>
    </form>
  );
}
