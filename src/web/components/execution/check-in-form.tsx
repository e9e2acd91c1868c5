/** An inline check-in on a key result or a KPI: value, confidence and comment, dated today. */
import { useState } from 'react';
import { createCheckIn } from '../../api-client';
import { Button } from '../button';
import { useSubmit } from '../form/use-submit';

/** What is checked in on: a key result or a KPI (How Much item). */
export type CheckInSubject = { keyResultId: string } | { kpiId: string };

interface CheckInFormProps {
  subject: CheckInSubject;
  title: string;
  /** Called after the server accepted the check-in. */
  onDone: () => void;
  onCancel: () => void;
  /** The KPIs measuring the key result (`<KPI> (<unit>)`): a value here is then an explicit override. */
  measuredBy?: readonly string[] | undefined;
}

export function CheckInForm({ subject, title, onDone, onCancel, measuredBy = [] }: CheckInFormProps) {
  const measured = measuredBy.length > 0;
  const [override, setOverride] = useState(false);
  const [value, setValue] = useState('');
  const [confidence, setConfidence] = useState('0.7');
  const [comment, setComment] = useState('');
  const save = useSubmit(async () => {
    await createCheckIn({
      ...subject,
      value: Number(value),
      confidence: Number(confidence),
      comment,
      date: new Date().toISOString().slice(0, 10),
      ...(measured ? { override } : {}),
    });
    onDone();
  });

  return (
    <form className="check-in-form" aria-label={`Check in on ${title}`} onSubmit={save.onSubmit}>
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
          {measured ? 'Save override' : 'Save check-in'}
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
