/**
 * An inline check-in on a key result or a KPI: value, confidence, comment and the date measured
 * (today by default; back-dated inside the item's cycle as core's `checkCheckInDate` allows, its
 * refusal shown at the date). With `correcting`, the same form corrects an earlier check-in: the
 * original stays in the history, marked as corrected.
 */
import { useState } from 'react';
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
  const save = useSubmit(
    async () => {
      const fields = { value: Number(value), confidence: Number(confidence), comment, date };
      if (correcting) await correctCheckIn(correcting.id, fields);
      else await createCheckIn({ ...subject, ...fields, ...(measured ? { override } : {}) });
      onDone();
    },
    {
      check: () => {
        if (!Number.isFinite(Number(value))) return `Value: enter a number, not "${value}"`;
        const problem = dateProblem();
        return problem ? `Date: ${problem}` : null;
      },
    },
  );
  const dateError =
    save.fieldErrors.date ?? (save.error?.message.startsWith('Date:') ? save.error.message : undefined);
  const verb = correcting ? 'Correct the check-in' : 'Check in';

  return (
    <form className="check-in-form" aria-label={`${verb} on ${title}`} onSubmit={save.onSubmit} noValidate>
      {measured && (
        <div className="check-in-measured">
          <p>
            This key result follows {measuredBy.length === 1 ? 'its KPI' : 'its KPIs'}{' '}
            <strong>{measuredBy.join(', ')}</strong>. Check in there, or record a manual value over{' '}
            {measuredBy.length === 1 ? 'it' : 'them'}; history shows it as an override.
          </p>
          <label className="check-in-override">
            <input
              type="checkbox"
              name="override"
              checked={override}
              onChange={(event) => setOverride(event.target.checked)}
            />
            <span>Record as a manual override of the KPIs</span>
          </label>
        </div>
      )}
      <label>
        <span>Value</span>
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
        <span>Confidence</span>
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
        <span>Date</span>
        <input
          name="date"
          type="date"
          value={date}
          aria-invalid={dateError ? true : undefined}
          title={
            cycle ? `Inside ${cycle.name} (${cycle.startDate} to ${cycle.endDate}), up to today` : undefined
          }
          onChange={(event) => setDate(event.target.value)}
        />
      </label>
      <label className="check-in-comment">
        <span>Comment</span>
        <input name="comment" value={comment} onChange={(event) => setComment(event.target.value)} />
      </label>
      <div className="check-in-actions">
        <Button
          variant="primary"
          size="sm"
          type="submit"
          disabled={save.isPending || value.trim() === '' || (measured && !override)}
        >
          {correcting ? 'Save correction' : measured ? 'Save override' : 'Save check-in'}
        </Button>
        <Button variant="ghost" size="sm" onClick={onCancel}>
          Cancel
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
