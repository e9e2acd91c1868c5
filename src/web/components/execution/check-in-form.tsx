/**
 * An inline check-in on a key result or a KPI: value, confidence, comment and the date measured
 * (today by default; back-dated inside the item's cycle as core's `checkCheckInDate` allows, its
 * refusal shown at the date). With `correcting`, the same form corrects an earlier check-in: the
 * original stays in the history, marked as corrected.
 */
import { useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { CheckIn } from '../../../contracts';
import { checkCheckInDate } from '../../../core/check-in';
import { createCheckIn } from '../../api-client';
import { correctCheckIn } from '../../api-okrs';
import { Button } from '../button';
import { useSubmit } from '../form/use-submit';
import { localIsoDate } from '../../../core/calendar';

/** What is checked in on: a key result or a KPI (How Much item). */
export type CheckInSubject = { keyResultId: string } | { kpiId: string };

/** The cycle a check-in's date must fall in. */
export interface CheckInCycle {
  name: string;
  startDate: string;
  endDate: string;
}

interface CheckInFormProps {
  subject: CheckInSubject;
  title: string;
  /** The item's cycle: the date is checked against it before asking the server (which checks too). */
  cycle?: CheckInCycle | undefined;
  /** The check-in this one corrects; its values fill the form. */
  correcting?: CheckIn | undefined;
  /** Called after the server accepted the check-in. */
  onDone: () => void;
  onCancel: () => void;
  /** The KPIs measuring the key result (`<KPI> (<unit>)`): a value here is then an explicit override. */
  measuredBy?: readonly string[] | undefined;
}

const todayIso = () => localIsoDate(new Date());

export function CheckInForm({
  subject,
  title,
  cycle,
  correcting,
  onDone,
  onCancel,
  measuredBy = [],
}: CheckInFormProps) {
  const { t } = useTranslation('execution');
  const measured = measuredBy.length > 0 && !correcting;
  const [override, setOverride] = useState(false);
  const [value, setValue] = useState(correcting ? String(correcting.value) : '');
  const [confidence, setConfidence] = useState(
    correcting?.confidence === null || correcting?.confidence === undefined
      ? '0.7'
      : String(correcting.confidence),
  );
  const [comment, setComment] = useState(correcting?.comment ?? '');
  const [date, setDate] = useState(correcting?.date ?? todayIso());
  const dateProblem = () => (cycle ? (checkCheckInDate(date, cycle, todayIso())[0]?.message ?? null) : null);
  /** The check's last refusal of the date, shown at the date. */
  const dateRefusal = useRef<string | null>(null);
  const save = useSubmit(
    async () => {
      const fields = { value: Number(value), confidence: Number(confidence), comment, date };
      if (correcting) await correctCheckIn(correcting.id, fields);
      else await createCheckIn({ ...subject, ...fields, ...(measured ? { override } : {}) });
      onDone();
    },
    {
      check: () => {
        dateRefusal.current = null;
        if (!Number.isFinite(Number(value))) return t('checkInForm.valueNotNumber', { value });
        const problem = dateProblem();
        if (!problem) return null;
        dateRefusal.current = t('checkInForm.dateProblem', { problem });
        return dateRefusal.current;
      },
    },
  );
  const dateError =
    save.fieldErrors.date ??
    (save.error && save.error.message === dateRefusal.current ? save.error.message : undefined);

  return (
    <form
      className="check-in-form"
      aria-label={t(correcting ? 'checkInForm.labelCorrect' : 'checkInForm.labelCheckIn', { title })}
      onSubmit={save.onSubmit}
      noValidate
    >
      {measured && (
        <div className="check-in-measured">
          <p>
            <Trans
              t={t}
              i18nKey="checkInForm.measured"
              values={{ count: measuredBy.length, names: measuredBy.join(', ') }}
              components={{ strong: <strong /> }}
            />
          </p>
          <label className="check-in-override">
            <input
              type="checkbox"
              name="override"
              checked={override}
              onChange={(event) => setOverride(event.target.checked)}
            />
            <span>{t('checkInForm.override')}</span>
          </label>
        </div>
      )}
      <label>
        <span>{t('checkInForm.value')}</span>
        <input
          name="value"
          inputMode="decimal"
          required
          value={value}
          aria-invalid={save.fieldErrors.value ? true : undefined}
          onChange={(event) => setValue(event.target.value)}
        />
      </label>
      <label>
        <span>{t('checkInForm.confidence')}</span>
        <input
          name="confidence"
          type="number"
          min={0}
          max={1}
          step={0.05}
          value={confidence}
          onChange={(event) => setConfidence(event.target.value)}
        />
      </label>
      <label>
        <span>{t('checkInForm.date')}</span>
        <input
          name="date"
          type="date"
          value={date}
          aria-invalid={dateError ? true : undefined}
          title={
            cycle
              ? t('checkInForm.dateRange', { cycle: cycle.name, start: cycle.startDate, end: cycle.endDate })
              : undefined
          }
          onChange={(event) => setDate(event.target.value)}
        />
      </label>
      <label className="check-in-comment">
        <span>{t('checkInForm.comment')}</span>
        <input name="comment" value={comment} onChange={(event) => setComment(event.target.value)} />
      </label>
      <div className="check-in-actions">
        <Button
          variant="primary"
          size="sm"
          type="submit"
          disabled={save.isPending || value.trim() === '' || (measured && !override)}
        >
          {t(
            correcting
              ? 'checkInForm.saveCorrection'
              : measured
                ? 'checkInForm.saveOverride'
                : 'checkInForm.save',
          )}
        </Button>
        <Button variant="ghost" size="sm" onClick={onCancel}>
          {t('checkInForm.cancel')}
        </Button>
      </div>
      {save.error && (
        <p className="form-error" role="alert">
          {save.error.message}
        </p>
      )}
    </form>
  );
}
