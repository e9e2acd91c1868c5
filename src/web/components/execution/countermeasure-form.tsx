/**
 * The countermeasure A3 for a KPI's month: problem, root cause, action, owner, due date and PDCA
 * status. Opens an existing countermeasure when the cell has one; closing asks what effect was seen.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Countermeasure, Person } from '../../../contracts';
import { createCountermeasure, updateCountermeasure } from '../../api-client';
import { Button } from '../button';
import { useSubmit } from '../form/use-submit';
import { monthOfYear } from '../okr/okr-format';

const STATUSES = ['plan', 'do', 'check', 'act', 'closed'] as const;

interface CountermeasureFormProps {
  kpiId: string;
  kpiTitle: string;
  year: number;
  month: number;
  existing: Countermeasure | undefined;
  people: Person[];
  onSaved: () => void;
  onClose: () => void;
  /** Shown to read, not to change (the user does not own the KPI and is no editor of the unit). */
  isReadOnly?: boolean;
}

export function CountermeasureForm(props: CountermeasureFormProps) {
  const { t } = useTranslation('execution');
  const { existing } = props;
  const [fields, setFields] = useState({
    problem: existing?.problem ?? '',
    rootCause: existing?.rootCause ?? '',
    action: existing?.action ?? '',
    ownerId: existing?.ownerId ?? '',
    dueDate: existing?.dueDate ?? '',
    status: existing?.status ?? 'plan',
    effect: existing?.effect ?? '',
  });
  const set = (name: keyof typeof fields) => (event: { target: { value: string } }) =>
    setFields((current) => ({ ...current, [name]: event.target.value }));

  const save = useSubmit(async () => {
    const common = {
      problem: fields.problem,
      rootCause: fields.rootCause,
      action: fields.action,
      ownerId: fields.ownerId || null,
      dueDate: fields.dueDate || null,
    };
    if (existing) {
      await updateCountermeasure(existing.id, {
        version: existing.version,
        ...common,
        status: fields.status,
        ...(fields.effect ? { effect: fields.effect } : {}),
      });
    } else {
      await createCountermeasure({
        kpiId: props.kpiId,
        year: props.year,
        month: props.month,
        ...common,
        status: fields.status === 'closed' ? 'act' : fields.status,
      });
    }
    props.onSaved();
  });

  return (
    <div className="dialog-backdrop" onClick={props.onClose}>
      <form
        className="dialog a3"
        role="dialog"
        aria-label={t('countermeasure.label')}
        onClick={(event) => event.stopPropagation()}
        onSubmit={save.onSubmit}
      >
        <header>
          <h2>{t(props.isReadOnly ? 'countermeasure.titleReadOnly' : 'countermeasure.title')}</h2>
          <p className="muted">
            {props.kpiTitle} · {monthOfYear(props.year, props.month)}
          </p>
        </header>
        <fieldset disabled={props.isReadOnly} className="a3-fields">
          <label>
            <span>{t('countermeasure.problem')}</span>
            <input name="problem" required value={fields.problem} onChange={set('problem')} />
          </label>
          <label>
            <span>{t('countermeasure.rootCause')}</span>
            <textarea name="rootCause" rows={2} value={fields.rootCause} onChange={set('rootCause')} />
          </label>
          <label>
            <span>{t('countermeasure.action')}</span>
            <textarea name="action" rows={2} value={fields.action} onChange={set('action')} />
          </label>
          <div className="a3-row">
            <label>
              <span>{t('countermeasure.owner')}</span>
              <select name="ownerId" value={fields.ownerId} onChange={set('ownerId')}>
                <option value="">—</option>
                {props.people.map((person) => (
                  <option key={person.id} value={person.id}>
                    {person.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <span>{t('countermeasure.due')}</span>
              <input name="dueDate" type="date" value={fields.dueDate} onChange={set('dueDate')} />
            </label>
            <label>
              <span>{t('countermeasure.pdca')}</span>
              <select name="status" value={fields.status} onChange={set('status')}>
                {STATUSES.filter((status) => existing || status !== 'closed').map((status) => (
                  <option key={status} value={status}>
                    {t(`pdca.${status}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {fields.status === 'closed' && (
            <label>
              <span>{t('countermeasure.effect')}</span>
              <textarea name="effect" rows={2} required value={fields.effect} onChange={set('effect')} />
            </label>
          )}
        </fieldset>
        {save.error && (
          <p className="form-error" role="alert">
            {save.error.message}
          </p>
        )}
        <footer>
          <Button variant="ghost" onClick={props.onClose}>
            {t(props.isReadOnly ? 'countermeasure.close' : 'countermeasure.cancel')}
          </Button>
          {!props.isReadOnly && (
            <Button variant="primary" type="submit">
              {t(existing ? 'countermeasure.save' : 'countermeasure.open')}
            </Button>
          )}
        </footer>
      </form>
    </div>
  );
}
