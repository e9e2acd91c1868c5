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
}

export function CheckInForm({ subject, title, onDone, onCancel }: CheckInFormProps) {
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
    });
    onDone();
  });

  return (
    <form className="check-in-form" aria-label={`Check in on ${title}`} onSubmit={save.onSubmit}>
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
        <Button variant="primary" size="sm" type="submit" disabled={save.isPending || value.trim() === ''}>
          Save check-in
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
